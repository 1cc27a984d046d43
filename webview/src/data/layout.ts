// Pure layout for the dataframe grid: which columns show (and how wide), and which rows are in
// the viewport. Kept free of the DOM so it is unit-tested directly.

import type { Props } from "../core/types";
import type { ColumnMeta, TableMeta } from "./columns";
import { ColumnReader, type PayloadSource } from "./reader";

export interface GridColumn {
  key: string;
  label: string;
  dtype: string;
  reader: ColumnReader;
  pinned: boolean;
  width: number;
}

interface ColumnConfig {
  label?: unknown;
  hidden?: unknown;
  width?: unknown;
}

function config(props: Props, name: string): ColumnConfig {
  const all = props.column_config;
  if (typeof all !== "object" || all === null) return {};
  const entry = (all as Record<string, unknown>)[name];
  return typeof entry === "object" && entry !== null ? (entry as ColumnConfig) : {};
}

const NAMED_WIDTHS: Record<string, number> = { small: 75, medium: 200, large: 400 };

/** A first width from the header text and the kind of values (the person may resize it). */
function initialWidth(column: ColumnMeta, label: string, configured: unknown): number {
  if (typeof configured === "number" && configured > 0) return configured;
  const named = typeof configured === "string" ? NAMED_WIDTHS[configured] : undefined;
  if (named !== undefined) return named;
  const byKind =
    column.kind === "M"
      ? column.tz !== undefined
        ? 210
        : 170
      : column.kind === "m"
        ? 150
        : column.kind === "b"
          ? 70
          : column.kind === "O"
            ? 140
            : 90;
  return Math.min(320, Math.max(byKind, 7.5 * label.length + 44));
}

/** The columns the grid shows, in order: index columns pinned left, then data columns. */
export function gridColumns(props: Props, table: TableMeta, source: PayloadSource): GridColumn[] {
  const out: GridColumn[] = [];
  const make = (
    column: ColumnMeta,
    key: string,
    pinned: boolean,
    cfg: ColumnConfig,
  ): GridColumn => {
    const label = typeof cfg.label === "string" ? cfg.label : column.name;
    return {
      key,
      label,
      dtype: column.dtype,
      reader: new ColumnReader(column, table.rows, table.batch_rows, source),
      pinned,
      width: initialWidth(column, label, cfg.width),
    };
  };
  const indexConfig = config(props, "_index");
  if (props.hide_index !== true && indexConfig.hidden !== true) {
    table.index.forEach((c, i) =>
      out.push(make(c, `_index/${i}`, true, table.index.length === 1 ? indexConfig : {})),
    );
  }
  let data = table.columns.map((c, i) => ({ c, i }));
  const order = props.column_order;
  if (Array.isArray(order) && order.length > 0) {
    const names = order.map(String);
    data = names.flatMap((name) => data.filter(({ c }) => c.name === name));
  }
  for (const { c, i } of data) {
    const cfg = config(props, c.name);
    if (cfg.hidden === true) continue;
    out.push(make(c, `${i}`, false, cfg));
  }
  return out;
}

/** Browsers cap an element's height (~17.8 M px in Firefox): past this the scrollbar is scaled. */
export const MAX_SPACER = 8_000_000;

export interface RowWindow {
  /** First and last (exclusive) display rows to render. */
  first: number;
  last: number;
  /** Height of the scrollable body (may be scaled down from rows * rowHeight). */
  spacer: number;
  /** Offset of row `first`'s top from the top of the body, in content coordinates. */
  blockTop: number;
  /** Virtual pixels per scrolled pixel (1 unless the body is scaled). */
  ratio: number;
}

/** The rows in view (± `overscan`) for a body scrolled to `scrollTop` showing `viewport` px. */
export function rowWindow(
  rows: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 8,
): RowWindow {
  const full = rows * rowHeight;
  const spacer = Math.min(full, MAX_SPACER);
  const ratio = spacer > viewport && full > spacer ? (full - viewport) / (spacer - viewport) : 1;
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, spacer - viewport)));
  const virtualTop = top * ratio;
  const firstVisible = Math.floor(virtualTop / rowHeight);
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(rows, Math.ceil((virtualTop + viewport) / rowHeight) + overscan);
  return { first, last, spacer, blockTop: top + (first * rowHeight - virtualTop), ratio };
}

export interface ColumnWindow {
  /** Indexes (into the non-pinned columns) of the first and last (exclusive) to render. */
  first: number;
  last: number;
  /** Width of the skipped non-pinned columns before `first`. */
  skipped: number;
}

/** The non-pinned columns in view (± 1) given the pinned width and the scroll position. */
export function columnWindow(
  widths: readonly number[],
  pinnedWidth: number,
  scrollLeft: number,
  viewport: number,
): ColumnWindow {
  if (viewport <= 0) return { first: 0, last: widths.length, skipped: 0 };
  let x = pinnedWidth;
  let first = -1;
  let last = widths.length;
  let skipped = 0;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i] ?? 0;
    if (first < 0 && x + w > scrollLeft + pinnedWidth) {
      // One column of overscan on the left, so a small scroll never shows a blank edge.
      first = Math.max(0, i - 1);
      skipped = first < i ? x - pinnedWidth - (widths[i - 1] ?? 0) : x - pinnedWidth;
    }
    if (x > scrollLeft + viewport) {
      last = Math.min(widths.length, i + 1);
      break;
    }
    x += w;
  }
  if (first < 0) return { first: widths.length, last: widths.length, skipped: x - pinnedWidth };
  return { first, last, skipped };
}
