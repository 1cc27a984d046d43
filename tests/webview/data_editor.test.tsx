// `data_editor`: the edit state rules (edits.ts) and the grid's editing UI (cell editors,
// checkbox toggles, refused values, add / delete rows). Each commit sends the whole state.

import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import type { DataEditorProps, NodeOf, TreeNode, ViewerStore } from "../../webview/src/core/types";
import {
  addRow,
  deleteRows,
  editedValue,
  editorFor,
  newRowDefaults,
  NO_EDITS,
  parseEdits,
  parseInput,
  setCell,
  visibleRows,
} from "../../webview/src/data/edits";
import { Dataframe } from "../../webview/src/data/grid";
import { bin, FakeStore, makeNode, mount } from "./data_helpers";

describe("edit state", () => {
  test("parsed defensively from JSON text", () => {
    expect(parseEdits(undefined)).toEqual(NO_EDITS);
    expect(parseEdits("not json")).toEqual(NO_EDITS);
    expect(
      parseEdits(
        '{"edited_rows": {"1": {"a": 2}}, "added_rows": [{"a": 1}, 3], "deleted_rows": [0, "x"]}',
      ),
    ).toEqual({ edited_rows: { "1": { a: 2 } }, added_rows: [{ a: 1 }], deleted_rows: [0] });
  });

  test("cells, added rows and deletions", () => {
    let s = setCell(NO_EDITS, 3, 1, "a", 5);
    expect(s.edited_rows).toEqual({ "1": { a: 5 } });
    s = addRow(s, { a: 7 });
    s = setCell(s, 3, 3, "b", "x");
    expect(s.added_rows).toEqual([{ a: 7, b: "x" }]);
    expect(editedValue(s, 3, 1, "a")).toEqual({ value: 5 });
    expect(editedValue(s, 3, 0, "a")).toBeUndefined();
    expect(editedValue(s, 3, 3, "c")).toEqual({ value: null });
    s = deleteRows(s, 3, [1, 3]);
    expect(s).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [1] });
  });

  test("visible rows skip deleted ones and follow a sort; identity costs nothing", () => {
    expect(visibleRows(3, NO_EDITS, null)).toBeNull();
    const s = { ...NO_EDITS, deleted_rows: [1], added_rows: [{}] };
    expect([...(visibleRows(3, s, null) ?? [])]).toEqual([0, 2, 3]);
    expect([...(visibleRows(3, s, [2, 1, 0]) ?? [])]).toEqual([2, 0, 3]);
  });

  test("editors by column kind and type, with limits", () => {
    expect(editorFor({}, "b", "bool", false)?.kind).toBe("checkbox");
    expect(editorFor({}, "i", "int64", false)).toMatchObject({ kind: "number", integer: true });
    expect(editorFor({}, "O", "str", false)?.kind).toBe("text");
    expect(editorFor({ disabled: true }, "O", "str", false)).toBeUndefined();
    expect(editorFor({}, "O", "str", true)).toBeUndefined();
    expect(editorFor({ type: "progress" }, "f", "float64", false)).toBeUndefined();
    expect(editorFor({}, "r", "range", false)).toBeUndefined();
    const select = editorFor({ type: "selectbox", options: ["x", 2] }, "O", "str", false);
    expect(select?.options).toEqual(["x", 2]);
    if (select === undefined) throw new Error("no editor");
    expect(parseInput(select, "2")).toEqual({ value: 2 });
    expect(parseInput(select, "q")).toHaveProperty("error");
    const n = editorFor({ type: "number", min_value: 0, max_value: 10 }, "f", "float64", false);
    if (n === undefined) throw new Error("no editor");
    expect(parseInput(n, "4.5")).toEqual({ value: 4.5 });
    expect(parseInput(n, "11")).toEqual({ error: "The maximum is 10." });
    expect(parseInput(n, "abc")).toHaveProperty("error");
    expect(parseInput(n, "")).toEqual({ value: null });
    const t = editorFor({ max_chars: 2, validate: "^[a-z]+$", required: true }, "O", "str", false);
    if (t === undefined) throw new Error("no editor");
    expect(parseInput(t, "abc")).toHaveProperty("error");
    expect(parseInput(t, "A")).toHaveProperty("error");
    expect(parseInput(t, "")).toEqual({ error: "A value is required." });
    expect(parseInput(t, "ab")).toEqual({ value: "ab" });
  });

  test("editors read the declared settings: labelled options, date bounds, object columns", () => {
    const labelled = editorFor(
      {
        type: "selectbox",
        options: [
          { value: 1, label: "One" },
          { value: 2, label: "Two" },
        ],
      },
      "i",
      "int64",
      false,
    );
    expect(labelled?.options).toEqual([1, 2]);
    // ISO text bounds are a date's: a number editor takes no bound from them.
    const n = editorFor({ min_value: "2024-01-01", step: 0.5 }, "i", "int64", false);
    expect(n).toMatchObject({ kind: "number", step: 0.5, integer: false });
    expect(n?.min).toBeUndefined();
    // Streamlit's object columns are read-only.
    expect(editorFor({ type: "object" }, "O", "object", false)).toBeUndefined();
    // A list column's list default fills new rows though the column has no editor.
    expect(
      newRowDefaults([
        { name: "tags", spec: undefined, entry: { type: "list", default: ["a", "b"] } },
        { name: "n", spec: editorFor({ default: 3 }, "i", "int64", false), entry: { default: 3 } },
        { name: "s", spec: undefined, entry: {} },
      ]),
    ).toEqual({ tags: ["a", "b"], n: 3 });
  });
});

