// st.grid in the viewer: the column count as Streamlit 1.67 counts it, one cell per child (an
// st.empty keeps its cell), grid.cell()'s spans clamped to the columns shown.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, test } from "vitest";
import { columnCount, cellPlacement, templateColumns } from "../../webview/src/blocks/grid";
import { NodeView } from "../../webview/src/core/Node";
import "../../webview/src/elements/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

describe("column count", () => {
  const base = { minColumnWidth: 200, columnGap: 16, wrap: true };
  test("as many as fit, at most the declared count or 24, at least one", () => {
    // st.grid(4) on the centered layout (704px): three columns, as in Streamlit.
    expect(columnCount({ ...base, width: 704, columns: 4 })).toBe(3);
    expect(columnCount({ ...base, width: 1400, columns: 4 })).toBe(4);
    expect(columnCount({ ...base, width: 100, columns: 4 })).toBe(1);
    expect(columnCount({ ...base, width: 10_000, columns: undefined })).toBe(24);
    expect(columnCount({ ...base, width: 704, columns: undefined })).toBe(3);
  });

  test("without wrap always the declared count, at least the smallest width each", () => {
    expect(columnCount({ ...base, wrap: false, width: 300, columns: 3 })).toBe(3);
    expect(templateColumns(3, 200, false)).toBe("repeat(3, minmax(200px, 1fr))");
    expect(templateColumns(2, 200, true)).toBe("repeat(2, minmax(0, 1fr))");
  });

  test("not measured yet: the declared count, or one", () => {
    expect(columnCount({ ...base, width: 0, columns: 4 })).toBe(4);
    expect(columnCount({ ...base, width: 0, columns: undefined })).toBe(1);
  });

  test("a span never asks for more columns than are shown", () => {
    expect(cellPlacement({ column_span: 4, row_span: 2 }, 3)).toEqual({
      gridColumn: "span 3",
      gridRow: "span 2",
    });
    expect(cellPlacement({ column_span: "all" }, 3)).toEqual({ gridColumn: "1 / -1" });
    expect(cellPlacement({}, 3)).toEqual({});
  });
});

describe("the grid block", () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
  });

  test("one cell per child, an empty placeholder included; cells take the grid's look", () => {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "grid", {
      columns: 3,
      border: true,
      vertical_alignment: "center",
      column_gap: "large",
      row_height: 90,
      key: "cards",
    });
    upsert(store, 1, ["main", 0, 0], "markdown", { body: "one", style: "markdown" });
    upsert(store, 1, ["main", 0, 1], "empty", {});
    upsert(store, 1, ["main", 0, 2], "grid_cell", { column_span: 5 });
    upsert(store, 1, ["main", 0, 2, 0], "markdown", { body: "wide", style: "markdown" });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));

    const grid = root.querySelector<HTMLElement>(".st-key-cards .sp-grid")!;
    expect(grid.dataset.columns).toBe("3");
    expect(grid.style.gridTemplateColumns).toBe("repeat(3, minmax(0, 1fr))");
    expect(grid.style.gap).toBe("1rem 4rem");
    expect(grid.style.gridAutoRows).toBe("90px");
    const cells = [...grid.querySelectorAll<HTMLElement>(":scope > .sp-grid-cell")];
    expect(cells).toHaveLength(3);
    expect(cells.every((c) => c.classList.contains("sp-grid-cell-bordered"))).toBe(true);
    expect(cells[0]!.style.justifyContent).toBe("center");
    expect(cells[1]!.textContent).toBe("");
    expect(cells[2]!.style.gridColumn).toBe("span 3");
    expect(cells[2]!.querySelector(".sp-grid-stack")?.textContent).toContain("wide");

    // A rerun fills the placeholder and narrows the span: the same cells, updated.
    act(() => {
      runStart(store, 2);
      upsert(store, 2, ["main", 0, 1], "markdown", { body: "filled", style: "markdown" });
      upsert(store, 2, ["main", 0, 2], "grid_cell", { column_span: 2 });
    });
    expect(cells[1]!.textContent).toContain("filled");
    expect(cells[2]!.style.gridColumn).toBe("span 2");
  });
});
