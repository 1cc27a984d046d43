// st.grid: a CSS grid whose children are its cells, and grid.cell(), a cell holding several
// elements or spanning tracks. The column count follows the grid's width as Streamlit 1.67
// counts it, so a span never asks for more columns than are shown.

import type { JSX } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Children, childrenOf, NodeView, useNode } from "../core/Node";
import type { ElementProps, GridCellProps, GridProps, TreeNode } from "../core/types";
import { registerElement } from "../core/types";
import { gapLength, keyClassName, scrollingStyle, widthStyle } from "./layout";

/** Streamlit's cap on an "auto" grid's columns, and its theme's smallest column (12.5rem). */
export const MAX_COLUMNS = 24;
const AUTO_MIN_COLUMN_REM = 12.5;

export interface ColumnCountInput {
  /** The grid's content width in pixels (0: not measured yet). */
  width: number;
  minColumnWidth: number;
  columnGap: number;
  /** The declared count; undefined: "auto". */
  columns: number | undefined;
  wrap: boolean;
}

/**
 * How many columns a grid shows: as many as fit at `minColumnWidth` with the gaps between them,
 * never more than declared (or 24), never fewer than one; without wrap always the declared count.
 */
export function columnCount({ width, minColumnWidth, columnGap, columns, wrap }: ColumnCountInput) {
  if (!wrap && columns !== undefined) return columns;
  const cap = columns ?? MAX_COLUMNS;
  if (width <= 0) return columns ?? 1;
  const fit = Math.floor((width + columnGap) / (minColumnWidth + columnGap));
  return Math.min(cap, Math.max(1, fit));
}

/** The grid's tracks: equal shares, or (without wrap) at least the smallest width each. */
export function templateColumns(count: number, minColumnWidth: number, wrap: boolean): string {
  return wrap
    ? `repeat(${count}, minmax(0, 1fr))`
    : `repeat(${count}, minmax(${minColumnWidth}px, 1fr))`;
}

/** Where a cell sits: its spans (a column span at most the columns shown). */
export function cellPlacement(props: GridCellProps | undefined, count: number): JSX.CSSProperties {
  const style: JSX.CSSProperties = {};
  const span = props?.column_span;
  if (span === "all") style.gridColumn = "1 / -1";
  else if (span !== undefined && span > 1) style.gridColumn = `span ${Math.min(span, count)}`;
  if (props?.row_span !== undefined && props.row_span > 1) style.gridRow = `span ${props.row_span}`;
  return style;
}

const JUSTIFY = { top: "flex-start", center: "center", bottom: "flex-end" } as const;

function remPixels(): number {
  const size = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/**
 * The grid's measured width and column gap in pixels, followed across resizes (`gap`: the
 * declared column gap, whose change is measured again).
 */
function useGridMetrics(
  port: { current: HTMLElement | null },
  grid: { current: HTMLElement | null },
  gap: GridProps["column_gap"],
) {
  const [metrics, setMetrics] = useState({ width: 0, columnGap: 0, rem: 16 });
  useLayoutEffect(() => {
    const el = port.current;
    if (el === null) return;
    const measure = () => {
      const inner = grid.current;
      const gap = inner ? parseFloat(getComputedStyle(inner).columnGap) : 0;
      const next = {
        width: el.clientWidth,
        columnGap: Number.isFinite(gap) ? gap : 0,
        rem: remPixels(),
      };
      setMetrics((old) =>
        Math.abs(old.width - next.width) < 0.5 &&
        old.columnGap === next.columnGap &&
        old.rem === next.rem
          ? old
          : next,
      );
    };
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // The gap is measured too: a rerun that changes it re-measures without a resize.
  }, [port, grid, gap]);
  return metrics;
}

function gridStyle(p: GridProps, count: number, minColumnWidth: number): JSX.CSSProperties {
  const wrap = p.wrap !== false;
  const rowGap = gapLength(p.row_gap === undefined ? "small" : p.row_gap);
  const columnGap = gapLength(p.column_gap === undefined ? "small" : p.column_gap);
  return {
    gridTemplateColumns: templateColumns(count, minColumnWidth, wrap),
    gap: `${rowGap} ${columnGap}`,
    gridAutoRows: p.row_height !== undefined ? `${p.row_height}px` : "auto",
    gridAutoFlow: p.dense ? "row dense" : undefined,
  };
}

function Cell({
  child,
  store,
  count,
  grid,
}: {
  child: TreeNode;
  store: ElementProps<"grid">["store"];
  count: number;
  grid: GridProps;
}) {
  // Its own subscription: a rerun that changes a cell's span re-renders the cell, not the grid.
  const node = useNode(store, child.key) ?? child;
  const placement =
    node.type === "grid_cell" ? cellPlacement(node.props as GridCellProps, count) : {};
  const cls = [
    "sp-grid-cell",
    grid.border && "sp-grid-cell-bordered",
    grid.row_height !== undefined && "sp-grid-cell-fixed",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      class={cls}
      data-testid="stGridCell"
      style={{ ...placement, justifyContent: JUSTIFY[grid.vertical_alignment ?? "top"] }}
    >
      <NodeView nodeKey={child.key} store={store} />
    </div>
  );
}

function Grid({ node, store }: ElementProps<"grid">) {
  const p = node.props;
  const port = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const { width, columnGap, rem } = useGridMetrics(port, inner, p.column_gap);
  const minColumnWidth = p.min_column_width ?? AUTO_MIN_COLUMN_REM * rem;
  const wrap = p.wrap !== false;
  const count = columnCount({ width, minColumnWidth, columnGap, columns: p.columns, wrap });
  const cls = ["sp-grid-port", keyClassName(p.key), !wrap && "sp-grid-scroll"]
    .filter(Boolean)
    .join(" ");
  return (
    <div ref={port} class={cls} style={{ ...scrollingStyle(p.height), ...widthStyle(p.width) }}>
      <div
        ref={inner}
        class="sp-grid"
        data-testid="stGrid"
        data-columns={count}
        style={gridStyle(p, count, minColumnWidth)}
      >
        {childrenOf(node).map((child) => (
          <Cell key={child.key} child={child} store={store} count={count} grid={p} />
        ))}
      </div>
    </div>
  );
}

function GridCell({ node, store }: ElementProps<"grid_cell">) {
  return (
    <div class="sp-grid-stack">
      <Children node={node} store={store} />
    </div>
  );
}

registerElement("grid", Grid);
registerElement("grid_cell", GridCell);
