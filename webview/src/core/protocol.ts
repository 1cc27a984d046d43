// Frames on the wire: msgpack maps, several per transport message (docs/protocol.md, Encoding).

import { decodeMulti, encode } from "@msgpack/msgpack";
import type { RuntimeFrame, ViewerFrame } from "./types";

/** One viewer frame as the bytes of one transport message. */
export function encodeFrame(frame: ViewerFrame): Uint8Array {
  return encode(frame);
}

/**
 * Every frame in one transport message. Anything that is not a map with a string `t` is dropped
 * (unknown keys and types are the receiver's to ignore), so a bad frame never stops the rest.
 */
export function decodeFrames(bytes: Uint8Array): RuntimeFrame[] {
  const frames: RuntimeFrame[] = [];
  for (const item of decodeMulti(bytes)) {
    if (isFrame(item)) frames.push(item as unknown as RuntimeFrame);
  }
  return frames;
}

function isFrame(item: unknown): item is { t: string } {
  return (
    typeof item === "object" &&
    item !== null &&
    !Array.isArray(item) &&
    !(item instanceof Uint8Array) &&
    typeof (item as { t?: unknown }).t === "string"
  );
}
