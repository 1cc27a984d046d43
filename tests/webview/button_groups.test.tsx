// st.pills, st.segmented_control and st.feedback: drawn from their declared props, clicks and keys
// send the declared wire value (selected indexes; a rating or null).
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, test } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { PropsOf } from "../../webview/src/core/types";
import { clickedSelection } from "../../webview/src/widgets/button_groups";
import "../../webview/src/widgets/button_groups";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const roots: HTMLElement[] = [];

afterEach(() => {
  for (const el of roots.splice(0)) {
    act(() => render(null, el));
    el.remove();
  }
});

function draw<T extends "button_group" | "feedback">(type: T, props: PropsOf<T>) {
  const { store, sent } = recordingStore();
  runStart(store, 1);
  upsert(store, 1, ["main", 0], type, props);
  runEnd(store, 1);
  const el = document.createElement("div");
  document.body.appendChild(el);
  roots.push(el);
  act(() => render(<NodeView nodeKey="main/0" store={store} />, el));
  const buttons = () => Array.from(el.querySelectorAll<HTMLButtonElement>("button"));
  const click = (i: number) => act(() => buttons()[i]!.click());
  return { el, sent, buttons, click };
}

const pills: PropsOf<"button_group"> = {
  id: "p",
  label: "Size",
  style: "pills",
  options: [{ content: "S" }, { content: "M" }, { content: "Add", icon: ":material/add:" }],
  value: [],
};

describe("button_group", () => {
  test("a pill click selects it, a second click clears it", () => {
    const { el, sent, buttons, click } = draw("button_group", pills);
    expect(el.querySelector(".sp-pills")).not.toBeNull();
    expect(buttons().map((b) => b.textContent)).toEqual(["S", "M", "addAdd"]);
    expect(el.querySelector(".sp-material-icon")?.textContent).toBe("add");
    click(1);
    expect(sent).toEqual([{ t: "widget_value", id: "p", value: [1], run: 1 }]);
    expect(buttons()[1]!.getAttribute("aria-pressed")).toBe("true");
    click(2);
    click(2);
    expect(sent.map((f) => (f as { value: unknown }).value)).toEqual([[1], [2], []]);
  });

  test("multi mode adds and removes; required keeps the selection", () => {
    expect(clickedSelection([2], 0, { multi: true })).toEqual([2, 0]);
    expect(clickedSelection([2, 0], 2, { multi: true })).toEqual([0]);
    expect(clickedSelection([1], 1, {})).toEqual([]);
    expect(clickedSelection([1], 1, { required: true })).toEqual([1]);
    expect(clickedSelection([1], 0, { required: true })).toEqual([0]);
    const { sent, click } = draw("button_group", { ...pills, required: true, value: [0] });
    click(0);
    expect(sent).toEqual([]);
  });

  test("a segmented control is one labelled group of toggle buttons", () => {
    const { el, buttons } = draw("button_group", {
      ...pills,
      style: "segmented_control",
      multi: true,
      width: "stretch",
      value: [0, 2],
    });
    const group = el.querySelector("[role=group]")!;
    expect(el.querySelector(".sp-segmented.sp-stretch")).not.toBeNull();
    expect(document.getElementById(group.getAttribute("aria-labelledby")!)?.textContent).toBe(
      "Size",
    );
    expect(buttons().map((b) => b.getAttribute("aria-pressed"))).toEqual(["true", "false", "true"]);
  });

  test("arrow keys move the focus along the group and stay out of VS Code's keybindings", () => {
    const { el, buttons } = draw("button_group", pills);
    const seen: string[] = [];
    const onWindow = (e: KeyboardEvent) => seen.push(e.key);
    window.addEventListener("keydown", onWindow);
    buttons()[0]!.focus();
    const key = (k: string) =>
      act(() => {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent("keydown", { key: k, bubbles: true }),
        );
      });
    key("ArrowRight");
    expect(document.activeElement).toBe(buttons()[1]);
    key("End");
    expect(document.activeElement).toBe(buttons()[2]);
    key("ArrowLeft");
    expect(document.activeElement).toBe(buttons()[1]);
    key("a");
    window.removeEventListener("keydown", onWindow);
    expect(seen).toEqual(["a"]);
    expect(el.querySelector("[role=group]")).not.toBeNull();
  });

  test("wrap: set by the script, else left to the layout", () => {
    const cls = (wrap?: boolean) =>
      draw("button_group", wrap === undefined ? pills : { ...pills, wrap })
        .el.querySelector(".sp-button-group")!
        .className.split(" ")
        .filter((c) => c.startsWith("sp-group-"));
    expect(cls(false)).toEqual(["sp-group-nowrap"]);
    expect(cls(true)).toEqual(["sp-group-wrap"]);
    expect(cls()).toEqual([]);
  });

  test("an icon-only option is named by its icon", () => {
    const { buttons } = draw("button_group", {
      ...pills,
      options: [
        { content: "", icon: ":material/zoom_in:" },
        { content: "", icon: "🍕" },
      ],
    });
    expect(buttons().map((b) => b.getAttribute("aria-label"))).toEqual(["zoom in", "🍕"]);
  });

  test("disabled and a collapsed label", () => {
    const { el, buttons } = draw("button_group", {
      ...pills,
      disabled: true,
      label_visibility: "collapsed",
    });
    expect(buttons().every((b) => b.disabled)).toBe(true);
    expect(el.querySelector("[role=group]")!.getAttribute("aria-label")).toBe("Size");
  });
});

describe("feedback", () => {
  const base = { id: "f", label: "" };

  test("thumbs: up first (rating 1), down (0); a click on the chosen one clears it", () => {
    const { buttons, click, sent } = draw("feedback", { ...base, options: "thumbs", value: 1 });
    expect(buttons().map((b) => b.getAttribute("aria-label"))).toEqual([
      "Thumbs up",
      "Thumbs down",
    ]);
    expect(buttons()[0]!.getAttribute("aria-pressed")).toBe("true");
    click(1);
    click(1);
    click(0);
    expect(sent.map((f) => (f as { value: unknown }).value)).toEqual([0, null, 1]);
  });

  test("faces send 0 to 4 from left to right", () => {
    const { buttons, click, sent } = draw("feedback", { ...base, options: "faces", value: null });
    expect(buttons()).toHaveLength(5);
    click(4);
    expect(sent).toEqual([{ t: "widget_value", id: "f", value: 4, run: 1 }]);
  });

  test("stars light up to the chosen one, and to the hovered one", () => {
    const { el, buttons } = draw("feedback", { ...base, options: "stars", value: 1 });
    const lit = () => buttons().map((b) => b.classList.contains("sp-lit"));
    expect(lit()).toEqual([true, true, false, false, false]);
    act(() => {
      buttons()[3]!.dispatchEvent(new MouseEvent("mouseenter"));
    });
    expect(lit()).toEqual([true, true, true, true, false]);
    act(() => {
      el.querySelector("[role=group]")!.dispatchEvent(new MouseEvent("mouseleave"));
    });
    expect(lit()).toEqual([true, true, false, false, false]);
  });
});
