// Element components read the props the schema declares (core/protocol.generated.ts): the types
// are checked by `tsc` over this file, the drawing by vitest.
import { describe, expect, expectTypeOf, test } from "vitest";
import type {
  CodeProps,
  ElementComponent,
  ElementProps,
  MarkdownProps,
  Props,
  PropsOf,
} from "../../webview/src/core/types";
import { componentFor, PROTOCOL_VERSION } from "../../webview/src/core/types";
import { Latex } from "../../webview/src/media/latex";
import "../../webview/src/elements/basic";
import "../../webview/src/elements/code";
import "../../webview/src/elements/markdown";
import { FakeStore, makeNode, mount } from "./data_helpers";

describe("typed props", () => {
  test("a declared type's node carries its interface; others stay untyped", () => {
    expectTypeOf<PropsOf<"markdown">>().toEqualTypeOf<MarkdownProps>();
    expectTypeOf<ElementProps<"code">["node"]["props"]>().toEqualTypeOf<CodeProps>();
    expectTypeOf<PropsOf<"not_declared">>().toEqualTypeOf<Props>();
    expectTypeOf(componentFor("code")).toEqualTypeOf<ElementComponent<"code"> | undefined>();
    // @ts-expect-error: a markdown node needs its body
    makeNode("markdown", { style: "caption" });
    // @ts-expect-error: a code block's language is a string or null
    makeNode("code", { body: "x", language: 3 });
    // @ts-expect-error: `wrap` is only ever sent as false
    makeNode("text", { body: "x", wrap: true });
    expect(makeNode("not_declared", { anything: 1 }).props).toEqual({ anything: 1 });
    expect(PROTOCOL_VERSION).toBe(2);
  });
});

function draw<T extends string>(type: T, props: PropsOf<T>): HTMLElement {
  const Component = componentFor(type);
  if (Component === undefined) throw new Error(`no component for ${type}`);
  return mount(<Component node={makeNode(type, props)} store={new FakeStore()} />);
}

describe("the text family draws its declared props", () => {
  test("code: plain text when language is null, line numbers, wrap", () => {
    const root = draw("code", { body: "a < b\nc", language: null, line_numbers: true, wrap: true });
    expect(root.querySelector("code")?.className).toBe("hljs");
    expect(root.querySelector("code")?.innerHTML).toBe("a &lt; b\nc");
    expect(root.querySelectorAll(".sp-code-lines span")).toHaveLength(2);
    expect(root.querySelector(".sp-code-wrap")).not.toBeNull();
    const python = draw("code", { body: "x = 1", language: "python" });
    expect(python.querySelector("code")?.className).toBe("hljs language-python");
    expect(python.querySelector(".sp-code-lines, .sp-code-wrap")).toBeNull();
  });

  test("divider and html (sanitized)", () => {
    expect(draw("divider", {}).querySelector("hr.sp-divider")).not.toBeNull();
    const html = draw("html", { body: "<b>bold</b><script>alert(1)</script>" });
    expect(html.querySelector(".sp-html b")?.textContent).toBe("bold");
    expect(html.querySelector("script")).toBeNull();
  });

  test("headings: anchor from the text, a given one or none; divider colours", () => {
    const made = draw("markdown", { body: "Sales report", style: "header", divider: true });
    expect(made.querySelector("h2")?.id).toBe("sales-report");
    expect(made.querySelector(".sp-heading-divider.sp-divider-rainbow")).not.toBeNull();
    const given = draw("markdown", { body: "T", style: "title", anchor: "top", divider: "blue" });
    expect(given.querySelector("h1")?.id).toBe("top");
    expect(given.querySelector(".sp-divider-blue")).not.toBeNull();
    const none = draw("markdown", { body: "S", style: "subheader", anchor: false });
    expect(none.querySelector("h3")?.id).toBe("");
    expect(none.querySelector(".sp-anchor, .sp-heading-divider")).toBeNull();
  });

  test("caption and help", () => {
    const root = draw("markdown", { body: "*small*", style: "caption", help: "More" });
    expect(root.querySelector(".sp-markdown.sp-caption em")?.textContent).toBe("small");
    expect(root.querySelector(".sp-helptip")?.getAttribute("aria-label")).toBe("Help: More");
  });

  test("latex: help is the tooltip", () => {
    const root = mount(
      <Latex node={makeNode("latex", { body: "x", help: "why" })} store={new FakeStore()} />,
    );
    expect(root.querySelector<HTMLElement>(".sp-latex")?.title).toBe("why");
  });
});
