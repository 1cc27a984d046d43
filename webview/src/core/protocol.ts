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
 * Bytes that are not msgpack end the message there: the frames before them are returned and
 * `onCorrupt` is told (the viewer then no longer holds what the runtime thinks it holds).
 */
export function decodeFrames(
  bytes: Uint8Array,
  onCorrupt?: (error: unknown) => void,
): RuntimeFrame[] {
  const frames: RuntimeFrame[] = [];
  try {
    for (const item of decodeMulti(bytes)) {
      if (isFrame(item)) frames.push(item as unknown as RuntimeFrame);
    }
  } catch (error) {
    onCorrupt?.(error);
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
