// Large data the runtime sends once per connection in `payload` frames, referenced from props
// by hash (docs/protocol.md): dataframe column batches and media bytes.

import type { PayloadFrame } from "./types";

export class Payloads {
  private readonly data = new Map<string, unknown>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly urls = new Map<string, string>();

  received(frame: PayloadFrame): void {
    this.data.set(frame.hash, frame.data);
    const listeners = this.listeners.get(frame.hash);
    if (listeners) for (const listener of [...listeners]) listener();
  }

  get(hash: string): unknown {
    return this.data.get(hash);
  }

  subscribe(hash: string, listener: () => void): () => void {
    let set = this.listeners.get(hash);
    if (!set) {
      set = new Set();
      this.listeners.set(hash, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(hash);
    };
  }

  /** An object URL for a media payload (created once per hash), or undefined if not here yet. */
  mediaUrl(hash: string, mimetype: string): string | undefined {
    const known = this.urls.get(hash);
    if (known) return known;
    const data = this.data.get(hash);
    if (!(data instanceof Uint8Array)) return undefined;
    const url = URL.createObjectURL(
      new Blob([data as Uint8Array<ArrayBuffer>], { type: mimetype }),
    );
    this.urls.set(hash, url);
    return url;
  }
}
