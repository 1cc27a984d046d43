// `data_editor` edit state (docs/protocol.md, "Data editor"): Streamlit's
// `{edited_rows: {row: {column: value}}, added_rows: [{column: value}], deleted_rows: [row]}`,
// sent as JSON text. Rows are positions in the data as sent; added rows follow them. Pure
// functions (no DOM), so they are unit-tested directly.

import type { ColumnSettings, ColumnType } from "./columnConfig";
import type { ColumnKind } from "./columns";

/** A cell's edited value (a list column's new rows may start with its list `default`). */
export type EditValue = string | number | boolean | null | string[];

export interface EditState {
  edited_rows: Record<string, Record<string, EditValue>>;
  added_rows: Record<string, EditValue>[];
  deleted_rows: number[];
}

export const NO_EDITS: EditState = { edited_rows: {}, added_rows: [], deleted_rows: [] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The state from a widget value (JSON text, or an object); empty when there is none. */
export function parseEdits(wire: unknown): EditState {
  let raw: unknown = wire;
  if (typeof wire === "string") {
    try {
      raw = JSON.parse(wire);
    } catch {
      return NO_EDITS;
    }
  }
  if (!isRecord(raw)) return NO_EDITS;
  const edited = isRecord(raw.edited_rows) ? raw.edited_rows : {};
  const out: EditState = { edited_rows: {}, added_rows: [], deleted_rows: [] };
  for (const [row, cells] of Object.entries(edited))
    if (isRecord(cells)) out.edited_rows[row] = { ...(cells as Record<string, EditValue>) };
  if (Array.isArray(raw.added_rows))
    out.added_rows = raw.added_rows
      .filter(isRecord)
      .map((r) => ({ ...r }) as Record<string, EditValue>);
  if (Array.isArray(raw.deleted_rows))
    out.deleted_rows = raw.deleted_rows.filter((r): r is number => typeof r === "number");
  return out;
}

export const editsToWire = (state: EditState): string => JSON.stringify(state);

/** The state with the cell at `row` (original rows first, then added ones) set to `value`. */
export function setCell(
  state: EditState,
  rows: number,
  row: number,
  column: string,
  value: EditValue,
): EditState {
  if (row >= rows) {
    const added = state.added_rows.map((r, i) =>
      i === row - rows ? { ...r, [column]: value } : r,
    );
    return { ...state, added_rows: added };
  }
  const key = String(row);
  const cells = { ...(state.edited_rows[key] ?? {}), [column]: value };
  return { ...state, edited_rows: { ...state.edited_rows, [key]: cells } };
}

export function addRow(state: EditState, defaults: Record<string, EditValue>): EditState {
  return { ...state, added_rows: [...state.added_rows, { ...defaults }] };
}

/** Delete rows (original positions, or added rows at `rows + i`). */
export function deleteRows(state: EditState, rows: number, which: number[]): EditState {
  const original = which.filter((r) => r < rows);
  const added = new Set(which.filter((r) => r >= rows).map((r) => r - rows));
  const deleted = [...new Set([...state.deleted_rows, ...original])].sort((a, b) => a - b);
  const gone = new Set(original.map(String));
  const edited = Object.fromEntries(
    Object.entries(state.edited_rows).filter(([row]) => !gone.has(row)),
  );
  return {
    edited_rows: edited,
    added_rows: state.added_rows.filter((_, i) => !added.has(i)),
    deleted_rows: deleted,
  };
}

/** Whether a cell has an edit, and its value (added rows: every cell counts as edited). */
export function editedValue(
  state: EditState,
  rows: number,
  row: number,
  column: string,
): { value: EditValue } | undefined {
  const cells = row >= rows ? state.added_rows[row - rows] : state.edited_rows[String(row)];
  if (cells === undefined) return row >= rows ? { value: null } : undefined;
  return Object.hasOwn(cells, column)
    ? { value: cells[column] ?? null }
    : row >= rows
      ? { value: null }
      : undefined;
}

/**
 * The rows to show, in order: the original rows (through `order`, e.g. a sort) minus deleted
 * ones, then the added rows. Null when nothing changes the identity order (no per-row work).
 */
export function visibleRows(
  rows: number,
  state: EditState,
  order: ArrayLike<number> | null,
): Int32Array | null {
  if (state.deleted_rows.length === 0 && order === null) return null;
  const deleted = new Set(state.deleted_rows);
  const out = new Int32Array(rows - Math.min(deleted.size, rows) + state.added_rows.length);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    const r = order === null ? i : (order[i] ?? i);
    if (!deleted.has(r)) out[n++] = r;
  }
  for (let i = 0; i < state.added_rows.length; i++) out[n++] = rows + i;
  return out.subarray(0, n);
}

