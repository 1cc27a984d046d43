// Large libraries (vega, deck.gl, echarts, Graphviz, mermaid, pdf.js) are chunks of their own,
// loaded when the first element needs one. This is how a component loads one and draws with it:
// once, again when its inputs change, never after it was superseded or unmounted, and showing
// why when the library or the drawing fails.

import { useEffect, useRef, useState } from "preact/hooks";

/** Undoes a drawing: run before the next one, on unmount, or at once if it came too late. */
export type Cleanup = () => void;

/** What a drawing returns: how to undo it, or nothing to undo. */
export type Drawn = Cleanup | undefined;

/**
 * `load` run once, its promise shared by every caller; a failed load (a chunk the network lost)
 * is tried again by the next call instead of failing forever.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  };
}

/** A failure as the line shown to the person. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface LazyRender {
  /** Why the library could not be loaded or the last drawing failed; null when it did not. */
  error: string | null;
  /** Whether a drawing has finished since the inputs last changed. */
  drawn: boolean;
}

export interface LazyRenderOptions<L, E> {
  /**
   * False: wait (a size still unknown, data still arriving, hidden); the last drawing stays.
   */
  enabled?: boolean;
  /** Run once when the component unmounts, if the library was loaded (e.g. free a GL context). */
  unmount?: (library: L, el: E) => void;
}

/**
 * Load a library with `load` (a `lazyModule`) and `draw` with it into `host`'s element each time
 * `deps` change. `draw` may be async and may return a `Cleanup`, run before the next drawing and
 * on unmount; `active()` tells it whether it is still the current drawing (check it after each
 * await: a superseded drawing's cleanup runs as soon as it returns).
 */
export function useLazyRender<L, E extends HTMLElement>(
  load: () => Promise<L>,
  host: { current: E | null },
  draw: (library: L, el: E, active: () => boolean) => Drawn | Promise<Drawn>,
  deps: readonly unknown[],
  options: LazyRenderOptions<L, E> = {},
): LazyRender {
  const enabled = options.enabled ?? true;
  const [state, setState] = useState<LazyRender>({ error: null, drawn: false });
  const loaded = useRef<L | null>(null);
  // The last finished drawing's undo: kept while the next one loads or while not enabled (a
  // hidden tab keeps its chart), run right before the next drawing and on unmount.
  const undo = useRef<Cleanup | undefined>(undefined);
  const unmount = useRef(options.unmount);
  unmount.current = options.unmount;

  useEffect(() => {
    const el = host.current;
    if (!enabled || el === null) return;
    let current = true;
    const active = (): boolean => current;
    setState((s) => (s.drawn ? { ...s, drawn: false } : s));
    load()
      .then(async (library) => {
        loaded.current = library;
        if (!current) return;
        undo.current?.();
        undo.current = undefined;
        const done = await draw(library, el, active);
        if (typeof done === "function") {
          if (current) undo.current = done;
          else done();
        }
        if (current) setState({ error: null, drawn: true });
      })
      .catch((e: unknown) => {
        if (current) setState({ error: errorText(e), drawn: false });
      });
    return () => {
      current = false;
    };
  }, [...deps, enabled]);

  useEffect(() => {
    const el = host.current;
    return () => {
      undo.current?.();
      undo.current = undefined;
      const library = loaded.current;
      if (library !== null && el !== null) unmount.current?.(library, el);
    };
  }, []);

  return state;
}
