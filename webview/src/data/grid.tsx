// The `dataframe` element: a virtualized grid. Only the rows (and columns) in view are in the DOM;
// a spacer gives the scrollbar the frame's full height, so a million rows scroll like ten.
// Columns sort by a permutation (sort.ts) and resize by dragging a header's right edge.

import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps, NodeOf, ViewerStore } from "../core/types";
import { tableHashes, type GridTableProps, type TableMeta } from "./columns";
import { useElementWidth, usePayloads } from "./hooks";
import "./interaction.css";
import { useEditing } from "./editing";
import { columnWindow, gridColumns, rowWindow, type GridColumn, type GridEvents } from "./layout";
import { MarkdownOverlay, type MarkdownPopup } from "./markdownOverlay";
import {
  cellKey,
  cleared,
  EMPTY,
  extendOf,
  isEmpty,
  parseModes,
  parseSelection,
  pressCell,
  pressColumn,
  pressRow,
  toWire,
  type Selection,
} from "./selection";
import { columnSortKeys, sortPermutation, type SortDirection } from "./sort";
import { StaticTable } from "./table";

export const ROW_HEIGHT = 35;
const HEADER_HEIGHT = 35;
const AUTO_ROWS = 10;
const MIN_COLUMN_WIDTH = 40;
/** The row checkboxes' column, when rows can be selected. */
const SELECT_WIDTH = 36;

interface SortState {
  key: string;
  dir: SortDirection;
}

