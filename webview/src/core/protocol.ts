// Frames on the wire: msgpack maps, several per transport message (docs/protocol.md, Encoding).

import { decodeMulti, encode } from "@msgpack/msgpack";
import type { RuntimeFrame, ViewerFrame } from "./types";

/**
 * A frame as it comes off the wire: decodeFrames passes any map with a string `t`, so a frame
 * of a newer protocol (unknown `t`) arrives too, and is ignored (docs/protocol.md).
 */
export type IncomingFrame = RuntimeFrame | { readonly t: string; readonly [key: string]: unknown };

/** One viewer frame as the bytes of one transport message. */
export function encodeFrame(frame: ViewerFrame): Uint8Array {
  return encode(frame);
}

/**
 * Every frame in one transport message. Anything that is not a map with a string `t` is dropped
 * (unknown keys and types are the receiver's to ignore), so a bad frame never stops the rest.
 * Bytes that are not msgpack end the message there: the frames before them are returned and
 * `onCorrupt` is told (the viewer then no longer holds what the runtime thinks it holds).
 */
export function decodeFrames(
  bytes: Uint8Array,
  onCorrupt?: (error: unknown) => void,
): IncomingFrame[] {
  const frames: IncomingFrame[] = [];
  try {
    for (const item of decodeMulti(bytes)) {
      if (isFrame(item)) frames.push(item);
    }
  } catch (error) {
    onCorrupt?.(error);
  }
  return frames;
}

function isFrame(item: unknown): item is IncomingFrame {
  return (
    typeof item === "object" &&
    item !== null &&
    !Array.isArray(item) &&
    !(item instanceof Uint8Array) &&
    typeof (item as { t?: unknown }).t === "string"
  );
}
