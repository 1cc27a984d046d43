// `popover` (st.popover): a button that opens a floating panel holding the block's children.
// The children stay mounted while it is closed (the script draws them on every run, open or
// not); the panel is shown in the browser's top layer under the button, so columns, expanders
// or the sidebar never clip it. A press outside it or Escape closes it.

import type { JSX } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Children } from "../core/Node";
import { Help, InlineMarkdown } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { usePopup } from "../widgets/popup";
import { keyClassName } from "./layout";

function hideFromTopLayer(panel: HTMLElement): void {
  try {
    if (typeof panel.hidePopover === "function" && panel.matches(":popover-open")) {
      panel.hidePopover();
    }
  } catch {
    // No top layer here: `hidden` alone hides it.
  }
}

/** What can take the focus inside the panel. */
const FOCUSABLE =
  'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A list or picker of a widget inside is open: Escape closes that first, not the panel. */
const INNER_POPUP =
  '[aria-haspopup][aria-expanded="true"], [role="combobox"][aria-expanded="true"]';

function Popover({ node, store }: ElementProps<"popover">) {
  const p = node.props;
  const [local, setLocal] = useState(false);
  // Stateful (`on_change` set): open or closed is a widget value, sent and rerun.
  const stateful = p.id !== undefined;
  const open = stateful ? store.widgetValue(node) === true : local;
  const setOpen = (next: boolean) => {
    if (next === open) return;
    if (stateful) store.setWidgetValue(node, next);
    else setLocal(next);
  };
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  usePopup(open, root, button, panel, () => setOpen(false), true);
  // Opened by the person: the focus moves to the first control inside (as Streamlit's popover
  // does), after usePopup has shown the panel.
  const clicked = useRef(false);
  useLayoutEffect(() => {
    if (!open && panel.current) hideFromTopLayer(panel.current);
    if (open && clicked.current) panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    clicked.current = false;
  }, [open]);
  // Read before the widget's own handler runs: it closes its list, and the list is gone (a
  // re-render between listeners) by the time the key bubbles up here.
  const innerOpen = useRef(false);
  const onKeyDownCapture = (e: KeyboardEvent) => {
    innerOpen.current = e.key === "Escape" && panel.current?.querySelector(INNER_POPUP) != null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open || innerOpen.current) return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  const stretch = p.width === "stretch";
  const style: JSX.CSSProperties = typeof p.width === "number" ? { width: `${p.width}px` } : {};
  const wrap = p.wrap === undefined ? "" : p.wrap ? " sp-wrap" : " sp-nowrap";
  return (
    <div
      ref={root}
      class={`sp-popover ${keyClassName(p.key)}`.trim()}
      onKeyDownCapture={onKeyDownCapture}
      onKeyDown={onKeyDown}
    >
      <div class={`sp-widget sp-button-row${stretch ? " sp-stretch" : ""}`}>
        <button
          ref={button}
          type="button"
          class={`sp-button sp-button-${p.kind ?? "secondary"} sp-popover-button${wrap}`}
          disabled={p.disabled === true}
          style={style}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => {
            clicked.current = !open;
            setOpen(!open);
          }}
        >
          {p.icon !== undefined && <Icon icon={p.icon} />}
          <InlineMarkdown class="sp-popover-label" text={p.label} />
          <span class="sp-chevron" aria-hidden="true" />
        </button>
        {p.help !== undefined && <Help text={p.help} />}
      </div>
      <div
        ref={panel}
        class="sp-popup sp-popover-panel"
        popover="manual"
        role="dialog"
        aria-label={p.label}
        hidden={!open}
      >
        <Children node={node} store={store} />
      </div>
    </div>
  );
}

registerElement("popover", Popover);