/** The grid's outer height in pixels, or "stretch" to fill its parent. */
function gridHeight(
  props: GridTableProps,
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
  selected,
  onPress,
}: {
  column: GridColumn;
  row: number;
  width: number;
  left?: number;
  /** Part of the selection: a selected cell, in a selected column, or neither (undefined when
   * it cannot be selected). */
  selected?: "cell" | "column" | false;
  /** Selects the cell (cell selection modes): a click, or Enter / Space when focused. */
  onPress?: (e: MouseEvent | KeyboardEvent) => void;
}): JSX.Element {
  const content = column.renderer.render(row);
  const style: JSX.CSSProperties = { width: `${width}px` };
  if (left !== undefined) style.left = `${left}px`;
  return (
    <div
      class={
        cellClass(column, content === undefined) +
        (selected === "cell"
          ? " sp-df-selected"
          : selected === "column"
            ? " sp-df-col-selected"
            : "")
      }
      role={column.index ? "rowheader" : "gridcell"}
      aria-selected={selected === undefined ? undefined : selected !== false}
      tabIndex={onPress === undefined ? undefined : 0}
      onClick={onPress}
      onKeyDown={
        onPress === undefined
          ? undefined
          : (e) => {
              if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
              e.preventDefault();
              onPress(e);
            }
      }
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
  /** Column selection: whether this column is selected, and how a press selects it. */
  selected?: boolean;
  onSelect?: (e: MouseEvent | KeyboardEvent) => void;
}

function HeaderCell({
  column,
  width,
  left,
  sort,
  waiting,
  onSort,
  onResize,
  selected,
  onSelect,
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
        (column.help !== undefined ? " sp-df-has-help" : "") +
        (selected ? " sp-df-selected" : "")
      }
      role="columnheader"
      aria-sort={ariaSort}
      aria-selected={onSelect === undefined ? undefined : selected === true}
      title={column.help ?? `${column.label} (${column.dtype})`}
      style={style}
      tabIndex={onSelect === undefined ? undefined : 0}
      // With column selection a press selects the column; sorting moves to its own button.
      onClick={onSelect ?? onSort}
      onKeyDown={
        onSelect === undefined
          ? undefined
          : (e) => {
              if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
              e.preventDefault();
              onSelect(e);
            }
      }
    >
      <span class="sp-df-label">{column.label}</span>
      {column.reader.meta.kind !== "r" && <span class="sp-df-dtype">{column.dtype}</span>}
      {onSelect !== undefined ? (
        <button
          type="button"
          class="sp-df-sortbtn"
          aria-label={`Sort by ${column.label}`}
          onClick={(e) => {
            e.stopPropagation();
            onSort();
          }}
        >
          {sort === undefined ? "⇅" : waiting ? "…" : sort === "asc" ? "↑" : "↓"}
        </button>
      ) : (
        sort !== undefined && (
          <span class="sp-df-sort" aria-hidden="true">
            {waiting ? "…" : sort === "asc" ? "↑" : "↓"}
          </span>
        )
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
  node: NodeOf<"dataframe" | "data_editor">;
  props: GridTableProps;
  table: TableMeta;
  store: ViewerStore;
  tick: number;
}

function Grid({ node, props, table, store, tick }: GridProps): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [sort, setSort] = useState<SortState | null>(null);
  const [resized, setResized] = useState<Record<string, number>>({});
  const [popup, setPopup] = useState<MarkdownPopup | null>(null);
  const closePopup = useCallback(() => setPopup(null), []);
  const containerWidth = useElementWidth(scroller);
  const rowHeight = props.row_height ?? ROW_HEIGHT;

  const disabled = props.disabled === true;
  const events = useMemo(
    (): GridEvents => ({
      // A click is a trigger of the button column's own widget (docs/protocol.md, `buttons`).
      click: (id, row, label) => store.sendTrigger?.(id, { row, label }),
      disabled,
      openMarkdown: (text, anchor) => setPopup({ text, anchor }),
    }),
    [store, disabled],
  );
  const columns = useMemo(
    () => gridColumns(props, table, (h) => store.getPayload(h), "grid", events),
    [props, table, store, events],
  );
  const sortColumn = sort === null ? undefined : columns.find((c) => c.key === sort.key);
  // Recomputed when the sorted column's data completes (`tick`), not on every scroll.
  const sortReady = sortColumn?.reader.complete() ?? false;
  const permutation = useMemo(() => {
    if (sort === null || sortColumn === undefined || !sortReady) return null;
    const keys = columnSortKeys(sortColumn.reader);
    return keys === undefined ? null : sortPermutation(keys, sort.dir);
  }, [sort, sortColumn, sortReady]);
  // `data_editor`: the edit state drawn over the data, added rows after it, deleted ones gone.
  const editing = useEditing(node, props, table, store, columns, permutation, scroller);
  const rowCount = editing?.count ?? table.rows;

  // ---- selection (docs/protocol.md, "Dataframe selections") ----
  const modes = useMemo(() => parseModes(props.selection_mode), [props.selection_mode]);
  // Only a dataframe selects (its value is the selection); a data_editor's value is its edits.
  const selectable = node.type === "dataframe" ? node : null;
  const selection: Selection =
    modes === null || selectable === null ? EMPTY : parseSelection(store.widgetValue(selectable));
  const selectedRows = new Set(selection.rows);
  const selectedColumns = new Set(selection.columns);
  const selectedCells = new Set(selection.cells.map(([r, c]) => cellKey(r, c)));
  // Display positions last pressed, for Shift ranges (rows, data columns, cells).
  const anchors = useRef<{
    row: number | null;
    column: number | null;
    cell: [number, number] | null;
  }>({ row: null, column: null, cell: null });
  const commit = (next: Selection): void => {
    if (selectable !== null) store.setWidgetValue(selectable, toWire(next));
  };
  const rowAt = (i: number): number =>
    editing !== null
      ? editing.order === null
        ? i
        : (editing.order[i] ?? i)
      : permutation === null
        ? i
        : (permutation[i] ?? i);
  const dataColumns = columns.filter((c) => !c.index);
  const columnAt = (i: number): string => dataColumns[i]?.reader.meta.name ?? "";
  const selectWidth = modes?.row || editing?.canDelete === true ? SELECT_WIDTH : 0;

  let widths = columns.map((c) => resized[c.key] ?? c.width);
  const stretch = props.use_container_width;
  const natural = widths.reduce((a, b) => a + b, 0);
  const dataCount = columns.filter((c) => !c.pinned).length;
  if (stretch && containerWidth > natural + selectWidth + 2 && dataCount > 0) {
    // Share the spare width among data columns, as a stretched table fills its container.
    const extra = (containerWidth - 2 - selectWidth - natural) / dataCount;
    widths = widths.map((w, i) => (columns[i]?.pinned === true ? w : w + extra));
  }

  const totalWidth = widths.reduce((a, b) => a + b, 0) + selectWidth;

  const sized = columns.map((c, i) => ({ c, w: widths[i] ?? c.width }));
  const pinned = sized.filter((x) => x.c.pinned);
  const free = sized.filter((x) => !x.c.pinned);
  const pinnedLefts: number[] = [];
  let pinnedWidth = selectWidth;
  for (const p of pinned) {
    pinnedLefts.push(pinnedWidth);
    pinnedWidth += p.w;
  }

  const hideHeader = props.hide_header === true;
  const header = hideHeader ? 0 : HEADER_HEIGHT;
  const height = gridHeight(props, rowCount, rowHeight, hideHeader);
  const viewportHeight =
    (typeof height === "number" ? height : (scroller.current?.clientHeight ?? 400)) - header - 2;
  const win = rowWindow(rowCount, rowHeight, scroll.top, Math.max(viewportHeight, rowHeight));
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
    // The popup is anchored to a cell that scrolling moves (or recycles for another row).
    if (popup !== null) setPopup(null);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const el = scroller.current;
    if (el === null || editing?.onGridKey(e) === true) return;
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
    if (e.key === "Escape" && modes !== null && !isEmpty(selection)) {
      e.preventDefault();
      commit(cleared(modes, table.rows));
      return;
    }
    const move = moves[e.key];
    if (move === undefined) return;
    e.preventDefault();
    move();
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  };

  const rowMode = modes?.row ?? null;
  const cellMode = modes?.cell ?? null;
  const columnMode = modes?.column ?? null;
  const dataIndex = new Map(dataColumns.map((c, i) => [c.key, i]));
  const cellFor = (c: GridColumn, w: number, r: number, row: number, left?: number) => {
    if (editing !== null) return editing.cell(c, row, w, left);
    const name = c.reader.meta.name;
    const d = dataIndex.get(c.key);
    const selectable = !c.index && (cellMode !== null || columnMode !== null);
    const selected = !selectable
      ? undefined
      : selectedCells.has(cellKey(row, name))
        ? "cell"
        : selectedColumns.has(name)
          ? "column"
          : false;
    const onPress =
      cellMode === null || d === undefined
        ? undefined
        : (e: MouseEvent | KeyboardEvent): void => {
            const extend = extendOf(e);
            commit(
              pressCell(selection, cellMode, r, d, rowAt, columnAt, extend, anchors.current.cell),
            );
            if (extend !== "range") anchors.current.cell = [r, d];
          };
    return (
      <Cell
        key={c.key}
        column={c}
        row={row}
        width={w}
        left={left}
        selected={selected}
        onPress={onPress}
      />
    );
  };
  const rows: JSX.Element[] = [];
  for (let r = win.first; r < win.last; r++) {
    const row = rowAt(r);
    const rowSelected = rowMode === null ? undefined : selectedRows.has(row);
    rows.push(
      // Keyed by slot, so scrolling reuses the same DOM rows and only their text changes.
      <div
        class={"sp-df-row" + (rowSelected ? " sp-df-row-selected" : "")}
        role="row"
        aria-rowindex={r + 2}
        aria-selected={rowSelected}
        key={r % 512}
        style={{ height: `${rowHeight}px`, width: `${totalWidth}px` }}
      >
        {editing?.canDelete === true && editing.selectCell(row)}
        {rowMode !== null && (
          <div
            class="sp-df-cell sp-df-pinned sp-df-select"
            role="gridcell"
            style={{ width: `${SELECT_WIDTH}px`, left: "0px" }}
          >
            <input
              type={rowMode === "multi" ? "checkbox" : "radio"}
              checked={rowSelected === true}
              aria-label={`Select row ${row}`}
              onClick={(e) => {
                e.preventDefault(); // the next frame draws the state
                const extend = extendOf(e);
                commit(pressRow(selection, rowMode, r, rowAt, extend, anchors.current.row));
                if (extend !== "range") anchors.current.row = r;
              }}
            />
          </div>
        )}
        {pinned.map((p, i) => cellFor(p.c, p.w, r, row, pinnedLefts[i]))}
        {cols.skipped > 0 && <div class="sp-df-gap" style={{ width: `${cols.skipped}px` }} />}
        {shown.map((x) => cellFor(x.c, x.w, r, row))}
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
      selected={columnMode !== null && !c.index && selectedColumns.has(c.reader.meta.name)}
      onSelect={
        columnMode === null || c.index
          ? undefined
          : (e) => {
              const d = dataIndex.get(c.key) ?? 0;
              const extend = extendOf(e);
              commit(
                pressColumn(selection, columnMode, d, columnAt, extend, anchors.current.column),
              );
              if (extend !== "range") anchors.current.column = d;
            }
      }
    />
  );
  const selectHeader =
    editing?.canDelete === true ? (
      <div
        class="sp-df-head sp-df-pinned sp-df-select"
        role="columnheader"
        aria-label="Row selection"
        style={{ width: `${SELECT_WIDTH}px`, left: "0px" }}
      />
    ) : rowMode === null ? null : (
      <div
        class="sp-df-head sp-df-pinned sp-df-select"
        role="columnheader"
        style={{ width: `${SELECT_WIDTH}px`, left: "0px" }}
      >
        {rowMode === "multi" && (
          <input
            type="checkbox"
            aria-label={selection.rows.length > 0 ? "Clear row selection" : "Select all rows"}
            checked={selection.rows.length > 0 && selection.rows.length === table.rows}
            ref={(el) => {
              if (el !== null)
                el.indeterminate = selection.rows.length > 0 && selection.rows.length < table.rows;
            }}
            onClick={(e) => {
              e.preventDefault();
              const all = Array.from({ length: table.rows }, (_, i) => i);
              commit({ ...selection, rows: selection.rows.length > 0 ? [] : all });
            }}
          />
        )}
      </div>
    );

  const outer: JSX.CSSProperties = {};
  if (height === "stretch") outer.height = "100%";
  else outer.height = `${height}px`;
  if (typeof props.width === "number") outer.width = `${props.width}px`;
  else if (!stretch) outer.width = `min(100%, ${totalWidth + 2}px)`;

  const grid = (
    <div
      class={
        "sp-df" + (modes === null ? "" : " sp-df-selectable") + (editing === null ? "" : " sp-de")
      }
      aria-label={props.alt}
      ref={scroller}
      role="grid"
      tabIndex={0}
      aria-rowcount={rowCount + 1}
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
            {selectHeader}
            {pinned.map((p, i) => headerCell(p.c, p.w, pinnedLefts[i]))}
            {cols.skipped > 0 && <div class="sp-df-gap" style={{ width: `${cols.skipped}px` }} />}
            {shown.map((s) => headerCell(s.c, s.w))}
          </div>
        )}
        <div class="sp-df-rows" style={{ transform: `translateY(${header + win.blockTop}px)` }}>
          {rows}
        </div>
        {rowCount === 0 && (
          <div class="sp-df-empty" style={{ top: `${header}px` }}>
            {props.placeholder ?? "empty"}
          </div>
        )}
      </div>
    </div>
  );
  const count = selection.rows.length + selection.columns.length + selection.cells.length;
  // Always a fragment, so opening the popup never remounts the grid (its scroll and focus).
  return (
    <>
      {modes !== null && (
        <div class="sp-df-selbar">
          <span class="sp-df-selcount" aria-live="polite">
            {selectionText(selection)}
          </span>
          <button
            type="button"
            class="sp-df-clear"
            disabled={count === 0}
            onClick={() => commit(cleared(modes, table.rows))}
          >
            Clear selection
          </button>
        </div>
      )}
      {editing !== null && (editing.canAdd || editing.canDelete) && editing.toolbar}
      {grid}
      {popup !== null && <MarkdownOverlay popup={popup} onClose={closePopup} />}
    </>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "2 rows, 1 column selected" (or nothing when the selection is empty). */
function selectionText(s: Selection): string {
  const parts: string[] = [];
  if (s.rows.length > 0) parts.push(plural(s.rows.length, "row"));
  if (s.columns.length > 0) parts.push(plural(s.columns.length, "column"));
  if (s.cells.length > 0) parts.push(plural(s.cells.length, "cell"));
  return parts.length === 0 ? "" : `${parts.join(", ")} selected`;
}

/** `dataframe` (and `st.table` when `table: true`). */
export function Dataframe({ node, store }: ElementProps<"dataframe" | "data_editor">): JSX.Element {
  const props = node.props;
  const hashes = useMemo(() => tableHashes(props), [props]);
  const tick = usePayloads(store, hashes);
  if ("table" in props && props.table === true)
    return <StaticTable props={props} store={store} tick={tick} />;
  return <Grid node={node} props={props} table={props} store={store} tick={tick} />;
}
