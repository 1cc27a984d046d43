// A column's settings from the `dataframe` element's `column_config` prop (docs/protocol.md,
// "Dataframe columns"): keys are column names, "_index" (every index column) or "_pos:<n>"
// (n counts index columns first). A column merges them in that order: _index, name, position.

import type { GridTableProps } from "./columns";

export type ColumnType =
  | "text"
  | "number"
  | "checkbox"
  | "selectbox"
  | "multiselect"
  | "list"
  | "datetime"
  | "date"
  | "time"
  | "link"
  | "image"
  | "audio"
  | "video"
  | "line_chart"
  | "bar_chart"
  | "area_chart"
  | "progress"
  | "json"
  | "markdown"
  | "button"
  | "object";

export type Alignment = "left" | "center" | "right";

/** An option of a selectbox / multiselect column: its value, label and tag colour. */
export interface ColumnOption {
  value: string;
  label?: string;
  color?: string;
}

export interface ColumnSettings {
  label?: string;
  help?: string;
  width?: number | "small" | "medium" | "large";
  hidden?: boolean;
  pinned?: boolean;
  alignment?: Alignment;
  type?: ColumnType;
  format?: string;
  min_value?: number | string;
  max_value?: number | string;
  step?: number;
  display_text?: string;
  y_min?: number;
  y_max?: number;
  color?: string;
  timezone?: string;
  button_type?: string;
  options?: ColumnOption[];
}

const TYPES = new Set<string>([
  "text",
  "number",
  "checkbox",
  "selectbox",
  "multiselect",
  "list",
  "datetime",
  "date",
  "time",
  "link",
  "image",
  "audio",
  "video",
  "line_chart",
  "bar_chart",
  "area_chart",
  "progress",
  "json",
  "markdown",
  "button",
  "object",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);

function options(raw: unknown): ColumnOption[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((o: unknown): ColumnOption => {
    if (!isRecord(o)) return { value: String(o) };
    const out: ColumnOption = { value: String(o.value) };
    const label = str(o.label);
    const color = str(o.color);
    if (label !== undefined) out.label = label;
    if (color !== undefined) out.color = color;
    return out;
  });
}

/** One `column_config` entry, keeping only well-typed settings. */
export function parseSettings(raw: unknown): ColumnSettings {
  if (!isRecord(raw)) return {};
  const s: ColumnSettings = {};
  const set = <K extends keyof ColumnSettings>(key: K, value: ColumnSettings[K] | undefined) => {
    if (value !== undefined) s[key] = value;
  };
  set("label", str(raw.label));
  set("help", str(raw.help));
  const width = raw.width;
  if (
    (typeof width === "number" && width > 0) ||
    width === "small" ||
    width === "medium" ||
    width === "large"
  )
    s.width = width;
  set("hidden", bool(raw.hidden));
  set("pinned", bool(raw.pinned));
  if (raw.alignment === "left" || raw.alignment === "center" || raw.alignment === "right")
    s.alignment = raw.alignment;
  if (typeof raw.type === "string" && TYPES.has(raw.type)) s.type = raw.type as ColumnType;
  set("format", str(raw.format));
  set("min_value", num(raw.min_value) ?? str(raw.min_value));
  set("max_value", num(raw.max_value) ?? str(raw.max_value));
  set("step", num(raw.step));
  set("display_text", str(raw.display_text));
  set("y_min", num(raw.y_min));
  set("y_max", num(raw.y_max));
  set("color", str(raw.color));
  set("timezone", str(raw.timezone));
  set("button_type", str(raw.button_type));
  set("options", options(raw.options));
  return s;
}

/** Where a column sits: its name, its position (index columns first), whether it is an index. */
export interface ColumnPlace {
  name: string;
  position: number;
  index: boolean;
  /** How many index columns the frame has (an `_index` label applies only when one). */
  indexCount: number;
}

/** The merged settings for the column at `place`. */
export function columnSettings(
  props: Pick<GridTableProps, "column_config">,
  place: ColumnPlace,
): ColumnSettings {
  const all = props.column_config;
  if (all === undefined) return {};
  let merged: ColumnSettings = {};
  if (place.index && all._index !== undefined) {
    merged = parseSettings(all._index);
    // One label for several index levels would name them all alike: keep the level names.
    if (place.indexCount > 1) delete merged.label;
  }
  if (place.name !== "_index" && Object.hasOwn(all, place.name))
    merged = { ...merged, ...parseSettings(all[place.name]) };
  const byPosition = all[`_pos:${place.position}`];
  if (byPosition !== undefined) merged = { ...merged, ...parseSettings(byPosition) };
  return merged;
}
