// The `dataframe` element: a virtualized grid. Only the rows (and columns) in view are in the DOM;
// a spacer gives the scrollbar the frame's full height, so a million rows scroll like ten.
// Columns sort by a permutation (sort.ts) and resize by dragging a header's right edge.

import { useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps, Props, ViewerStore } from "../core/types";
import { parseTable, tableHashes, type TableMeta } from "./columns";
import { useElementWidth, useNodeProps, usePayloads } from "./hooks";
import { columnWindow, gridColumns, rowWindow, type GridColumn } from "./layout";
import { columnSortKeys, sortPermutation, type SortDirection } from "./sort";
import { StaticTable } from "./table";

export const ROW_HEIGHT = 35;
const HEADER_HEIGHT = 35;
const AUTO_ROWS = 10;
const MIN_COLUMN_WIDTH = 40;

interface SortState {
  key: string;
  dir: SortDirection;
}

/** The grid's outer height in pixels, or "stretch" to fill its parent. */
function gridHeight(
  props: Props,
  rows: number,
  rowHeight: number,
  hideHeader: boolean,
): number | "stretch" {
  const header = hideHeader ? 0 : HEADER_HEIGHT;
  const content = header + Math.max(rows, 1) * rowHeight + 2;
  const h = props.height;
  if (typeof h === "number" && h > 0) return h;
  if (h === "stretch") return "stretch";
  if (h === "content") return Math.min(content, 8_000_000);
  return Math.min(content, header + AUTO_ROWS * rowHeight + 2);
}

/** Cell classes: alignment from the column's renderer, a placeholder while data is coming. */
function cellClass(column: GridColumn, pending: boolean): string {
  const r = column.renderer;
  return (
    "sp-df-cell" +
    (r.numeric ? " sp-df-num" : "") +
    ` sp-df-al-${r.align}` +
    (column.pinned ? " sp-df-pinned" : "") +
    (column.index ? "" : " sp-df-data") +
    (pending ? " sp-df-pending" : "")
  );
}

function Cell({
  column,
  row,
  width,
  left,
}: {
  column: GridColumn;
  row: number;
  width: number;
  left?: number;
}): JSX.Element {
  const content = column.renderer.render(row);
  const style: JSX.CSSProperties = { width: `${width}px` };
  if (left !== undefined) style.left = `${left}px`;
  return (
    <div
      class={cellClass(column, content === undefined)}
      role={column.index ? "rowheader" : "gridcell"}
      style={style}
    >
      {content === undefined ? (
        <span class="sp-df-placeholder" />
      ) : content === null ? (
        <span class="sp-df-null">None</span>
      ) : (
        content
      )}
    </div>
  );
}

interface HeaderCellProps {
  column: GridColumn;
  width: number;
  left?: number;
  sort: SortDirection | undefined;
  waiting: boolean;
  onSort: () => void;
  onResize: (width: number) => void;
}

function HeaderCell({
  column,
  width,
  left,
  sort,
  waiting,
  onSort,
  onResize,
}: HeaderCellProps): JSX.Element {
  const startResize = (e: PointerEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget as HTMLElement;
    const startX = e.clientX;
    const move = (ev: PointerEvent): void =>
      onResize(Math.max(MIN_COLUMN_WIDTH, width + ev.clientX - startX));
    const up = (): void => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      handle.removeEventListener("pointercancel", up);
    };
    handle.setPointerCapture?.(e.pointerId);
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
    handle.addEventListener("pointercancel", up);
  };
  const style: JSX.CSSProperties = { width: `${width}px` };
  if (left !== undefined) style.left = `${left}px`;
  const ariaSort = sort === "asc" ? "ascending" : sort === "desc" ? "descending" : "none";
  return (
    <div
      class={
        "sp-df-head" +
        (column.renderer.align === "right" ? " sp-df-num" : "") +
        (column.renderer.align === "center" ? " sp-df-al-center" : "") +
        (column.pinned ? " sp-df-pinned" : "") +
        (column.help !== undefined ? " sp-df-has-help" : "")
      }
      role="columnheader"
      aria-sort={ariaSort}
      title={column.help ?? `${column.label} (${column.dtype})`}
      style={style}
      onClick={onSort}
    >
      <span class="sp-df-label">{column.label}</span>
      {column.reader.meta.kind !== "r" && <span class="sp-df-dtype">{column.dtype}</span>}
      {sort !== undefined && (
        <span class="sp-df-sort" aria-hidden="true">
          {waiting ? "…" : sort === "asc" ? "↑" : "↓"}
        </span>
      )}
      <span
        class="sp-df-resize"
        aria-hidden="true"
        onPointerDown={startResize}
        onClick={(e) => e.stopPropagation()}
      />
    </div>
  );
}

