// Small hooks shared by the data and media components: follow the arrival of payloads, follow
// the light/dark theme.

import { useEffect, useState } from "preact/hooks";
import { currentTheme } from "../core/theme";
import type { ViewerStore } from "../core/types";

/**
 * A counter that changes when any of `hashes` arrives. Arrivals in one message are coalesced
 * into one re-render (a microtask), so a frame with 100 column batches draws once.
 */
export function usePayloads(store: ViewerStore, hashes: readonly string[]): number {
  const [tick, setTick] = useState(0);
  const key = hashes.join(",");
  // How many were here when we rendered: the effect re-renders only if more arrived since.
  let presentAtRender = 0;
  for (const hash of hashes) if (store.getPayload(hash) !== undefined) presentAtRender++;
  useEffect(() => {
    let scheduled = false;
    let live = true;
    const bump = (): void => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        if (live) setTick((t) => t + 1);
      });
    };
    const unsubscribe: (() => void)[] = [];
    let present = 0;
    for (const hash of hashes) {
      if (store.getPayload(hash) === undefined)
        unsubscribe.push(store.subscribePayload(hash, bump));
      else present++;
    }
    if (present > presentAtRender) bump();
    return () => {
      live = false;
      for (const u of unsubscribe) u();
    };
    // `key` stands for `hashes` by value: a new array with the same hashes changes nothing.
  }, [store, key]);
  return tick;
}

export type Theme = "light" | "dark";

/** The theme, re-rendering when `data-theme` or the system colour scheme changes. */
export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(currentTheme);
  useEffect(() => {
    const update = (): void => setTheme(currentTheme());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
    const media =
      typeof window.matchMedia === "function"
        ? window.matchMedia("(prefers-color-scheme: dark)")
        : null;
    media?.addEventListener("change", update);
    return () => {
      observer.disconnect();
      media?.removeEventListener("change", update);
    };
  }, []);
  return theme;
}

/** The element's content-box width, following resizes (0 until measured). */
export function useElementWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
