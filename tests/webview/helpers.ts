// Shared test helpers: a store that records what it sends.
import { Store } from "../../webview/src/core/store";
import type { Path, Props, ViewerFrame } from "../../webview/src/core/types";

export function recordingStore(): { store: Store; sent: ViewerFrame[] } {
  const sent: ViewerFrame[] = [];
  const store = new Store({ send: (f) => sent.push(f) });
  return { store, sent };
}

export function upsert(
  store: Store,
  run: number,
  path: Path,
  type: string,
  props: Props = {},
): void {
  store.apply({ t: "upsert", run, path, type, props } as { t: string });
}

export function runStart(store: Store, run: number): void {
  store.apply({ t: "run_start", session: "s", run, script: "app.py" } as { t: string });
}

export function runEnd(store: Store, run: number, remove: Path[] = [], status = "ok"): void {
  store.apply({ t: "run_end", run, status, remove, ms: 1 } as { t: string });
}