function nextSort(current: SortState | null, key: string): SortState | null {
  if (current === null || current.key !== key) return { key, dir: "asc" };
  return current.dir === "asc" ? { key, dir: "desc" } : null;
}

interface GridProps {
  props: Props;
  table: TableMeta;
  store: ViewerStore;
  tick: number;
}

function Grid({ props, table, store, tick }: GridProps): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [sort, setSort] = useState<SortState | null>(null);
  const [resized, setResized] = useState<Record<string, number>>({});
  const containerWidth = useElementWidth(scroller);
  const rowHeight =
    typeof props.row_height === "number" && props.row_height > 0 ? props.row_height : ROW_HEIGHT;

  const columns = useMemo(
    () => gridColumns(props, table, (h) => store.getPayload(h)),
    [props, table, store],
  );
  const sortColumn = sort === null ? undefined : columns.find((c) => c.key === sort.key);
  // Recomputed when the sorted column's data completes (`tick`), not on every scroll.
  const sortReady = sortColumn?.reader.complete() ?? false;
  const permutation = useMemo(() => {
    if (sort === null || sortColumn === undefined || !sortReady) return null;
    const keys = columnSortKeys(sortColumn.reader);
    return keys === undefined ? null : sortPermutation(keys, sort.dir);
  }, [sort, sortColumn, sortReady]);

  let widths = columns.map((c) => resized[c.key] ?? c.width);
  const stretch = props.use_container_width === true || props.width === "stretch";
  const natural = widths.reduce((a, b) => a + b, 0);
  const dataCount = columns.filter((c) => !c.pinned).length;
  if (stretch && containerWidth > natural + 2 && dataCount > 0) {
    // Share the spare width among data columns, as a stretched table fills its container.
    const extra = (containerWidth - 2 - natural) / dataCount;
    widths = widths.map((w, i) => (columns[i]?.pinned === true ? w : w + extra));
  }
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const sized = columns.map((c, i) => ({ c, w: widths[i] ?? c.width }));
  const pinned = sized.filter((x) => x.c.pinned);
  const free = sized.filter((x) => !x.c.pinned);
  const pinnedLefts: number[] = [];
  let pinnedWidth = 0;
  for (const p of pinned) {
    pinnedLefts.push(pinnedWidth);
    pinnedWidth += p.w;
  }

  const hideHeader = props.hide_header === true;
  const header = hideHeader ? 0 : HEADER_HEIGHT;
  const height = gridHeight(props, table.rows, rowHeight, hideHeader);
  const viewportHeight =
    (typeof height === "number" ? height : (scroller.current?.clientHeight ?? 400)) - header - 2;
  const win = rowWindow(table.rows, rowHeight, scroll.top, Math.max(viewportHeight, rowHeight));
  const cols = columnWindow(
    free.map((f) => f.w),
    pinnedWidth,
    scroll.left,
    containerWidth,
  );
  const shown = free.slice(cols.first, cols.last);

  const onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLDivElement;
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const el = scroller.current;
    if (el === null) return;
    // Keys move in virtual pixels; a scaled body moves `1 / ratio` real pixels per virtual one.
    const step = rowHeight / win.ratio;
    const page = Math.max(step, (viewportHeight - rowHeight) / win.ratio);
    const moves: Record<string, () => void> = {
      ArrowDown: () => (el.scrollTop += step),
      ArrowUp: () => (el.scrollTop -= step),
      PageDown: () => (el.scrollTop += page),
      PageUp: () => (el.scrollTop -= page),
      Home: () => (el.scrollTop = 0),
      End: () => (el.scrollTop = header + win.spacer),
      ArrowRight: () => (el.scrollLeft += 40),
      ArrowLeft: () => (el.scrollLeft -= 40),
    };
    const move = moves[e.key];
    if (move === undefined) return;
    e.preventDefault();
    move();
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  };

  const rows: JSX.Element[] = [];
  for (let r = win.first; r < win.last; r++) {
    const row = permutation === null ? r : (permutation[r] ?? r);
    rows.push(
      // Keyed by slot, so scrolling reuses the same DOM rows and only their text changes.
      <div
        class="sp-df-row"
        role="row"
        aria-rowindex={r + 2}
        key={r % 512}
        style={{ height: `${rowHeight}px`, width: `${totalWidth}px` }}
      >
        {pinned.map((p, i) => (
          <Cell key={p.c.key} column={p.c} row={row} width={p.w} left={pinnedLefts[i]} />
        ))}
        {cols.skipped > 0 && <div class="sp-df-gap" style={{ width: `${cols.skipped}px` }} />}
        {shown.map((s) => (
          <Cell key={s.c.key} column={s.c} row={row} width={s.w} />
        ))}
      </div>,
    );
  }

  const headerCell = (c: GridColumn, w: number, left?: number): JSX.Element => (
    <HeaderCell
      key={c.key}
      column={c}
      width={w}
      left={left}
      sort={sort?.key === c.key ? sort.dir : undefined}
      waiting={sort?.key === c.key && permutation === null}
      onSort={() => setSort(nextSort(sort, c.key))}
      onResize={(width) => setResized((old) => ({ ...old, [c.key]: width }))}
    />
  );

  const outer: JSX.CSSProperties = {};
  if (height === "stretch") outer.height = "100%";
  else outer.height = `${height}px`;
  if (typeof props.width === "number") outer.width = `${props.width}px`;
  else if (!stretch) outer.width = `min(100%, ${totalWidth + 2}px)`;

  return (
    <div
      class="sp-df"
      ref={scroller}
      role="grid"
      tabIndex={0}
      aria-rowcount={table.rows + 1}
      aria-colcount={columns.length}
      data-tick={tick}
      style={outer}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div
        class="sp-df-content"
        style={{ height: `${header + win.spacer}px`, width: `${totalWidth}px` }}
      >
        {!hideHeader && (
          <div
            class="sp-df-header"
            role="row"
            aria-rowindex={1}
            style={{ height: `${HEADER_HEIGHT}px`, width: `${totalWidth}px` }}
          >
            {pinned.map((p, i) => headerCell(p.c, p.w, pinnedLefts[i]))}
            {cols.skipped > 0 && <div class="sp-df-gap" style={{ width: `${cols.skipped}px` }} />}
            {shown.map((s) => headerCell(s.c, s.w))}
          </div>
        )}
        <div class="sp-df-rows" style={{ transform: `translateY(${header + win.blockTop}px)` }}>
          {rows}
        </div>
        {table.rows === 0 && (
          <div class="sp-df-empty" style={{ top: `${header}px` }}>
            {typeof props.placeholder === "string" ? props.placeholder : "empty"}
          </div>
        )}
      </div>
    </div>
  );
}

/** `dataframe` (and `st.table` when `table: true`). */
export function Dataframe({ node, store }: ElementProps): JSX.Element {
  const props = useNodeProps(node, store);
  const table = useMemo(() => parseTable(props), [props]);
  const hashes = useMemo(() => tableHashes(table), [table]);
  const tick = usePayloads(store, hashes);
  if (props.table === true)
    return <StaticTable props={props} table={table} store={store} tick={tick} />;
  return <Grid props={props} table={table} store={store} tick={tick} />;
}