// ---- editors ----

export type EditorKind = "checkbox" | "number" | "text" | "select" | "date" | "time" | "datetime";

export interface EditorSpec {
  kind: EditorKind;
  required: boolean;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  maxChars?: number;
  pattern?: string;
  options?: EditValue[];
  default?: EditValue;
}

// Column types the editor never edits (display-only cells, and types it has no editor for).
const READ_ONLY = new Set<ColumnType>([
  "object",
  "image",
  "audio",
  "video",
  "progress",
  "line_chart",
  "bar_chart",
  "area_chart",
  "json",
  "button",
  "list",
  "multiselect",
]);

/** How a column is edited; undefined when it cannot be (disabled, read-only type or kind). */
export function editorFor(
  entry: ColumnSettings,
  kind: ColumnKind,
  dtype: string,
  allDisabled: boolean,
): EditorSpec | undefined {
  if (allDisabled || entry.disabled === true) return undefined;
  const type = entry.type;
  if (type !== undefined && READ_ONLY.has(type)) return undefined;
  if (kind === "r") return undefined;
  const required = entry.required === true;
  const spec = (k: EditorKind): EditorSpec => {
    const s: EditorSpec = { kind: k, required };
    if (entry.default !== undefined) s.default = entry.default;
    return s;
  };
  if (type === "checkbox" || (type === undefined && kind === "b")) return spec("checkbox");
  if (type === "selectbox") {
    const s = spec("select");
    s.options = (entry.options ?? []).map((o) => (typeof o === "object" ? o.value : o));
    return s;
  }
  if (type === "number" || (type === undefined && (kind === "f" || kind === "i" || kind === "u"))) {
    const s = spec("number");
    // Numbers bound a number column (ISO text bounds belong to dates and times).
    if (typeof entry.min_value === "number") s.min = entry.min_value;
    if (typeof entry.max_value === "number") s.max = entry.max_value;
    if (entry.step !== undefined) s.step = entry.step;
    s.integer =
      (kind === "i" || kind === "u") && (entry.step === undefined || Number.isInteger(entry.step));
    return s;
  }
  if (type === "date" || type === "time" || type === "datetime") return spec(type);
  if (type === undefined && kind === "M")
    return spec(dtype.startsWith("datetime") ? "datetime" : "date");
  if (type === undefined && kind === "m") return undefined; // durations: not editable here
  const s = spec("text");
  if (entry.max_chars !== undefined) s.maxChars = entry.max_chars;
  if (entry.validate !== undefined && entry.validate !== "") s.pattern = entry.validate;
  return s;
}

/** The typed value for an editor's text, or the reason it is refused. */
export function parseInput(
  spec: EditorSpec,
  text: string,
): { value: EditValue } | { error: string } {
  if (text === "") {
    if (spec.required) return { error: "A value is required." };
    return { value: null };
  }
  switch (spec.kind) {
    case "number": {
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a number.` };
      if (spec.integer === true && !Number.isInteger(n)) return { error: "Enter a whole number." };
      if (spec.min !== undefined && n < spec.min) return { error: `The minimum is ${spec.min}.` };
      if (spec.max !== undefined && n > spec.max) return { error: `The maximum is ${spec.max}.` };
      return { value: n };
    }
    case "select": {
      const match = (spec.options ?? []).find((o) => String(o) === text);
      return match === undefined ? { error: `"${text}" is not an option.` } : { value: match };
    }
    case "text": {
      if (spec.maxChars !== undefined && text.length > spec.maxChars)
        return { error: `At most ${spec.maxChars} characters.` };
      if (spec.pattern !== undefined) {
        let ok: boolean;
        try {
          ok = new RegExp(spec.pattern).test(text);
        } catch {
          ok = true; // a pattern the browser cannot read refuses nothing (Python checks it)
        }
        if (!ok) return { error: "The value does not match the required pattern." };
      }
      return { value: text };
    }
    case "checkbox":
      return { value: text === "true" };
    default:
      return { value: text };
  }
}

/** The value a new row's cell starts with: the column's default, else empty. */
export function newRowDefaults(
  columns: { name: string; spec: EditorSpec | undefined; entry: ColumnSettings }[],
): Record<string, EditValue> {
  const out: Record<string, EditValue> = {};
  for (const c of columns) {
    const d = c.spec?.default ?? c.entry.default;
    if (d !== undefined && d !== null) out[c.name] = d;
  }
  return out;
}

/** An edited value as cell text. */
export function editText(value: EditValue): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}
