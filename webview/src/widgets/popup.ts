// A picker's popup (calendar, time list): drawn in the browser's top layer (popover="manual") at
// a fixed position under its field, so columns, expanders, the sidebar or a dialog never clip
// it; it follows the field on scroll and resize and closes on a click outside the widget.

import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

const GAP = 4;
const MARGIN = 8;

/** Place `popup` below `anchor` (above when there is no room below), inside the viewport. */
export function placePopup(anchor: HTMLElement, popup: HTMLElement, matchWidth: boolean): void {
  const a = anchor.getBoundingClientRect();
  if (matchWidth) popup.style.minWidth = `${a.width}px`;
  const w = popup.offsetWidth;
  const h = popup.offsetHeight;
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  let top = a.bottom + GAP;
  if (top + h > vh - MARGIN && a.top - GAP - h >= MARGIN) top = a.top - GAP - h;
  const left = Math.max(MARGIN, Math.min(a.left, vw - w - MARGIN));
  popup.style.top = `${Math.round(top)}px`;
  popup.style.left = `${Math.round(left)}px`;
}

/** Show `popup` in the top layer (before focusing into it: a hidden popover takes no focus). */
export function showInTopLayer(popup: HTMLElement): void {
  try {
    if (typeof popup.showPopover === "function" && !popup.matches(":popover-open")) {
      popup.showPopover();
    }
  } catch {
    // No top layer (an old engine or a detached node): the fixed position still applies.
  }
}

/**
 * While `open`: keep `popup` placed under `anchor`, and call `close` on a pointer press outside
 * `root` (the whole widget, which holds the popup too).
 */
export function usePopup(
  open: boolean,
  root: RefObject<HTMLElement>,
  anchor: RefObject<HTMLElement>,
  popup: RefObject<HTMLElement>,
  close: () => void,
  matchWidth = false,
): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  // Every render while open: the popup's size may have changed (another month, a filter).
  useLayoutEffect(() => {
    const p = popup.current;
    const a = anchor.current;
    if (!open || !p || !a) return;
    showInTopLayer(p);
    placePopup(a, p, matchWidth);
  });
  // A layout effect, not an effect: the outside-press listener must be in place as soon as
  // the popup shows (a plain effect runs after paint, and a quick click could slip past it).
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      if (anchor.current && popup.current) placePopup(anchor.current, popup.current, matchWidth);
    };
    const press = (e: Event) => {
      const target = e.target;
      if (target instanceof Node && root.current?.contains(target)) return;
      closeRef.current();
    };
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    document.addEventListener("pointerdown", press, true);
    return () => {
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
      document.removeEventListener("pointerdown", press, true);
    };
  }, [open, matchWidth]);
}

/** Close when focus moves to something outside the widget (Tab away), not to nowhere. */
export function leavesWidget(e: FocusEvent, root: HTMLElement | null): boolean {
  const next = e.relatedTarget;
  return next instanceof Node && !(root?.contains(next) ?? false);
}
