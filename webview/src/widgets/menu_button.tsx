// `menu_button`: a button that opens a menu (the APG menu button pattern). Choosing an option
// sends its index as a one-run trigger value; closing the menu without a choice sends nothing.
// ↑/↓ move, Home/End jump, Enter or Space choose, Escape or Tab close.

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Help, InlineMarkdown, widgetProps } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { buttonWidth, sendClick } from "./link_button";
import { leavesWidget, usePopup } from "./popup";

function MenuButton({ node, store }: ElementProps<"menu_button">) {
  const { id: widgetId, label, disabled, help } = widgetProps(node);
  const p = node.props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  usePopup(open, rootRef, buttonRef, menuRef, () => setOpen(false));
  const menuId = `sp-menu-${node.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const { stretch, style } = buttonWidth(p.width);

  // The focused item follows the active one while the menu is open.
  useLayoutEffect(() => {
    if (open) menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus();
  }, [open, active]);

  const openAt = (index: number) => {
    if (disabled) return;
    setActive(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const choose = (index: number) => {
    close();
    sendClick(store, widgetId, index);
  };

  const menuKeys = (e: KeyboardEvent) => {
    const last = p.options.length - 1;
    const go = (index: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, index)));
    };
    if (e.key === "ArrowDown") go(active === last ? 0 : active + 1);
    else if (e.key === "ArrowUp") go(active === 0 ? last : active - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(last);
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") setOpen(false);
  };

  return (
    <div
      ref={rootRef}
      class={`sp-widget sp-button-row sp-menu-button${stretch ? " sp-stretch" : ""}`}
      onFocusOut={(e) => {
        if (open && leavesWidget(e, rootRef.current)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        class={`sp-button sp-button-${p.kind}`}
        style={style}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            openAt(e.key === "ArrowDown" ? 0 : p.options.length - 1);
          }
        }}
      >
        {p.icon !== undefined && <Icon icon={p.icon} />}
        <InlineMarkdown text={label} />
        <span class="sp-menu-caret" aria-hidden="true" />
      </button>
      {help && <Help text={help} />}
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          class="sp-popup sp-listbox sp-menu"
          popover="manual"
          role="menu"
          aria-label={label}
          onKeyDown={menuKeys}
        >
          {p.options.map((option, i) => (
            <li
              key={i}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              class={`sp-option${i === active ? " sp-active" : ""}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
            >
              <InlineMarkdown text={option} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

registerElement("menu_button", MenuButton);
