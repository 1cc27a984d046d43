import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import { Dataframe } from "../../webview/src/data/grid";
import { rowWindow, columnWindow, MAX_SPACER } from "../../webview/src/data/layout";
import { bin, FakeStore, makeNode, mount } from "./data_helpers";

const BATCH = 65536;
const ROWS = 1_000_000;

/** A 1,000,000-row frame: RangeIndex + one float column "x" (x = row * 0.5) in 16 batches. */
function millionRows(store: FakeStore, deliver: boolean) {
  const hashes: string[] = [];
  for (let k = 0; k * BATCH < ROWS; k++) {
    const n = Math.min(BATCH, ROWS - k * BATCH);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = (k * BATCH + i) * 0.5;
    const hash = `x${k}`;
    hashes.push(hash);
    if (deliver) store.payloads.set(hash, { e: "<f8", b: bin(values) });
  }
  return makeNode("dataframe", {
    rows: ROWS,
    batch_rows: BATCH,
    index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
    columns: [{ name: "x", dtype: "float64", kind: "f", batches: hashes }],
    use_container_width: true,
  });
}

function cellTexts(root: HTMLElement, column: number): string[] {
  return [...root.querySelectorAll(".sp-df-rows .sp-df-row")].map(
    (r) => r.children[column]?.textContent ?? "",
  );
}

