// What a click on a deck.gl chart does to its selection (docs/protocol.md, "deck.gl charts"),
// as Streamlit 1.67: single-object replaces (or clears, clicking the same object again),
// multi-object toggles the object within its layer; a click on nothing clears.

import type { DeckGlJsonChartProps, DeckSelection } from "../core/types";

export type DeckSelectionMode = NonNullable<DeckGlJsonChartProps["selection_mode"]>;

export const EMPTY_SELECTION: DeckSelection = { indices: {}, objects: {} };

/** The selection after a click on object `index` (-1: nothing) of layer `layerId`. */
export function nextSelection(
  current: DeckSelection,
  mode: DeckSelectionMode,
  layerId: string,
  index: number,
  object: unknown,
): DeckSelection {
  if (index < 0) return EMPTY_SELECTION;
  const row = (object ?? {}) as Record<string, unknown>;
  if (mode === "single-object") {
    if (current.indices[layerId]?.[0] === index) return EMPTY_SELECTION;
    return { indices: { [layerId]: [index] }, objects: { [layerId]: [row] } };
  }
  const picked = new Map<number, Record<string, unknown>>();
  const indices = current.indices[layerId] ?? [];
  indices.forEach((i, n) => picked.set(i, current.objects[layerId]?.[n] ?? {}));
  if (picked.has(index)) picked.delete(index);
  else picked.set(index, row);
  const others = <T>(byLayer: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(byLayer).filter(([id]) => id !== layerId));
  const restIndices = others(current.indices);
  const restObjects = others(current.objects);
  if (picked.size === 0) return { indices: restIndices, objects: restObjects };
  return {
    indices: { ...restIndices, [layerId]: [...picked.keys()] },
    objects: { ...restObjects, [layerId]: [...picked.values()] },
  };
}
