// A Vega-Lite chart's selection as its widget value (docs/protocol.md, "Vega-Lite selections"),
// as Streamlit 1.67's chart reports it: the vega view's signal of each reporting selection
// parameter, a point selection as its list of selected points, an interval as
// `{field: [min, max]}`. A click or key press is sent at once, a drag once the pointer is
// released (not on every move), anything else 150 ms after it settles.

import type { VegaLiteEvent } from "../core/types";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Debounce for selection changes that come from neither a click nor a drag (Streamlit's). */
export const DEBOUNCE_MS = 150;

/**
 * The spec with each top-level point selection that names neither `encodings` nor `fields` given
 * the encodings of the chart (as Streamlit does), so vega-lite reports the selected points' field
 * values, not their internal ids; a shorthand `select: "point"` becomes `{type: "point"}`.
 */
export function specForSelections(spec: Json): Json {
  const params = spec.params;
  if (!Array.isArray(params) || !isRecord(spec.encoding)) return spec;
  const encodings = Object.keys(spec.encoding);
  return {
    ...spec,
    params: params.map((param: unknown) => {
      if (!isRecord(param) || !("select" in param)) return param;
      let select = param.select;
      if (select === "interval" || select === "point") select = { type: select };
      if (
        isRecord(select) &&
        select.type === "point" &&
        select.encodings == null &&
        select.fields == null
      )
        select = { ...select, encodings };
      return { ...param, select };
    }),
  };
}

/** What a selection signal's value reports: a point selection's `vlPoint.or` (its points), else
 * the value itself (an interval's ranges); nothing selected is `{}`. */
export function reportedValue(signal: unknown): unknown {
  if (isRecord(signal) && isRecord(signal.vlPoint) && "or" in signal.vlPoint)
    return signal.vlPoint.or ?? {};
  return signal ?? {};
}

/** The event after `changes` (parameter name → signal value): the parameters reported before keep
 * their values, as Streamlit's chart merges each report into the last one it sent. */
export function nextEvent(
  last: VegaLiteEvent | undefined,
  changes: ReadonlyMap<string, unknown>,
): VegaLiteEvent {
  const selection: Json = { ...(last?.selection ?? {}) };
  for (const [name, signal] of changes) selection[name] = reportedValue(signal);
  return { selection };
}

/** The selection each chart (by widget id) last sent, and its selections' stores for drawing
 * them again when the chart is embedded anew (new data on a keyed chart, a remount). */
const lastSent = new Map<string, VegaLiteEvent>();
const viewStates = new Map<string, unknown>();

/**
 * The runtime drew the chart with `value`. When that is the empty selection while this viewer
 * last sent another (a form that clears on submit reset it), the next report starts from the
 * empty selection, as Streamlit's chart does after a form clear, and a later embedding draws none.
 */
export function runtimeValue(
  id: string,
  value: VegaLiteEvent | undefined,
  modes: readonly string[],
): void {
  const last = lastSent.get(id);
  if (value === undefined || last === undefined) return;
  const names = Object.keys(value.selection);
  const empty =
    names.length === modes.length &&
    modes.every((m) => {
      const v = value.selection[m];
      return isRecord(v) && Object.keys(v).length === 0;
    });
  if (!empty || JSON.stringify(last) === JSON.stringify(value)) return;
  lastSent.set(id, value);
  viewStates.delete(id);
}

/** The part of a vega `View` the selection code uses. */
export interface SelectionView {
  addSignalListener(name: string, handler: (name: string, value: unknown) => void): unknown;
  removeSignalListener(name: string, handler: (name: string, value: unknown) => void): unknown;
  getState(options: { data: (name?: string) => boolean; recurse: boolean }): unknown;
  setState(state: unknown): unknown;
  runAsync(): Promise<unknown>;
}

const DISCRETE = ["click", "dblclick", "keydown", "keyup"];

/**
 * Report the view's selections of `modes` through `send` (the event as it stands after each
 * change; not sent when nothing changed). Restores the selections this chart had when it was
 * last embedded. Returns the teardown, which sends what is still pending.
 */
export function watchSelections(
  id: string,
  view: SelectionView,
  container: HTMLElement,
  modes: readonly string[],
  send: (event: VegaLiteEvent) => void,
): () => void {
  const stores = (name?: string): boolean => modes.some((m) => `${m}_store` === name);
  const saved = viewStates.get(id);
  let restoring = false;
  if (saved !== undefined) {
    restoring = true;
    try {
      view.setState(saved);
    } catch {
      // A store that no longer fits the chart (its fields changed): start with no selection.
    }
    restoring = false;
  }

  const report = (changes: ReadonlyMap<string, unknown>): void => {
    if (changes.size === 0) return;
    try {
      viewStates.set(id, view.getState({ data: stores, recurse: false }));
    } catch {
      viewStates.delete(id);
    }
    const last = lastSent.get(id);
    const next = nextEvent(last, changes);
    if (JSON.stringify(next) === JSON.stringify(last ?? { selection: {} })) return;
    lastSent.set(id, next);
    send(next);
  };

  // A drag's changes wait for the pointer's release; a click's go at once; others settle first.
  let dragging = false;
  let discrete = false;
  const held = new Map<string, unknown>();
  const settling = new Map<string, { value: unknown; timer: ReturnType<typeof setTimeout> }>();
  const flushHeld = (): void => {
    const changes = new Map(held);
    held.clear();
    report(changes);
  };
  const onSignal = (name: string, value: unknown): void => {
    if (restoring) return;
    const before = settling.get(name);
    if (before !== undefined) clearTimeout(before.timer);
    settling.delete(name);
    if (dragging) held.set(name, value);
    else if (discrete) report(new Map([[name, value]]));
    else {
      const entry = {
        value,
        timer: setTimeout(() => {
          if (settling.get(name) !== entry) return;
          settling.delete(name);
          report(new Map([[name, value]]));
        }, DEBOUNCE_MS),
      };
      settling.set(name, entry);
    }
  };
  const onDiscrete = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    discrete = true;
    setTimeout(() => {
      discrete = false;
    }, 0);
  };
  const onPointerDown = (event: PointerEvent): void => {
    const target = event.target;
    if (event.button !== 0 || !event.isPrimary || !(target instanceof Element)) return;
    if (target.closest(".vega-bindings, select, input, textarea, button") !== null) return;
    dragging = true;
  };
  const onPointerUp = (): void => {
    if (!dragging) return;
    // The view handles the release (the brush's last move) before the held changes go.
    void view
      .runAsync()
      .catch(() => undefined)
      .finally(() => {
        dragging = false;
        flushHeld();
      });
  };

  for (const m of modes) view.addSignalListener(m, onSignal);
  container.addEventListener("pointerdown", onPointerDown, { capture: true, passive: true });
  for (const type of DISCRETE)
    container.addEventListener(type, onDiscrete, { capture: true, passive: true });
  window.addEventListener("pointerup", onPointerUp);
  window.addEventListener("pointercancel", onPointerUp);
  window.addEventListener("blur", onPointerUp);

  return () => {
    for (const m of modes) view.removeSignalListener(m, onSignal);
    container.removeEventListener("pointerdown", onPointerDown, true);
    for (const type of DISCRETE) container.removeEventListener(type, onDiscrete, true);
    window.removeEventListener("pointerup", onPointerUp);
    window.removeEventListener("pointercancel", onPointerUp);
    window.removeEventListener("blur", onPointerUp);
    // What was still waiting is sent, as Streamlit's chart does when it is torn down.
    dragging = false;
    for (const [name, { value, timer }] of settling) {
      clearTimeout(timer);
      held.set(name, value);
    }
    settling.clear();
    flushHeld();
  };
}

/** Forget a chart's selections (tests). */
export function forgetSelections(): void {
  lastSent.clear();
  viewStates.clear();
}
