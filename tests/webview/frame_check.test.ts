// The development build's frame check: the generated shape table and the same rules and messages
// as the Python tests' validator (schema/validate.py).
import { afterEach, describe, expect, it, vi } from "vitest";
import { VIOLATION, checkFrame } from "../../webview/src/core/frame_check";
import { SHAPES } from "../../webview/src/core/protocol.shapes.generated";
import { validateFrame } from "../../webview/src/core/validate";

const upsert = (type: string, props: Record<string, unknown>) => ({
  t: "upsert",
  run: 1,
  path: ["main", 0],
  type,
  props,
});

describe("validateFrame", () => {
  it("accepts frames as the runtime builds them", () => {
    expect(
      validateFrame(SHAPES, { t: "run_end", run: 1, status: "ok", remove: [], ms: 1 }),
    ).toEqual([]);
    expect(validateFrame(SHAPES, upsert("markdown", { body: "hi", style: "title" }))).toEqual([]);
    expect(
      validateFrame(SHAPES, {
        t: "payload",
        hash: "0".repeat(32),
        kind: "media",
        data: new Uint8Array(3),
      }),
    ).toEqual([]);
  });

  it("names each problem with its path, as the Python validator does", () => {
    expect(validateFrame(SHAPES, { t: "nope" })).toEqual(['$.t: unknown frame type string "nope"']);
    expect(
      validateFrame(SHAPES, { t: "run_end", run: 1, status: "done", remove: [], ms: 1 }),
    ).toEqual(['$.status: string "done" is not one of ["ok","error","stopped","interrupted"]']);
    expect(validateFrame(SHAPES, { t: "run_end", run: 1.5, status: "ok", remove: [] })).toEqual([
      "$.ms: missing (required by RunEndFrame)",
      "$.run: expected int, got number 1.5",
    ]);
    expect(validateFrame(SHAPES, upsert("markdown", { style: "huge", extra: 1 }))).toEqual([
      "$.props(markdown).body: missing (required by MarkdownProps)",
      '$.props(markdown).style: string "huge" is not one of ["title","header","subheader","caption"]',
      "$.props(markdown).extra: unknown key (not in MarkdownProps)",
    ]);
    expect(validateFrame(SHAPES, upsert("not_declared", {}))).toEqual([
      "$.type: element type 'not_declared' is not declared in the schema",
    ]);
    expect(validateFrame(SHAPES, { ...upsert("markdown", { body: "x" }), path: "main" })).toEqual([
      '$.path: expected a list, got string "main"',
    ]);
  });

  it("reads nested shapes, unions and bigints as msgpack decodes them", () => {
    const slider = {
      id: "s",
      label: "x",
      min: 0,
      max: 10n,
      step: 1,
      format: "%d",
      data_type: "int",
      range: false,
      value: [1, 2],
    };
    expect(validateFrame(SHAPES, upsert("slider", slider))).toEqual([]);
    expect(validateFrame(SHAPES, upsert("slider", { ...slider, value: "3" }))).toEqual([
      '$.props(slider).value: string "3" is not float | list[float]',
    ]);
    expect(validateFrame(SHAPES, upsert("slider", { ...slider, value: [1, "2"] }))).toEqual([
      '$.props(slider).value: array [1,"2"] is not float | list[float]',
    ]);
  });
});

describe("checkFrame", () => {
  afterEach(() => {
    document.body.innerHTML = "";
    vi.restoreAllMocks();
  });

  it("says nothing of a good frame and shows a bad one on the page and in the console", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    checkFrame({ t: "run_start", session: "s", run: 1, script: "/a.py" } as { t: string });
    expect(error).not.toHaveBeenCalled();
    expect(document.querySelector(".sp-protocol-errors")).toBeNull();

    checkFrame({ t: "run_start", session: "s", run: "1", script: "/a.py" } as { t: string });
    expect(error.mock.calls[0]?.[0]).toContain(VIOLATION);
    const panel = document.querySelector(".sp-protocol-errors");
    expect(panel?.getAttribute("role")).toBe("alert");
    expect(panel?.textContent).toContain("$.run: expected int");
  });
});
