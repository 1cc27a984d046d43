import { describe, expect, test } from "vitest";
import { Exception } from "../../webview/src/elements/exception";
import { Markdown } from "../../webview/src/elements/markdown";
import "../../webview/src/elements/basic";
import { componentFor } from "../../webview/src/core/types";
import { FakeStore, makeNode, mount } from "./data_helpers";

describe("headings", () => {
  test("an icon is drawn before the heading's text", () => {
    const node = makeNode("markdown", { body: "Sales", style: "header", icon: "🔥" });
    const root = mount(<Markdown node={node} store={new FakeStore()} />);
    const h2 = root.querySelector("h2");
    expect(h2?.querySelector(".sp-heading-icon")?.textContent).toBe("🔥");
    expect(h2?.textContent?.indexOf("🔥")).toBeLessThan(h2?.textContent?.indexOf("Sales") ?? 0);
  });

  test("a Material icon is a ligature; no icon prop, no icon", () => {
    const withIcon = makeNode("markdown", { body: "T", style: "title", icon: ":material/home:" });
    const root = mount(<Markdown node={withIcon} store={new FakeStore()} />);
    expect(root.querySelector("h1 .sp-material-icon")?.textContent).toBe("home");
    const plain = makeNode("markdown", { body: "T", style: "title" });
    expect(
      mount(<Markdown node={plain} store={new FakeStore()} />).querySelector(".sp-heading-icon"),
    ).toBeNull();
  });
});

describe("exception", () => {
  test("a Markdown message is formatted, below the type", () => {
    const node = makeNode("exception", {
      type: "streamlit.errors.MarkdownFormattedException",
      message: "Use **`key`**",
      frames: [],
      markdown: true,
    });
    const root = mount(<Exception node={node} store={new FakeStore()} />);
    expect(root.querySelector(".sp-exception-head")?.textContent).toBe(
      "streamlit.errors.MarkdownFormattedException",
    );
    const message = root.querySelector(".sp-exception-message");
    expect(message?.querySelector("strong code")?.textContent).toBe("key");
  });

  test("a plain message stays text beside the type", () => {
    const node = makeNode("exception", { type: "ValueError", message: "**x**", frames: [] });
    const root = mount(<Exception node={node} store={new FakeStore()} />);
    expect(root.querySelector(".sp-exception-head")?.textContent).toBe("ValueError: **x**");
    expect(root.querySelector(".sp-exception-message")).toBeNull();
  });
});

describe("text layout", () => {
  test("markdown: width, text_alignment, and one line without block Markdown", () => {
    const node = makeNode("markdown", {
      body: "# Not a heading **bold**",
      width: 200,
      text_alignment: "center",
      wrap: false,
    });
    const root = mount(<Markdown node={node} store={new FakeStore()} />);
    const box = root.querySelector<HTMLElement>(".sp-markdown");
    expect(box?.style.width).toBe("200px");
    expect(box?.style.textAlign).toBe("center");
    const body = root.querySelector(".sp-markdown-body");
    expect(body?.classList.contains("sp-one-line")).toBe(true);
    expect(body?.querySelector("h1")).toBeNull();
    expect(body?.querySelector("strong")?.textContent).toBe("bold");
  });

  test("markdown without layout props stretches and wraps", () => {
    const root = mount(
      <Markdown node={makeNode("markdown", { body: "x" })} store={new FakeStore()} />,
    );
    const box = root.querySelector<HTMLElement>(".sp-markdown");
    expect(box?.style.width).toBe("");
    expect(root.querySelector(".sp-one-line")).toBeNull();
  });

  test("a heading's row moves with text_alignment; content width fits", () => {
    const node = makeNode("markdown", {
      body: "H",
      style: "header",
      text_alignment: "right",
      width: "content",
    });
    const root = mount(<Markdown node={node} store={new FakeStore()} />);
    expect(root.querySelector<HTMLElement>("h2")?.style.justifyContent).toBe("flex-end");
    expect(root.querySelector<HTMLElement>(".sp-heading")?.style.width).toBe("fit-content");
  });

  test("st.text is as wide as its text unless told; wrap false keeps lines whole", () => {
    const Text = componentFor("text");
    expect(Text).toBeDefined();
    if (!Text) return;
    const plain = mount(<Text node={makeNode("text", { body: "t" })} store={new FakeStore()} />);
    expect(plain.querySelector<HTMLElement>(".sp-text")?.style.width).toBe("fit-content");
    const node = makeNode("text", { body: "t", width: "stretch", wrap: false });
    const root = mount(<Text node={node} store={new FakeStore()} />);
    const box = root.querySelector<HTMLElement>(".sp-text");
    expect(box?.style.width).toBe("");
    expect(box?.classList.contains("sp-text-one-line")).toBe(true);
  });
});
