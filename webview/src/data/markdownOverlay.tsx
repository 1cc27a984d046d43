// The popup a markdown cell opens: the cell's text rendered as markdown (the same renderer and
// sanitising as st.markdown without unsafe_allow_html), anchored under the cell. Escape, a click
// outside or scrolling the grid close it; focus goes into it and back to the cell on Escape.

import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { renderMarkdown } from "../elements/markdownRender";

export interface MarkdownPopup {
  text: string;
  anchor: HTMLElement;
}

const WIDTH = 360;
const GAP = 4;

/** Where the popup goes: below the cell (above when there is no room), inside the window. */
export function popupPosition(
  cell: { left: number; top: number; bottom: number },
  view: { width: number; height: number },
  height: number,
): { left: number; top: number } {
  const left = Math.max(GAP, Math.min(cell.left, view.width - WIDTH - GAP));
  const below = cell.bottom + GAP;
  const top =
    below + height > view.height && cell.top - GAP - height >= 0 ? cell.top - GAP - height : below;
  return { left, top };
}

export function MarkdownOverlay({
  popup,
  onClose,
}: {
  popup: MarkdownPopup;
  onClose: () => void;
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  // Anchored to the whole cell, not just its text.
  const cell = popup.anchor.closest<HTMLElement>(".sp-df-cell") ?? popup.anchor;
  useEffect(() => {
    const el = box.current;
    if (el !== null) {
      const rect = cell.getBoundingClientRect();
      const pos = popupPosition(
        rect,
        { width: window.innerWidth, height: window.innerHeight },
        el.offsetHeight,
      );
      el.style.left = `${pos.left}px`;
      el.style.top = `${pos.top}px`;
      el.focus();
    }
    const outside = (e: PointerEvent): void => {
      const target = e.target as Node | null;
      if (target !== null && (box.current?.contains(target) || popup.anchor.contains(target)))
        return;
      onClose();
    };
    const key = (e: KeyboardEvent): void => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      onClose();
      popup.anchor.focus();
    };
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("keydown", key, true);
    window.addEventListener("resize", onClose);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      document.removeEventListener("keydown", key, true);
      window.removeEventListener("resize", onClose);
    };
  }, [popup, onClose, cell]);
  const rect = cell.getBoundingClientRect();
  return (
    <div
      ref={box}
      class="sp-df-md-popup sp-markdown"
      role="dialog"
      aria-label="Cell content"
      tabIndex={-1}
      style={{ left: `${rect.left}px`, top: `${rect.bottom + GAP}px`, width: `${WIDTH}px` }}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(popup.text) }}
    />
  );
}
