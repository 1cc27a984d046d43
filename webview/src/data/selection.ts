// Dataframe selections (docs/protocol.md, "Dataframe selections"): the modes a dataframe allows,
// its selection as the widget value carries it, and what a click or key press makes of it. Pure
// functions, so the rules are unit-tested without a DOM. Rows are positions in the data as
// sent (the grid maps its sorted display order back before calling these).

import type { DataframeProps, Selection } from "../core/types";

export type { Selection };

type SelectionMode = NonNullable<DataframeProps["selection_mode"]>[number];

export interface SelectionModes {
  row: "single" | "required" | "multi" | null;
  column: "single" | "multi" | null;
  cell: "single" | "multi" | null;
}

/** How a click or key press extends the selection: alone, toggled in (Ctrl/⌘), or a range. */
export type Extend = "replace" | "toggle" | "range";

export const EMPTY: Selection = { rows: [], columns: [], cells: [] };

/** The `selection_mode` prop as modes; null when the dataframe is not selectable. */
export function parseModes(raw: DataframeProps["selection_mode"]): SelectionModes | null {
  if (raw === undefined || raw.length === 0) return null;
  const has = (m: SelectionMode): boolean => raw.includes(m);
  return {
    row: has("multi-row")
      ? "multi"
      : has("single-row-required")
        ? "required"
        : has("single-row")
          ? "single"
          : null,
    column: has("multi-column") ? "multi" : has("single-column") ? "single" : null,
    cell: has("multi-cell") ? "multi" : has("single-cell") ? "single" : null,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The widget value `{selection: {rows, columns, cells}}`, keeping only well-typed entries. */
export function parseSelection(value: unknown): Selection {
  const s = isRecord(value) && isRecord(value.selection) ? value.selection : {};
  const rows = Array.isArray(s.rows) ? s.rows.filter((r): r is number => Number.isInteger(r)) : [];
  const columns = Array.isArray(s.columns)
    ? s.columns.filter((c): c is string => typeof c === "string")
    : [];
  const cells = Array.isArray(s.cells)
    ? s.cells.filter(
        (c): c is [number, string] =>
          Array.isArray(c) && Number.isInteger(c[0]) && typeof c[1] === "string",
      )
    : [];
  return { rows, columns, cells };
}

export function toWire(s: Selection): { selection: Selection } {
  return { selection: { rows: s.rows, columns: s.columns, cells: s.cells } };
}

export function isEmpty(s: Selection): boolean {
  return s.rows.length === 0 && s.columns.length === 0 && s.cells.length === 0;
}

/** A cell's key in a set of selected cells. */
export function cellKey(row: number, column: string): string {
  return `${row}\u0000${column}`;
}

/** Every item from display position `from` to `to` (either order), as `at` maps them. */
function span<T>(from: number, to: number, at: (i: number) => T): T[] {
  const out: T[] = [];
  const [a, b] = from <= to ? [from, to] : [to, from];
  for (let i = a; i <= b; i++) out.push(at(i));
  return out;
}

function toggled<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): T[] {
  return list.some((x) => same(x, item)) ? list.filter((x) => !same(x, item)) : [...list, item];
}

function union<T>(list: readonly T[], more: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set(list.map(key));
  const out = [...list];
  for (const x of more) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

/**
 * A row's checkbox was pressed. `rowAt` maps display positions to data rows (the sort order);
 * `anchor` is the display position last pressed, for Shift ranges in multi-row mode.
 */
export function pressRow(
  s: Selection,
  mode: NonNullable<SelectionModes["row"]>,
  display: number,
  rowAt: (i: number) => number,
  extend: Extend,
  anchor: number | null,
): Selection {
  const row = rowAt(display);
  const selected = s.rows.includes(row);
  if (mode !== "multi") {
    if (selected) return mode === "required" ? s : { ...s, rows: [] };
    return { ...s, rows: [row] };
  }
  if (extend === "range" && anchor !== null)
    return { ...s, rows: union(s.rows, span(anchor, display, rowAt), String) };
  return { ...s, rows: toggled(s.rows, row, (a, b) => a === b) };
}

/** A column's header was pressed (`columnAt` maps display positions of data columns). */
export function pressColumn(
  s: Selection,
  mode: NonNullable<SelectionModes["column"]>,
  display: number,
  columnAt: (i: number) => string,
  extend: Extend,
  anchor: number | null,
): Selection {
  const column = columnAt(display);
  const selected = s.columns.includes(column);
  if (mode === "single" || extend === "replace")
    return { ...s, columns: selected && s.columns.length === 1 ? [] : [column] };
  if (extend === "range" && anchor !== null)
    return { ...s, columns: union(s.columns, span(anchor, display, columnAt), (c) => c) };
  return { ...s, columns: toggled(s.columns, column, (a, b) => a === b) };
}

/** A data cell was pressed, at display row `r` and display data column `c`. */
export function pressCell(
  s: Selection,
  mode: NonNullable<SelectionModes["cell"]>,
  r: number,
  c: number,
  rowAt: (i: number) => number,
  columnAt: (i: number) => string,
  extend: Extend,
  anchor: [number, number] | null,
): Selection {
  const cell: [number, string] = [rowAt(r), columnAt(c)];
  const same = (a: [number, string], b: [number, string]): boolean =>
    a[0] === b[0] && a[1] === b[1];
  const selected = s.cells.some((x) => same(x, cell));
  if (mode === "single" || extend === "replace")
    return { ...s, cells: selected && s.cells.length === 1 ? [] : [cell] };
  if (extend === "range" && anchor !== null) {
    const block: [number, string][] = [];
    for (const row of span(anchor[0], r, rowAt))
      for (const column of span(anchor[1], c, columnAt)) block.push([row, column]);
    return { ...s, cells: union(s.cells, block, ([a, b]) => cellKey(a, b)) };
  }
  return { ...s, cells: toggled(s.cells, cell, same) };
}

/** Clear everything (a required row mode keeps the first row selected, as the runtime does). */
export function cleared(modes: SelectionModes, rows: number): Selection {
  return modes.row === "required" && rows > 0 ? { ...EMPTY, rows: [0] } : EMPTY;
}

/** The modifier keys of an event as an Extend. */
export function extendOf(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Extend {
  if (e.shiftKey) return "range";
  return e.ctrlKey || e.metaKey ? "toggle" : "replace";
}
