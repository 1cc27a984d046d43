import { decode } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { asBytes, commandFrame, decodeBase64, encodeBase64 } from "../../extension/src/wire";

describe("base64 on the stdio leg", () => {
  it("decodes into a buffer of its own, exactly the message's size", () => {
    const bytes = decodeBase64(Buffer.from([1, 2, 3, 250]).toString("base64"));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect([...bytes]).toEqual([1, 2, 3, 250]);
    // Not a view into Node's shared pool: the whole buffer travels to the webview.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(4);
  });

  it("round-trips large and empty messages", () => {
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => i % 256);
    expect(Buffer.from(decodeBase64(encodeBase64(big))).equals(Buffer.from(big))).toBe(true);
    expect(decodeBase64("")).toEqual(new Uint8Array(0));
  });

  it("encodes a view without its neighbours", () => {
    const whole = Uint8Array.from([9, 1, 2, 9]);
    expect(encodeBase64(whole.subarray(1, 3))).toBe(Buffer.from([1, 2]).toString("base64"));
  });
});

describe("asBytes", () => {
  it("takes what a webview message may carry", () => {
    const bytes = Uint8Array.from([1, 2]);
    expect(asBytes(bytes)).toBe(bytes);
    expect(asBytes(bytes.buffer)).toEqual(bytes);
    expect(asBytes({ 0: 1, 1: 2 })).toEqual(bytes);
    expect(asBytes([1, 2])).toEqual(bytes);
    expect(asBytes("12")).toBeUndefined();
    expect(asBytes({ a: "x" })).toBeUndefined();
  });
});

describe("commandFrame", () => {
  it("is msgpack for {t}", () => {
    expect(decode(commandFrame("rerun"))).toEqual({ t: "rerun" });
    expect(decode(commandFrame("stop"))).toEqual({ t: "stop" });
  });
});
