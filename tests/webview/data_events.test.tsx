// Dataframe interaction: ButtonColumn cells are real buttons that send a trigger for the column's
// widget ({row, label}, row = position in the data, not in the sorted view), and markdown cells
// open their text, rendered, in a popup.

import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import type { ViewerFrame } from "../../webview/src/core/types";
import { Dataframe } from "../../webview/src/data/grid";
import { popupPosition } from "../../webview/src/data/markdownOverlay";
import { Store } from "../../webview/src/core/store";
import { bin, FakeStore, makeNode, mount } from "./data_helpers";

const BATCH = 65536;

/** A FakeStore that records triggers as the real store sends them. */
class TriggerStore extends FakeStore {
  readonly triggers: { id: string; value: unknown }[] = [];
  sendTrigger(id: string, value: unknown): void {
    this.triggers.push({ id, value });
  }
}

function buttonFrame(store: FakeStore, extra: Record<string, unknown> = {}) {
  store.payloads.set("n", { e: "<f8", b: bin(Float64Array.from([3, 1, 2])) });
  store.payloads.set("a", { v: ["Open", "Open", '["Edit","Delete"]'] });
  store.payloads.set("m", { v: ["**bold** <b>raw</b>", "x", null] });
  return makeNode("dataframe", {
    rows: 3,
    batch_rows: BATCH,
    index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
    columns: [
      { name: "n", dtype: "float64", kind: "f", batches: ["n"] },
      { name: "act", dtype: "object", kind: "O", batches: ["a"] },
      { name: "md", dtype: "object", kind: "O", batches: ["m"] },
    ],
    use_container_width: true,
    column_config: {
      act: { type: "button", button_type: "primary", disabled: true },
      md: { type: "markdown" },
    },
    buttons: { act: "$$ID-abc-k" },
    ...extra,
  });
}

function rowButtons(root: HTMLElement): HTMLButtonElement[][] {
  return [...root.querySelectorAll(".sp-df-rows .sp-df-row")].map((r) => [
    ...r.querySelectorAll<HTMLButtonElement>("button.sp-df-button"),
  ]);
}

describe("button columns", () => {
  test("each label is a button; a click sends {row, label} for the column's widget", () => {
    const store = new TriggerStore();
    const root = mount(<Dataframe node={buttonFrame(store)} store={store} />);
    const buttons = rowButtons(root);
    expect(buttons.map((r) => r.map((b) => b.textContent))).toEqual([
      ["Open"],
      ["Open"],
      ["Edit", "Delete"],
    ]);
    const first = buttons[2]?.[1];
    expect(first?.type).toBe("button");
    expect(first?.classList.contains("sp-df-button-primary")).toBe(true);
    act(() => first?.click());
    expect(store.triggers).toEqual([{ id: "$$ID-abc-k", value: { row: 2, label: "Delete" } }]);
  });

  test("the row reported is the row in the data, not in the sorted view", () => {
    const store = new TriggerStore();
    const root = mount(<Dataframe node={buttonFrame(store)} store={store} />);
    const head = root.querySelectorAll<HTMLElement>(".sp-df-head")[1]; // "n": 3, 1, 2
    act(() => head?.click());
    act(() => rowButtons(root)[0]?.[0]?.click()); // shown first: n = 1, data row 1
    expect(store.triggers).toEqual([{ id: "$$ID-abc-k", value: { row: 1, label: "Open" } }]);
  });

  test("without a widget id the labels only show; disabled widgets cannot be pressed", () => {
    const store = new TriggerStore();
    let root = mount(<Dataframe node={buttonFrame(store, { buttons: {} })} store={store} />);
    expect(root.querySelectorAll("button.sp-df-button").length).toBe(0);
    expect(root.querySelectorAll("span.sp-df-button").length).toBe(4);
    root = mount(<Dataframe node={buttonFrame(store, { disabled: true })} store={store} />);
    const b = rowButtons(root)[0]?.[0];
    expect(b?.disabled).toBe(true);
    act(() => b?.click());
    expect(store.triggers).toEqual([]);
  });

  test("the store sends the trigger as a widget_value of that id", () => {
    const sent: ViewerFrame[] = [];
    const store = new Store({ send: (f) => sent.push(f) });
    store.sendTrigger("$$ID-abc-k", { row: 0, label: "Go" });
    expect(sent).toEqual([
      { t: "widget_value", id: "$$ID-abc-k", value: { row: 0, label: "Go" }, run: 0 },
    ]);
  });
});

describe("markdown cells", () => {
  test("show plain text; Enter or a click opens the rendered markdown; Escape closes", () => {
    const store = new TriggerStore();
    const root = mount(<Dataframe node={buttonFrame(store)} store={store} />);
    const cell = root.querySelector<HTMLElement>(".sp-df-md");
    expect(cell?.textContent).toBe("**bold** <b>raw</b>");
    expect(cell?.getAttribute("role")).toBe("button");
    expect(cell?.tabIndex).toBe(0);
    act(() => {
      cell?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    const popup = root.querySelector<HTMLElement>(".sp-df-md-popup");
    expect(popup?.getAttribute("role")).toBe("dialog");
    expect(popup?.querySelector("strong")?.textContent).toBe("bold");
    // Raw HTML is escaped, as st.markdown does without unsafe_allow_html.
    expect(popup?.querySelector("b")).toBeNull();
    expect(popup?.textContent).toContain("<b>raw</b>");
    act(() => {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(root.querySelector(".sp-df-md-popup")).toBeNull();
    act(() => cell?.click());
    expect(root.querySelector(".sp-df-md-popup")).not.toBeNull();
    act(() => {
      document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
    });
    expect(root.querySelector(".sp-df-md-popup")).toBeNull();
  });

  test("the popup sits below the cell, above it when there is no room, inside the window", () => {
    const view = { width: 800, height: 600 };
    expect(popupPosition({ left: 100, top: 50, bottom: 85 }, view, 200)).toEqual({
      left: 100,
      top: 89,
    });
    expect(popupPosition({ left: 700, top: 500, bottom: 535 }, view, 200)).toEqual({
      left: 436,
      top: 296,
    });
  });
});

describe("button labels", () => {
  test("a leading :material/name: is drawn as an icon; the click reports the whole label", () => {
    const store = new TriggerStore();
    store.payloads.set("a", { v: [":material/visibility: View", ":material/delete:"] });
    const node = makeNode("dataframe", {
      rows: 2,
      batch_rows: BATCH,
      index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
      columns: [{ name: "act", dtype: "object", kind: "O", batches: ["a"] }],
      use_container_width: true,
      column_config: { act: { type: "button" } },
      buttons: { act: "$$ID-abc-k" },
    });
    const root = mount(<Dataframe node={node} store={store} />);
    const [view, del] = rowButtons(root).map((r) => r[0]);
    expect(view?.querySelector(".sp-material-icon")?.textContent).toBe("visibility");
    expect(view?.querySelector(".sp-df-button-text")?.textContent).toBe("View");
    expect(del?.getAttribute("aria-label")).toBe("delete");
    act(() => view?.click());
    expect(store.triggers).toEqual([
      { id: "$$ID-abc-k", value: { row: 0, label: ":material/visibility: View" } },
    ]);
  });
});
