import { encode } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { decodeFrames, encodeFrame } from "../../webview/src/core/protocol";

describe("protocol", () => {
  it("decodes several concatenated frames from one message, bytes as Uint8Array", () => {
    const a = encode({ t: "run_start", session: "s", run: 1, script: "app.py" });
    const b = encode({ t: "payload", hash: "h", kind: "media", data: new Uint8Array([0, 255, 7]) });
    const message = new Uint8Array([...a, ...b]);
    const frames = decodeFrames(message);
    expect(frames.map((f) => f.t)).toEqual(["run_start", "payload"]);
    const payload = frames[1] as { data: unknown };
    expect(payload.data).toBeInstanceOf(Uint8Array);
    expect([...(payload.data as Uint8Array)]).toEqual([0, 255, 7]);
  });

  it("round-trips a viewer frame, including binary upload data", () => {
    const bytes = encodeFrame({
      t: "upload",
      id: "w",
      hash: "h",
      name: "a.csv",
      type: "text/csv",
      size: 2,
      offset: 0,
      data: new Uint8Array([1, 2]),
    });
    const [frame] = decodeFrames(bytes);
    expect(frame).toEqual({
      t: "upload",
      id: "w",
      hash: "h",
      name: "a.csv",
      type: "text/csv",
      size: 2,
      offset: 0,
      data: new Uint8Array([1, 2]),
    });
  });

  it("drops items that are not frames", () => {
    const message = new Uint8Array([
      ...encode([1, 2]),
      ...encode({ x: 1 }),
      ...encode({ t: "rerun" }),
    ]);
    expect(decodeFrames(message)).toEqual([{ t: "rerun" }]);
  });

  it("keeps the frames before bytes that are not msgpack and says the message was corrupt", () => {
    const good = encode({ t: "run_start", session: "s", run: 1, script: "app.py" });
    const message = new Uint8Array([...good, 0xc1, ...encode({ t: "rerun" })]);
    const errors: unknown[] = [];
    expect(decodeFrames(message, (e) => errors.push(e)).map((f) => f.t)).toEqual(["run_start"]);
    expect(errors).toHaveLength(1);
    expect(decodeFrames(good, (e) => errors.push(e))).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
