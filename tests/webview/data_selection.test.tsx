// Dataframe selections: the rules (selection.ts) and the grid's selection UI (row checkboxes,
// column headers, cells, Escape / Clear). Rows reported are positions in the data, not in the
// sorted view.

import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import type {
  DataframeProps,
  DataframeSelection,
  TreeNode,
  ViewerStore,
} from "../../webview/src/core/types";
import { Dataframe } from "../../webview/src/data/grid";
import {
  cleared,
  EMPTY,
  extendOf,
  parseModes,
  parseSelection,
  pressCell,
  pressColumn,
  pressRow,
  type Selection,
} from "../../webview/src/data/selection";
import { bin, FakeStore, makeNode, mount } from "./data_helpers";

const BATCH = 65536;
const id = (i: number): number => i;
const names = ["a", "b", "c"];
const nameAt = (i: number): string => names[i] ?? "";

describe("selection rules", () => {
  test("modes from the selection_mode prop", () => {
    expect(parseModes(undefined)).toBeNull();
    expect(parseModes(["multi-row", "single-column", "multi-cell"])).toEqual({
      row: "multi",
      column: "single",
      cell: "multi",
    });
    expect(parseModes(["single-row-required"])?.row).toBe("required");
  });

  test("a widget value is read defensively", () => {
    expect(parseSelection(undefined)).toEqual(EMPTY);
    expect(
      parseSelection({ selection: { rows: [1, "x"], columns: ["a", 2], cells: [[0, "a"], [1]] } }),
    ).toEqual({ rows: [1], columns: ["a"], cells: [[0, "a"]] });
  });

  test("rows: multi toggles and Shift adds a range (in display order); single replaces", () => {
    const desc = (i: number): number => 9 - i; // a view sorted descending
    let s: Selection = EMPTY;
    s = pressRow(s, "multi", 1, desc, "replace", null);
    expect(s.rows).toEqual([8]);
    s = pressRow(s, "multi", 3, desc, "range", 1);
    expect(s.rows).toEqual([8, 9 - 2, 9 - 3]);
    s = pressRow(s, "multi", 2, desc, "replace", null);
    expect(s.rows).toEqual([8, 6]);
    expect(pressRow({ ...EMPTY, rows: [4] }, "single", 2, id, "replace", null).rows).toEqual([2]);
    expect(pressRow({ ...EMPTY, rows: [2] }, "single", 2, id, "replace", null).rows).toEqual([]);
    expect(pressRow({ ...EMPTY, rows: [2] }, "required", 2, id, "replace", null).rows).toEqual([2]);
  });

  test("columns: a press selects one, Ctrl toggles, Shift adds a range", () => {
    let s = pressColumn(EMPTY, "multi", 0, nameAt, "replace", null);
    expect(s.columns).toEqual(["a"]);
    s = pressColumn(s, "multi", 2, nameAt, "toggle", 0);
    expect(s.columns).toEqual(["a", "c"]);
    s = pressColumn(s, "multi", 1, nameAt, "range", 0);
    expect(s.columns).toEqual(["a", "c", "b"]);
    s = pressColumn(s, "multi", 1, nameAt, "replace", null);
    expect(s.columns).toEqual(["b"]);
    expect(pressColumn(s, "single", 1, nameAt, "toggle", null).columns).toEqual([]);
  });

  test("cells: Shift selects the rectangle from the anchor", () => {
    let s = pressCell(EMPTY, "multi", 0, 0, id, nameAt, "replace", null);
    expect(s.cells).toEqual([[0, "a"]]);
    s = pressCell(s, "multi", 1, 1, id, nameAt, "range", [0, 0]);
    expect(s.cells).toEqual([
      [0, "a"],
      [0, "b"],
      [1, "a"],
      [1, "b"],
    ]);
    s = pressCell(s, "multi", 1, 1, id, nameAt, "toggle", null);
    expect(s.cells).toHaveLength(3);
    expect(pressCell(s, "single", 2, 2, id, nameAt, "toggle", null).cells).toEqual([[2, "c"]]);
  });

  test("clearing keeps the first row in a required mode; modifier keys", () => {
    expect(cleared({ row: "required", column: null, cell: null }, 3).rows).toEqual([0]);
    expect(cleared({ row: "multi", column: null, cell: null }, 3)).toEqual(EMPTY);
    expect(extendOf({ shiftKey: true, ctrlKey: false, metaKey: false })).toBe("range");
    expect(extendOf({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe("toggle");
  });
});

/** A store that keeps the value a widget was given, as the real store shows it at once. */
class SelectStore extends FakeStore {
  readonly values: unknown[] = [];
  constructor() {
    super();
    // Through ViewerStore's signature: FakeStore's own setWidgetValue takes no arguments.
    (this as ViewerStore).setWidgetValue = (node: TreeNode, value: unknown): void => {
      this.values.push(value);
      node.props = { ...node.props, value };
    };
  }
}

function selectable(
  store: FakeStore,
  modes: NonNullable<DataframeProps["selection_mode"]>,
  value?: DataframeSelection,
) {
  store.payloads.set("n", { e: "<f8", b: bin(Float64Array.from([3, 1, 2])) });
  store.payloads.set("s", { v: ["x", "y", "z"] });
  return makeNode("dataframe", {
    id: "$$ID-df",
    label: "",
    rows: 3,
    batch_rows: BATCH,
    index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
    columns: [
      { name: "n", dtype: "float64", kind: "f", batches: ["n"] },
      { name: "s", dtype: "object", kind: "O", batches: ["s"] },
    ],
    use_container_width: true,
    hide_index: true,
    selection_mode: modes,
    value: value ?? { selection: { rows: [], columns: [], cells: [] } },
  });
}

const last = (store: SelectStore): unknown => store.values[store.values.length - 1];

describe("selection in the grid", () => {
  test("row checkboxes select rows of the data, also when the view is sorted", () => {
    const store = new SelectStore();
    const node = selectable(store, ["multi-row", "multi-column"]);
    const root = mount(<Dataframe node={node} store={store} />);
    const boxes = root.querySelectorAll<HTMLInputElement>(".sp-df-rows input[type=checkbox]");
    expect(boxes).toHaveLength(3);
    expect(boxes[0]?.getAttribute("aria-label")).toBe("Select row 0");
    // Sort by "n" (3, 1, 2) with its sort button: the first row shown is data row 1.
    const sortButton = root.querySelector<HTMLButtonElement>("button[aria-label='Sort by n']");
    act(() => sortButton?.click());
    const first = root.querySelector<HTMLInputElement>(".sp-df-rows input[type=checkbox]");
    expect(first?.getAttribute("aria-label")).toBe("Select row 1");
    act(() => first?.click());
    expect(last(store)).toEqual({ selection: { rows: [1], columns: [], cells: [] } });
  });

  test("a column header press selects the column; Escape clears", () => {
    const store = new SelectStore();
    const node = selectable(store, ["multi-row", "multi-column"]);
    const root = mount(<Dataframe node={node} store={store} />);
    const heads = [...root.querySelectorAll<HTMLElement>(".sp-df-head[tabindex]")];
    expect(heads.map((h) => h.querySelector(".sp-df-label")?.textContent)).toEqual(["n", "s"]);
    act(() => {
      heads[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(last(store)).toEqual({ selection: { rows: [], columns: ["s"], cells: [] } });
    // The app re-renders the node on its change; here a new grid shows the new value.
    const again = mount(<Dataframe node={node} store={store} />);
    expect(again.querySelector(".sp-df-head.sp-df-selected")?.textContent).toContain("s");
    const grid = again.querySelector<HTMLElement>("[role=grid]");
    act(() => {
      grid?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(last(store)).toEqual({ selection: { rows: [], columns: [], cells: [] } });
  });

  test("cells are selectable by click or keyboard; the bar counts and clears", () => {
    const store = new SelectStore();
    const node = selectable(store, ["single-cell"], {
      selection: { rows: [], columns: [], cells: [[2, "s"]] },
    });
    const root = mount(<Dataframe node={node} store={store} />);
    const selected = root.querySelectorAll(".sp-df-cell.sp-df-selected");
    expect(selected).toHaveLength(1);
    expect(selected[0]?.textContent).toBe("z");
    expect(root.querySelector(".sp-df-selcount")?.textContent).toBe("1 cell selected");
    const cells = root.querySelectorAll<HTMLElement>(".sp-df-rows [role=gridcell][tabindex]");
    expect(cells).toHaveLength(6);
    act(() => {
      cells[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: " ", bubbles: true }));
    });
    expect(last(store)).toEqual({ selection: { rows: [], columns: [], cells: [[0, "n"]] } });
    const clear = root.querySelector<HTMLButtonElement>(".sp-df-clear");
    act(() => clear?.click());
    expect(last(store)).toEqual({ selection: { rows: [], columns: [], cells: [] } });
  });

  test("a dataframe without selection_mode has no selection UI", () => {
    const store = new SelectStore();
    const node = selectable(store, []);
    const root = mount(<Dataframe node={node} store={store} />);
    expect(root.querySelector(".sp-df-selbar")).toBeNull();
    expect(root.querySelector("input")).toBeNull();
    expect(root.querySelector("[tabindex='0'].sp-df-cell")).toBeNull();
  });
});
