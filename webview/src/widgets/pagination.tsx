// `pagination`: previous/next arrows around numbered page buttons. With many pages only a window
// around the current one is numbered, between the first and the last page, with "…" for the
// pages left out; fewer when the row is too narrow for them, so the widget does not wrap.

import { useRef } from "preact/hooks";
import { useWidget, widgetProps } from "../core/ui";
import { useElementWidth } from "../data/hooks";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { buttonWidth } from "./link_button";

export type PageSlot = number | "gap-before" | "gap-after";

/**
 * The page buttons to draw for `current` of `count` pages, at most `max` of them (undefined: no
 * cap; 0: none). The first and the last page always show, so a cap below 3 shows three.
 */
export function visiblePages(current: number, count: number, max: number | undefined): PageSlot[] {
  const all = Array.from({ length: count }, (_, i) => i + 1);
  if (max === undefined || count <= max) return all;
  if (max === 0) return [];
  const inner = Math.max(1, max - 2); // the numbered pages between the first and the last
  let start = current - Math.floor((inner - 1) / 2);
  start = Math.max(2, Math.min(start, count - inner));
  const end = Math.min(count - 1, start + inner - 1);
  const slots: PageSlot[] = [1];
  if (start > 2) slots.push("gap-before");
  for (let page = start; page <= end; page++) slots.push(page);
  if (end < count - 1) slots.push("gap-after");
  slots.push(count);
  return slots;
}

// Widths (px) of an arrow, a numbered page (three digits) and a "…", with the gap after each.
const ARROW_PX = 36;
const PAGE_PX = 40;
const GAP_PX = 28;

/** How many numbered pages fit in `px` beside the arrows and two gaps (at least three: the
 * first, the current and the last); undefined while the width is unknown. */
export function pagesThatFit(px: number): number | undefined {
  if (px <= 0) return undefined;
  return Math.max(3, Math.floor((px - 2 * ARROW_PX - 2 * GAP_PX) / PAGE_PX));
}

/** The cap on numbered pages: the script's `max_visible_pages`, lowered to what fits. */
export function pageCap(max: number | undefined, fit: number | undefined): number | undefined {
  if (fit === undefined) return max;
  return max === undefined ? fit : Math.min(max, fit);
}

function Pagination(props: ElementProps<"pagination">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const count = node.props.num_pages;
  const current = Math.max(1, Math.min(count, value));
  const { stretch, style } = buttonWidth(node.props.width);
  const rowRef = useRef<HTMLDivElement>(null);
  const rowWidth = useElementWidth(rowRef);
  const width = node.props.width;
  const room = typeof width === "number" ? Math.min(rowWidth, width) : rowWidth;
  const cap = pageCap(node.props.max_visible_pages, pagesThatFit(room));
  const go = (page: number) => {
    if (page !== current && page >= 1 && page <= count) set(page);
  };
  const arrow = (label: string, page: number, glyph: string) => (
    <button
      type="button"
      class="sp-page sp-page-arrow"
      aria-label={label}
      disabled={disabled || page < 1 || page > count}
      onClick={() => go(page)}
    >
      {glyph}
    </button>
  );
  return (
    <div ref={rowRef} class="sp-widget sp-pagination-row">
      <nav
        class={`sp-pagination${stretch ? " sp-stretch" : ""}${disabled ? " sp-disabled" : ""}`}
        style={style}
        aria-label="Pagination"
      >
        {arrow("Previous page", current - 1, "‹")}
        {visiblePages(current, count, cap).map((slot) =>
          typeof slot === "number" ? (
            <button
              key={slot}
              type="button"
              class={`sp-page${slot === current ? " sp-page-current" : ""}`}
              aria-label={`Page ${slot}`}
              aria-current={slot === current ? "page" : undefined}
              disabled={disabled}
              onClick={() => go(slot)}
            >
              {slot}
            </button>
          ) : (
            <span key={slot} class="sp-page-gap" aria-hidden="true">
              …
            </span>
          ),
        )}
        {arrow("Next page", current + 1, "›")}
      </nav>
    </div>
  );
}

registerElement("pagination", Pagination);
