// `dialog` (@st.dialog): a modal overlay holding the block's children, in the browser's top layer
// (a native <dialog> shown with showModal: the page behind it is inert). It is open while the
// node exists; the person may close it (Escape, the close button, a click outside) when it is
// dismissible, which hides it until a later full run still draws it (docs/protocol.md, Dialogs)
// and, with `dismiss` (on_dismiss), sends that trigger so the app reruns.

import type { JSX } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Children } from "../core/Node";
import { InlineMarkdown } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";

/** Streamlit's widths for the presets (at most, in pixels). */
const WIDTHS = { small: 500, medium: 750, large: 1280 } as const;
/** A fixed width never makes it narrower than this (unless the viewport is). */
const MIN_PIXEL_WIDTH = 200;

function show(dialog: HTMLDialogElement): void {
  if (dialog.open) return;
  try {
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
      return;
    }
  } catch {
    // Not connected yet, or no top layer here: shown in place instead.
  }
  dialog.setAttribute("open", "");
}

function hide(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === "function") dialog.close();
  else dialog.removeAttribute("open");
}

/** Whether a widget inside `dialog` shows an open popup (a select's list, a calendar). */
function hasOpenPopup(dialog: HTMLElement | null): boolean {
  if (!dialog) return false;
  if (dialog.querySelector('[aria-expanded="true"]') !== null) return true;
  try {
    return dialog.querySelector(":popover-open") !== null;
  } catch {
    return false; // an engine without popovers has none open
  }
}

function Dialog({ node, store }: ElementProps<"dialog">) {
  const p = node.props;
  // The node's version when the person closed it: a full run that still holds the dialog bumps
  // the version (core/store.ts), which opens it again, as Streamlit's frontend reopens a dialog
  // its script calls again.
  const [closedAt, setClosedAt] = useState<number | undefined>(undefined);
  const open = closedAt !== node.version;
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  openRef.current = open;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open) show(dialog);
    else if (dialog.open) hide(dialog);
  }, [open]);

  const dismiss = () => {
    if (!p.dismissible || !openRef.current) return;
    setClosedAt(node.version);
    if (p.dismiss !== undefined) store.sendTrigger?.(p.dismiss, true);
  };
  const onCancel = (e: Event) => {
    // Escape is ours to handle (onKeyDown): the browser never closes the dialog by itself.
    e.preventDefault();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Escape closes a widget's open list or calendar first, the dialog only after.
    if (e.key !== "Escape" || e.defaultPrevented || hasOpenPopup(ref.current)) return;
    e.preventDefault();
    dismiss();
  };
  const onClose = () => {
    // The browser closed it by itself (a repeated Escape): a dialog that must stay stays.
    const dialog = ref.current;
    if (dialog && openRef.current && !p.dismissible) show(dialog);
    else if (openRef.current) dismiss();
  };
  const onClick = (e: MouseEvent) => {
    // A press on the backdrop targets the <dialog> itself, outside its box (a drawer's resize
    // grip targets it too, inside).
    const dialog = ref.current;
    if (!dialog || e.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      e.clientX >= box.left &&
      e.clientX <= box.right &&
      e.clientY >= box.top &&
      e.clientY <= box.bottom;
    if (!inside) dismiss();
  };
  const style: JSX.CSSProperties =
    p.pixel_width !== undefined
      ? { width: `max(min(${MIN_PIXEL_WIDTH}px, 100vw), ${p.pixel_width}px)` }
      : { width: `${WIDTHS[p.width]}px` };
  const side = p.position !== undefined ? ` sp-dialog-${p.position}` : "";
  const titleId = `sp-dialog-title-${node.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <dialog
      ref={ref}
      class={`sp-dialog${side}`}
      style={style}
      aria-labelledby={titleId}
      onCancel={onCancel}
      onClose={onClose}
      onClick={onClick}
      onKeyDownCapture={onKeyDown}
    >
      <div class="sp-dialog-box">
        <div class="sp-dialog-head">
          {p.icon !== undefined && <Icon icon={p.icon} />}
          <span class="sp-dialog-title" id={titleId}>
            <InlineMarkdown text={p.title} />
          </span>
          {p.dismissible && (
            <button type="button" class="sp-dialog-close" aria-label="Close" onClick={dismiss}>
              ×
            </button>
          )}
        </div>
        <div class="sp-dialog-body">
          <Children node={node} store={store} />
        </div>
      </div>
    </dialog>
  );
}

registerElement("dialog", Dialog);