class EditStore extends FakeStore {
  readonly values: unknown[] = [];
  constructor() {
    super();
    (this as ViewerStore).setWidgetValue = (node: TreeNode, value: unknown): void => {
      this.values.push(value);
      node.props = { ...node.props, value };
    };
  }
  last(): unknown {
    const v = this.values[this.values.length - 1];
    return typeof v === "string" ? JSON.parse(v) : v;
  }
}

function editor(
  store: FakeStore,
  mode: DataEditorProps["editing_mode"],
  extra: Partial<DataEditorProps> = {},
): NodeOf<"data_editor"> {
  store.payloads.set("n", { e: "<i8", b: bin(BigInt64Array.from([1n, 2n, 3n])) });
  store.payloads.set("s", { v: ["x", "y", "z"] });
  store.payloads.set("b", { e: "|u1", b: bin(Uint8Array.from([1, 0, 1])) });
  return makeNode("data_editor", {
    id: "$$ID-ed",
    label: "",
    rows: 3,
    batch_rows: 65536,
    index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
    columns: [
      { name: "n", dtype: "int64", kind: "i", batches: ["n"] },
      { name: "s", dtype: "str", kind: "O", batches: ["s"] },
      { name: "b", dtype: "bool", kind: "b", batches: ["b"] },
    ],
    use_container_width: true,
    hide_index: true,
    editing_mode: mode,
    column_config: { n: { type: "number", min_value: 0, max_value: 10, default: 5 } },
    value: '{"edited_rows": {}, "added_rows": [], "deleted_rows": []}',
    ...extra,
  });
}

const cellAt = (root: HTMLElement, row: number, col: number | string): HTMLElement => {
  const el = root.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  if (el === null) throw new Error(`no cell ${row}/${col}`);
  return el;
};

const key = (el: Element, k: string): void => {
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  });
};

describe("editing in the grid", () => {
  test("Enter opens a number editor; a refused value says why; Enter commits", () => {
    const store = new EditStore();
    const node = editor(store, "fixed");
    const root = mount(<Dataframe node={node} store={store} />);
    key(cellAt(root, 1, 0), "Enter");
    const input = root.querySelector<HTMLInputElement>("input.sp-de-input");
    expect(input?.type).toBe("number");
    expect(input?.value).toBe("2");
    if (input === null) throw new Error("no input");
    act(() => {
      input.value = "50";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    key(input, "Enter");
    expect(root.querySelector("[role=alert]")?.textContent).toBe("The maximum is 10.");
    expect(store.values).toHaveLength(0);
    act(() => {
      input.value = "9";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    key(input, "Enter");
    expect(store.last()).toEqual({
      edited_rows: { "1": { n: 9 } },
      added_rows: [],
      deleted_rows: [],
    });
  });

  test("Escape cancels; a checkbox toggles with Space; edited cells are marked", () => {
    const store = new EditStore();
    const node = editor(store, "fixed");
    const root = mount(<Dataframe node={node} store={store} />);
    key(cellAt(root, 0, 1), "q");
    const input = root.querySelector<HTMLInputElement>("input.sp-de-input");
    expect(input?.value).toBe("q");
    if (input === null) throw new Error("no input");
    key(input, "Escape");
    expect(root.querySelector("input.sp-de-input")).toBeNull();
    key(cellAt(root, 0, 2), " ");
    expect(store.last()).toEqual({
      edited_rows: { "0": { b: false } },
      added_rows: [],
      deleted_rows: [],
    });
    const again = mount(<Dataframe node={node} store={store} />);
    expect(cellAt(again, 0, 2).classList.contains("sp-de-edited")).toBe(true);
  });

  test("dynamic rows: add a row with defaults, delete a picked row", () => {
    const store = new EditStore();
    const node = editor(store, "dynamic");
    const root = mount(<Dataframe node={node} store={store} />);
    const add = [...root.querySelectorAll("button")].find((b) => b.textContent === "+ Add row");
    act(() => add?.click());
    expect(store.last()).toEqual({ edited_rows: {}, added_rows: [{ n: 5 }], deleted_rows: [] });
    const box = root.querySelector<HTMLInputElement>(
      "input[aria-label='Select row 2 for deletion']",
    );
    act(() => box?.click());
    const grid = root.querySelector<HTMLElement>("[role=grid]");
    if (grid === null) throw new Error("no grid");
    key(grid, "Delete");
    expect(store.last()).toEqual({ edited_rows: {}, added_rows: [{ n: 5 }], deleted_rows: [1] });
  });

  test("a disabled editor and fixed rows offer no editing controls", () => {
    const store = new EditStore();
    const node = editor(store, "fixed", { disabled: true });
    const root = mount(<Dataframe node={node} store={store} />);
    expect(root.querySelector(".sp-de-editable")).toBeNull();
    expect(root.querySelector(".sp-de-add")).toBeNull();
  });
});

describe("a non-range index", () => {
  test("takes values (new rows need one), sent as _index", () => {
    const store = new EditStore();
    store.payloads.set("i", { v: ["a", "b", "c"] });
    const node = editor(store, "dynamic", {
      hide_index: false,
      index: [{ name: "", dtype: "str", kind: "O", batches: ["i"] }],
      column_config: { _index: { required: true } },
    });
    const root = mount(<Dataframe node={node} store={store} />);
    const add = [...root.querySelectorAll("button")].find((b) => b.textContent === "+ Add row");
    act(() => add?.click());
    const again = mount(<Dataframe node={node} store={store} />);
    key(cellAt(again, 3, "_index/0"), "d");
    const input = again.querySelector<HTMLInputElement>("input.sp-de-input");
    if (input === null) throw new Error("no input");
    key(input, "Enter");
    expect(store.last()).toEqual({
      edited_rows: {},
      added_rows: [{ _index: "d" }],
      deleted_rows: [],
    });
  });
});
