// Shared test helpers: a store that records what it sends.
import { Store } from "../../webview/src/core/store";
import type { NodeOf, Path, Props, RunEndFrame, ViewerFrame } from "../../webview/src/core/types";
import { isNodeOf } from "../../webview/src/core/types";

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
  store.apply({ t: "upsert", run, path, type, props });
}

export function runStart(store: Store, run: number): void {
  store.apply({ t: "run_start", session: "s", run, script: "app.py" });
}

export function runEnd(
  store: Store,
  run: number,
  remove: Path[] = [],
  status: RunEndFrame["status"] = "ok",
): void {
  store.apply({ t: "run_end", run, status, remove, ms: 1 });
}

/** The node at `key`, which must be of `type`. */
export function nodeOf<T extends string>(store: Store, key: string, type: T): NodeOf<T> {
  const node = store.getNode(key);
  if (node === undefined || !isNodeOf(node, type)) throw new Error(`no ${type} at ${key}`);
  return node;
}
