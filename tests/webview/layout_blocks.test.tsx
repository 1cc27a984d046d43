// The layout family's blocks draw the props the schema declares (ContainerProps, ColumnsProps…):
// `tsc` checks the props given here, vitest the drawing.
import { describe, expect, test } from "vitest";
import type { PropsOf } from "../../webview/src/core/types";
import { componentFor } from "../../webview/src/core/types";
import "../../webview/src/blocks/form";
import "../../webview/src/blocks/layout";
import "../../webview/src/blocks/status";
import "../../webview/src/elements/chat_message";
import { FakeStore, makeNode, mount } from "./data_helpers";

function draw<T extends string>(type: T, props: PropsOf<T>): HTMLElement {
  const Component = componentFor(type);
  if (Component === undefined) throw new Error(`no component for ${type}`);
  return mount(<Component node={makeNode(type, props)} store={new FakeStore()} />);
}

describe("container", () => {
  test("a fixed height scrolls; the border is the runtime's choice", () => {
    // st.container(height=200, border=False): no `border` key. The viewer used to add a border to
    // any fixed height whose `border` was absent.
    const plain = draw("container", { height: 200 }).querySelector<HTMLElement>(".sp-container")!;
    expect(plain.style.height).toBe("200px");
    expect(plain.style.overflowY).toBe("auto");
    expect(plain.classList.contains("sp-bordered")).toBe(false);
    const boxed = draw("container", { height: 200, border: true, horizontal: true });
    expect(boxed.querySelector(".sp-container.sp-bordered.sp-horizontal")).not.toBeNull();
    expect(draw("container", {}).querySelector<HTMLElement>(".sp-container")!.style.height).toBe(
      "",
    );
  });
});

describe("columns and column", () => {
  test("gap names, pixels and none; alignment; weights", () => {
    const row = (props: PropsOf<"columns">) =>
      draw("columns", props).querySelector<HTMLElement>(".sp-columns")!;
    expect(row({ gap: "large", vertical_alignment: "bottom" }).style.gap).toBe("4rem");
    expect(row({ gap: "large", vertical_alignment: "bottom" }).style.alignItems).toBe("flex-end");
    expect(row({ gap: 12, vertical_alignment: "top" }).style.gap).toBe("12px");
    const none = row({ gap: null, vertical_alignment: "center", wrap: false });
    expect(none.style.gap).toBe("0");
    expect(none.classList.contains("sp-nowrap")).toBe(true);
    const column = draw("column", { weight: 0.25, border: true });
    expect(column.querySelector<HTMLElement>(".sp-column.sp-bordered")!.style.flex).toBe(
      "0.25 1 0%",
    );
  });
});

describe("tabs", () => {
  test("labels, the default tab and a fixed height", () => {
    const root = draw("tabs", { labels: ["One", "Two"], default: 1, height: 300 });
    const tabs = [...root.querySelectorAll("[role=tab]")];
    expect(tabs.map((t) => t.textContent)).toEqual(["One", "Two"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    expect(root.querySelector<HTMLElement>(".sp-tabpanels")!.style.height).toBe("300px");
    const first = draw("tabs", { labels: ["A", "B"] }).querySelector("[aria-selected=true]");
    expect(first?.textContent).toBe("A");
  });
});

describe("expander", () => {
  test("label, icon, type and the first expanded state", () => {
    const root = draw("expander", {
      label: "**More**",
      expanded: true,
      icon: ":material/info:",
      type: "compact",
    });
    expect(root.querySelector(".sp-expander.sp-expander-compact.sp-open")).not.toBeNull();
    expect(root.querySelector(".sp-expander-label strong")?.textContent).toBe("More");
    expect(root.querySelector(".sp-material-icon")?.textContent).toBe("info");
    const closed = draw("expander", { label: "x", expanded: false });
    expect(closed.querySelector<HTMLElement>(".sp-expander-body")!.hidden).toBe(true);
  });
});

describe("form", () => {
  test("border, height and the missing submit button", () => {
    const props: PropsOf<"form"> = { id: "f", border: false, clear_on_submit: false };
    const plain = draw("form", { ...props, height: 120 }).querySelector<HTMLElement>("form")!;
    expect(plain.className).toBe("sp-form");
    expect(plain.style.height).toBe("120px");
    const flagged = draw("form", { ...props, border: true, missing_submit: true });
    expect(flagged.querySelector("form.sp-form.sp-bordered")).not.toBeNull();
    expect(flagged.querySelector("[role=alert]")?.textContent).toContain("Missing Submit Button");
  });
});

describe("status and chat_message", () => {
  test("a status's type and state; a message's content width", () => {
    const status = draw("status", {
      label: "Done",
      state: "complete",
      expanded: false,
      type: "step",
    });
    expect(status.querySelector(".sp-status-block.sp-expander-step")).not.toBeNull();
    expect(status.querySelector(".sp-visually-hidden")?.textContent).toBe("Complete:");
    const message = draw("chat_message", { name: "human", avatar_type: "icon", width: "content" });
    expect(message.querySelector(".sp-chat-message.sp-chat-from-user")).not.toBeNull();
    expect(message.querySelector(".sp-chat-content-width")).not.toBeNull();
    expect(message.querySelector(".sp-chat-avatar-letter")?.textContent).toBe("h");
  });
});
