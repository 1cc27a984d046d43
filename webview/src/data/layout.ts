// Pure layout for the dataframe grid: which columns show (how wide, in which order, drawn by
// which cell renderer), and which rows are in the viewport. No DOM access, so it is unit-tested
// directly.

import type { GridTableProps } from "./columns";
import { cellRenderer, type CellActions, type CellRenderer, type RenderMode } from "./cells";
import { columnSettings, type ColumnSettings, type ColumnType } from "./columnConfig";
import type { ColumnMeta, TableMeta } from "./columns";
import { ColumnReader, type PayloadSource } from "./reader";

export interface GridColumn {
  key: string;
  label: string;
  dtype: string;
  reader: ColumnReader;
  /** Draws the cells (type, format, alignment from `column_config`). */
  renderer: CellRenderer;
  /** An index column (a row header), as opposed to a data column. */
  index: boolean;
  /** Stays at the left while scrolling sideways. */
  pinned: boolean;
  width: number;
  /** The header's tooltip (`column_config` `help`). */
  help?: string;
}

/** What the grid's cells may do (docs/protocol.md, "Dataframe columns": `buttons`). */
export interface GridEvents {
  /** A button of the column whose clicks go to widget `widgetId` was clicked. */
  click?: (widgetId: string, row: number, label: string) => void;
  disabled?: boolean;
  openMarkdown?: CellActions["openMarkdown"];
}

/** The widget id reporting the clicks of the button column at `name` / `position`, if any. */
function buttonWidget(props: GridTableProps, name: string, position: number): string | undefined {
  const buttons = props.buttons;
  if (buttons === undefined) return undefined;
  return buttons[`_pos:${position}`] ?? (Object.hasOwn(buttons, name) ? buttons[name] : undefined);
}

const NAMED_WIDTHS: Record<string, number> = { small: 75, medium: 200, large: 400 };

// A first width for column types whose cells are not text.
const TYPE_WIDTHS: Partial<Record<ColumnType | "default", number>> = {
  checkbox: 80,
  image: 90,
  line_chart: 150,
  bar_chart: 150,
  area_chart: 150,
  progress: 160,
  list: 180,
  multiselect: 180,
  link: 180,
  json: 200,
};

/** A first width from the header text and the kind of values (the person may resize it). */
function initialWidth(
  column: ColumnMeta,
  label: string,
  configured: ColumnSettings["width"],
  type: ColumnType | "default",
): number {
  if (typeof configured === "number" && configured > 0) return configured;
  const named = typeof configured === "string" ? NAMED_WIDTHS[configured] : undefined;
  if (named !== undefined) return named;
  const byKind =
    TYPE_WIDTHS[type] ??
    (column.kind === "M"
      ? column.tz !== undefined
        ? 210
        : 170
      : column.kind === "m"
        ? 150
        : column.kind === "b"
          ? 70
          : column.kind === "O"
            ? 140
            : 90);
  // Room for the label and the dtype badge beside it, so neither is cut at first.
  const badge = column.kind === "r" ? 0 : 6.2 * column.dtype.length + 6;
  return Math.min(320, Math.max(byKind, Math.ceil(7.5 * label.length + badge + 40)));
}

/**
 * The columns the grid (or `st.table`, `mode` "table") shows, in order: pinned columns first
 * (index columns unless `column_config` unpins them, then pinned data columns), then the rest.
 */
export function gridColumns(
  props: GridTableProps,
  table: TableMeta,
  source: PayloadSource,
  mode: RenderMode = "grid",
  events: GridEvents = {},
): GridColumn[] {
  const out: GridColumn[] = [];
  const indexCount = table.index.length;
  const actionsFor = (name: string, position: number): CellActions => {
    const actions: CellActions = { disabled: events.disabled === true };
    if (events.openMarkdown !== undefined) actions.openMarkdown = events.openMarkdown;
    const click = events.click;
    const id = click === undefined ? undefined : buttonWidget(props, name, position);
    if (click !== undefined && id !== undefined)
      actions.click = (row, label) => click(id, row, label);
    return actions;
  };
  const make = (
    column: ColumnMeta,
    key: string,
    index: boolean,
    s: ColumnSettings,
    position: number,
  ): GridColumn => {
    const label = s.label ?? column.name;
    const reader = new ColumnReader(column, table.rows, table.batch_rows, source);
    const renderer = cellRenderer(reader, s, mode, actionsFor(column.name, position));
    const made: GridColumn = {
      key,
      label,
      dtype: column.dtype,
      reader,
      renderer,
      index,
      pinned: s.pinned ?? index,
      width: initialWidth(column, label, s.width, renderer.type),
    };
    if (s.help !== undefined) made.help = s.help;
    return made;
  };
  table.index.forEach((c, i) => {
    const s = columnSettings(props, { name: c.name, position: i, index: true, indexCount });
    // `hide_index`, when given, wins over `_index`'s `hidden` (as in Streamlit).
    const hidden = props.hide_index ?? s.hidden === true;
    if (!hidden) out.push(make(c, `_index/${i}`, true, s, i));
  });
  let data = table.columns.map((c, i) => ({ c, i }));
  const order = props.column_order;
  if (order !== undefined && order.length > 0) {
    data = order.flatMap((name) => data.filter(({ c }) => c.name === name));
  }
  for (const { c, i } of data) {
    const s = columnSettings(props, {
      name: c.name,
      position: indexCount + i,
      index: false,
      indexCount,
    });
    if (s.hidden === true) continue;
    out.push(make(c, `${i}`, false, s, indexCount + i));
  }
  return [...out.filter((c) => c.pinned), ...out.filter((c) => !c.pinned)];
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
