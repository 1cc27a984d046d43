// Bytes on the extension's two legs: base64 strings on the JSON-RPC (stdio) leg, Uint8Arrays on
// the webview leg. Each message is decoded once, straight into its own buffer.

/**
 * A `sidepane/frames` message's base64 `data` as bytes, decoded once into a buffer of its own:
 * not Node's shared Buffer pool, which would travel to the webview along with the view.
 */
export function decodeBase64(data: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.byteLength(data, "base64"));
  const written = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(
    data,
    "base64",
  );
  return written === bytes.length ? bytes : bytes.subarray(0, written);
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/**
 * A webview message's `bytes` as a Uint8Array. VS Code passes typed arrays through; older
 * hosts may hand over a plain ArrayBuffer or, through JSON, an index-keyed object.
 */
export function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  if (typeof value === "object" && value !== null) {
    const values = Object.values(value as Record<string, unknown>);
    if (values.every((v) => typeof v === "number")) return Uint8Array.from(values as number[]);
  }
  return undefined;
}

/**
 * One viewer → runtime frame with only a type, `{t: "rerun"}` or `{t: "stop"}`, in msgpack:
 * a one-entry map of two short strings. The commands send these without the panel's help.
 */
export function commandFrame(t: "rerun" | "stop"): Uint8Array {
  const name = Buffer.from(t, "utf8");
  return Uint8Array.from([0x81, 0xa1, 0x74, 0xa0 | name.length, ...name]);
}

/** `{t: "visibility", visible}` as msgpack: the panel was hidden or shown (docs/protocol.md). */
export function visibilityFrame(visible: boolean): Uint8Array {
  const head = [0x82, 0xa1, 0x74, 0xaa, ...Buffer.from("visibility", "utf8")];
  return Uint8Array.from([...head, 0xa7, ...Buffer.from("visible", "utf8"), visible ? 0xc3 : 0xc2]);
}
