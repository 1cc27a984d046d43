import { describe, expect, test } from "vitest";
import { Exception } from "../../webview/src/elements/exception";
import { Markdown } from "../../webview/src/elements/markdown";
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