describe("dataframe grid", () => {
  test("renders only the visible window of a 1,000,000-row frame", () => {
    const store = new FakeStore();
    const root = mount(<Dataframe node={millionRows(store, true)} store={store} />);
    const rows = root.querySelectorAll(".sp-df-rows .sp-df-row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    const grid = root.querySelector<HTMLElement>("[role=grid]");
    expect(grid?.getAttribute("aria-rowcount")).toBe(String(ROWS + 1));
    expect(cellTexts(root, 0).slice(0, 3)).toEqual(["0", "1", "2"]);
    expect(cellTexts(root, 1).slice(0, 3)).toEqual(["0", "0.5", "1"]);
    // The spacer is capped (browsers limit element heights) and the scroll is scaled.
    const content = root.querySelector<HTMLElement>(".sp-df-content");
    expect(parseFloat(content?.style.height ?? "0")).toBeLessThanOrEqual(MAX_SPACER + 100);
  });

  test("scrolling to the middle shows the rows there, still few in the DOM", () => {
    const store = new FakeStore();
    const root = mount(<Dataframe node={millionRows(store, true)} store={store} />);
    const grid = root.querySelector<HTMLElement>("[role=grid]");
    if (grid === null) throw new Error("no grid");
    const spacer = parseFloat(
      root.querySelector<HTMLElement>(".sp-df-content")?.style.height ?? "0",
    );
    act(() => {
      grid.scrollTop = spacer / 2;
      grid.dispatchEvent(new Event("scroll"));
    });
    const rows = root.querySelectorAll(".sp-df-rows .sp-df-row");
    expect(rows.length).toBeLessThan(40);
    const first = Number(cellTexts(root, 0)[0]);
    expect(first).toBeGreaterThan(490_000);
    expect(first).toBeLessThan(510_000);
    // Keyboard: End goes to the last rows.
    act(() => {
      grid.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    });
    const texts = cellTexts(root, 0);
    expect(texts).toContain(String(ROWS - 1));
  });

  test("draws headers and placeholders before data, then the rows as batches arrive", async () => {
    const store = new FakeStore();
    const node = millionRows(store, false);
    const root = mount(<Dataframe node={node} store={store} />);
    expect(
      [...root.querySelectorAll(".sp-df-head .sp-df-label")].map((e) => e.textContent),
    ).toEqual(["", "x"]);
    expect(root.querySelectorAll(".sp-df-rows .sp-df-placeholder").length).toBeGreaterThan(0);
    const values = Float64Array.from({ length: BATCH }, (_, i) => i * 0.5);
    await act(async () => {
      store.deliver("x0", { e: "<f8", b: bin(values, 1) });
      await Promise.resolve();
    });
    expect(root.querySelectorAll(".sp-df-rows .sp-df-placeholder").length).toBe(0);
    expect(cellTexts(root, 1)[1]).toBe("0.5");
  });

  test("clicking a header sorts asc, desc, then back to none", () => {
    const store = new FakeStore();
    store.payloads.set("v", { e: "<f8", b: bin(Float64Array.from([2, NaN, -1, 5])) });
    const node = makeNode("dataframe", {
      rows: 4,
      batch_rows: BATCH,
      index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
      columns: [{ name: "v", dtype: "float64", kind: "f", batches: ["v"] }],
      use_container_width: true,
    });
    const root = mount(<Dataframe node={node} store={store} />);
    const head = root.querySelectorAll<HTMLElement>(".sp-df-head")[1];
    if (head === undefined) throw new Error("no header");
    act(() => head.click());
    expect(cellTexts(root, 1)).toEqual(["-1", "2", "5", "None"]);
    expect(cellTexts(root, 0)).toEqual(["2", "0", "3", "1"]);
    expect(head.getAttribute("aria-sort")).toBe("ascending");
    act(() => head.click());
    expect(cellTexts(root, 1)).toEqual(["5", "2", "-1", "None"]);
    act(() => head.click());
    expect(cellTexts(root, 1)).toEqual(["2", "None", "-1", "5"]);
  });

  test("hide_index, column_order and column_config labels", () => {
    const store = new FakeStore();
    store.payloads.set("a", { v: ["x"] });
    store.payloads.set("b", { e: "<i8", b: bin(BigInt64Array.from([7n])) });
    const node = makeNode("dataframe", {
      rows: 1,
      batch_rows: BATCH,
      index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
      columns: [
        { name: "a", dtype: "object", kind: "O", batches: ["a"] },
        { name: "b", dtype: "int64", kind: "i", batches: ["b"] },
      ],
      hide_index: true,
      column_order: ["b", "a"],
      column_config: { a: { label: "Alpha" } },
      use_container_width: true,
    });
    const root = mount(<Dataframe node={node} store={store} />);
    expect(
      [...root.querySelectorAll(".sp-df-head .sp-df-label")].map((e) => e.textContent),
    ).toEqual(["b", "Alpha"]);
    expect(cellTexts(root, 0)).toEqual(["7"]);
  });

  test("st.table renders a static table", () => {
    const store = new FakeStore();
    store.payloads.set("a", { v: ["x", null] });
    const node = makeNode("dataframe", {
      table: true,
      rows: 2,
      batch_rows: BATCH,
      index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
      columns: [{ name: "a", dtype: "object", kind: "O", batches: ["a"] }],
      use_container_width: true,
    });
    const root = mount(<Dataframe node={node} store={store} />);
    expect(root.querySelectorAll("table tbody tr").length).toBe(2);
    expect(root.querySelector("tbody tr td")?.textContent).toBe("x");
    expect(root.querySelectorAll("tbody tr")[1]?.querySelector("td")?.textContent).toBe("None");
  });
});

describe("row and column windows", () => {
  test("unscaled: rows in view plus overscan", () => {
    const w = rowWindow(1000, 35, 3500, 350, 5);
    expect(w.ratio).toBe(1);
    expect(w.first).toBe(95);
    expect(w.last).toBe(115);
    expect(w.blockTop).toBe(95 * 35);
  });

  test("scaled: the last scroll position reaches the last row", () => {
    const rows = 10_000_000;
    const w = rowWindow(rows, 35, MAX_SPACER - 350, 350, 0);
    expect(w.spacer).toBe(MAX_SPACER);
    expect(w.last).toBe(rows);
  });

  test("columns outside the horizontal view are skipped", () => {
    const widths = Array.from({ length: 100 }, () => 100);
    const c = columnWindow(widths, 50, 2000, 500);
    expect(c.first).toBe(19);
    expect(c.last).toBeLessThanOrEqual(27);
    expect(c.skipped).toBe(1900);
  });
});
