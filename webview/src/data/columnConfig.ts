// A column's settings from the `dataframe` element's `column_config` prop (docs/protocol.md,
// "Dataframe columns"): keys are column names, "_index" (every index column) or "_pos:<n>"
// (n counts index columns first). A column merges them in that order: _index, name, position.

import type { ColumnOption, ColumnSettings } from "../core/types";
import type { GridTableProps } from "./columns";

// The runtime sends only declared keys with their declared types (column_config/wire.py): the
// settings are read as they are, with no checking here.
export type { ColumnSettings } from "../core/types";

export type ColumnType = NonNullable<ColumnSettings["type"]>;

export type Alignment = NonNullable<ColumnSettings["alignment"]>;

/** A selectbox / multiselect option with its value as the text cells show. */
export interface TextOption {
  value: string;
  label?: string;
  color?: string;
}

/**
 * A column's options as text: selectbox options may be bare values (numbers, booleans too), and
 * cells compare with the value's text.
 */
export function textOptions(s: ColumnSettings): TextOption[] {
  return (s.options ?? []).map((o) => {
    const option: ColumnOption = typeof o === "object" ? o : { value: o };
    const out: TextOption = { value: String(option.value) };
    if (option.label !== undefined) out.label = option.label;
    if (option.color !== undefined) out.color = option.color;
    return out;
  });
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
    merged = { ...all._index };
    // One label for several index levels would name them all alike: keep the level names.
    if (place.indexCount > 1) delete merged.label;
  }
  if (place.name !== "_index" && Object.hasOwn(all, place.name))
    merged = { ...merged, ...all[place.name] };
  const byPosition = all[`_pos:${place.position}`];
  if (byPosition !== undefined) merged = { ...merged, ...byPosition };
  return merged;
}
