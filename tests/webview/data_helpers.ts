import { render, type ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { afterEach } from "vitest";
// Test helpers for the data/media components: payloads laid out as the Python encoder sends
// them (raw little-endian bytes in msgpack `bin`), and a minimal ViewerStore.

import type {
  NodeOf,
  PropsOf,
  TreeNode,
  UploadStatusFrame,
  ViewerFrame,
  ViewerStore,
  WidgetNode,
} from "../../webview/src/core/types";

/** A typed array's bytes as a Uint8Array, optionally at an odd offset in a bigger buffer. */
export function bin(view: ArrayBufferView, misalign = 0): Uint8Array {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  if (misalign === 0) return bytes.slice();
  const host = new Uint8Array(bytes.byteLength + misalign);
  host.set(bytes, misalign);
  return host.subarray(misalign);
}

export class FakeStore implements ViewerStore {
  readonly theme = "light" as const;
  readonly payloads = new Map<string, unknown>();
  private readonly listeners = new Map<string, Set<() => void>>();
  readonly sent: ViewerFrame[] = [];

  subscribeNode(): () => void {
    return () => undefined;
  }
  getNode(): TreeNode | undefined {
    return undefined;
  }
  getPayload(hash: string): unknown {
    return this.payloads.get(hash);
  }
  subscribePayload(hash: string, listener: () => void): () => void {
    let set = this.listeners.get(hash);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(hash, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }
  /** Deliver a payload as the transport would. */
  deliver(hash: string, data: unknown): void {
    this.payloads.set(hash, data);
    for (const l of this.listeners.get(hash) ?? []) l();
  }
  mediaUrl(hash: string, mimetype: string): string | undefined {
    return this.payloads.has(hash) ? `blob:test/${hash}?${mimetype}` : undefined;
  }
  widgetValue<N extends WidgetNode>(node: N): N["props"]["value"] {
    return node.props.value;
  }
  setWidgetValue(): void {}
  submitForm(): void {}
  send(frame: ViewerFrame): void {
    this.sent.push(frame);
  }
  /** Every chunk is taken whole, as a runtime with room for it answers. */
  uploadStatus(id: string, hash: string): Promise<UploadStatusFrame> {
    const sent = this.sent;
    return Promise.resolve().then(() => {
      const chunk = sent.at(-1);
      const received = chunk?.t === "upload" ? (chunk.offset ?? 0) + chunk.data.length : 0;
      return { t: "upload_status", id, hash, received };
    });
  }
  openLocation(): void {}
}

/** A node of `type` with `props` (as the schema declares them, for a declared type). */
export function makeNode<T extends string>(type: T, props: PropsOf<T>): NodeOf<T> {
  return { key: `main/0`, path: ["main", 0], type, props, children: new Map(), version: 1 };
}

let host: HTMLElement | undefined;

/** Render `el` into a fresh element in the document; it is unmounted after the test. */
export function mount(el: ComponentChild): HTMLElement {
  const div = document.createElement("div");
  host = div;
  document.body.appendChild(div);
  act(() => render(el, div));
  return div;
}

afterEach(() => {
  const div = host;
  if (div === undefined) return;
  act(() => render(null, div));
  div.remove();
  host = undefined;
});
