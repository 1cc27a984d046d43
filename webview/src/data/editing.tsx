// The `data_editor` layer of the grid: which cells are editable and how, the edit state drawn
// over the sent data, the open cell editor, row checkboxes and the add / delete toolbar.
// grid.tsx asks it for each cell; every commit sends the whole edit state as one widget value.

import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ComponentChildren, JSX } from "preact";
import type { NodeOf, ViewerStore } from "../core/types";
import type { GridTableProps } from "./columns";
import { CellEditor, toInputText } from "./cellEditor";
import type { TableMeta } from "./columns";
import {
  addRow,
  deleteRows,
  editedValue,
  editorFor,
  editsToWire,
  editText,
  newRowDefaults,
  parseEdits,
  setCell,
  visibleRows,
  type EditorSpec,
  type EditState,
  type EditValue,
} from "./edits";
import type { GridColumn } from "./layout";
import { columnSettings } from "./columnConfig";

export interface ActiveCell {
  row: number;
  key: string;
  initial: string;
}

export interface Editing {
  state: EditState;
  /** Display position → row (original rows, then added rows at `rows + i`); null = identity. */
  order: Int32Array | null;
  count: number;
  canAdd: boolean;
  canDelete: boolean;
  picked: Set<number>;
  spec: (column: GridColumn) => EditorSpec | undefined;
  cell: (column: GridColumn, row: number, width: number, left?: number) => JSX.Element;
  toolbar: JSX.Element;
  selectCell: (row: number) => JSX.Element;
  onGridKey: (e: KeyboardEvent) => boolean;
}

function columnPosition(column: GridColumn, indexCount: number): number {
  if (column.index) return Number(column.key.slice("_index/".length));
  return indexCount + Number(column.key);
}

/** The column's name in the edit state: an index column is "_index" (Streamlit's name). */
function stateName(column: GridColumn): string {
  return column.index ? "_index" : column.reader.meta.name;
}

function editedContent(value: EditValue, spec: EditorSpec | undefined): JSX.Element | string {
  if (spec?.kind === "checkbox" || typeof value === "boolean") {
    const checked = value === true;
    return (
      <span
        class={checked ? "sp-df-check sp-df-checked" : "sp-df-check"}
        role="checkbox"
        aria-checked={checked}
        aria-label={checked ? "true" : "false"}
      />
    );
  }
  const text = editText(value);
  return text === null ? <span class="sp-df-null">None</span> : text;
}

/** The text an editor opens with: the cell's current value, plain (no thousands separators). */
function currentText(column: GridColumn, row: number, rows: number, state: EditState): string {
  const name = stateName(column);
  const edit = editedValue(state, rows, row, name);
  if (edit !== undefined) return editText(edit.value) ?? "";
  const v = column.reader.value(row);
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().replace("Z", "");
  return String(v);
}

export function useEditing(
  node: NodeOf<"dataframe" | "data_editor">,
  props: GridTableProps,
  table: TableMeta,
  store: ViewerStore,
  columns: GridColumn[],
  permutation: ArrayLike<number> | null,
  scroller: { current: HTMLDivElement | null },
): Editing | null {
  const editor = node.type === "data_editor" ? node : null;
  const mode = editor === null ? null : (props.editing_mode ?? null);
  const wire = editor === null ? null : store.widgetValue(editor);
  const state = useMemo(() => parseEdits(wire), [wire]);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const focusAfter = useRef<{ row: number; key: string } | null>(null);
  const rows = table.rows;
  const allDisabled = props.disabled === true;
  const indexCount = table.index.length;
  const specs = useMemo(() => {
    const out = new Map<string, EditorSpec | undefined>();
    for (const c of columns) {
      const entry = columnSettings(props, {
        name: c.reader.meta.name,
        position: columnPosition(c, indexCount),
        index: c.index,
        indexCount,
      });
      out.set(
        c.key,
        // A non-range index (sent `required`) takes values: new rows need one, as in Streamlit.
        c.index && (indexCount !== 1 || entry.required !== true)
          ? undefined
          : editorFor(entry, c.reader.meta.kind, c.dtype, allDisabled),
      );
    }
    return out;
  }, [columns, props, indexCount, allDisabled]);
  const order = useMemo(
    () => (mode === null ? null : visibleRows(rows, state, permutation)),
    [mode, rows, state, permutation],
  );
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (target === null || scroller.current === null) return;
    focusAfter.current = null;
    const el = scroller.current.querySelector<HTMLElement>(
      `[data-row="${target.row}"][data-col="${target.key}"]`,
    );
    (el ?? scroller.current).focus();
  });
  if (mode === null || editor === null) return null;

  const canAdd = !allDisabled && (mode === "dynamic" || mode === "add");
  const canDelete = !allDisabled && (mode === "dynamic" || mode === "delete");
  const count = order?.length ?? rows + state.added_rows.length;
  const send = (next: EditState): void =>
    store.setWidgetValue(editor, editsToWire(next), { send: props.ignore_rerun !== true });
  const editable = columns.filter((c) => specs.get(c.key) !== undefined);
  const displayOf = (row: number): number => {
    if (order === null) return row;
    for (let i = 0; i < order.length; i++) if (order[i] === row) return i;
    return -1;
  };
  const rowAtDisplay = (i: number): number | undefined =>
    order === null ? (i < count ? i : undefined) : order[i];

  const commit = (
    column: GridColumn,
    row: number,
    value: EditValue,
    move: "down" | "right" | "left" | "none",
  ): void => {
    setActive(null);
    send(setCell(state, rows, row, stateName(column), value));
    let target = { row, key: column.key };
    if (move === "down") {
      const next = rowAtDisplay(displayOf(row) + 1);
      if (next !== undefined) target = { row: next, key: column.key };
    } else if (move !== "none") {
      const at = editable.findIndex((c) => c.key === column.key);
      const next = editable[at + (move === "right" ? 1 : -1)];
      if (next !== undefined) target = { row, key: next.key };
    }
    focusAfter.current = target;
  };

  const cell = (column: GridColumn, row: number, width: number, left?: number): JSX.Element => {
    const name = stateName(column);
    const spec = specs.get(column.key);
    const added = row >= rows;
    const edit = editedValue(state, rows, row, name);
    const style: JSX.CSSProperties = { width: `${width}px` };
    if (left !== undefined) style.left = `${left}px`;
    const r = column.renderer;
    const cls =
      "sp-df-cell" +
      (r.numeric ? " sp-df-num" : "") +
      ` sp-df-al-${r.align}` +
      (column.pinned ? " sp-df-pinned" : "") +
      (column.index ? "" : " sp-df-data") +
      (spec !== undefined ? " sp-de-editable" : "") +
      (edit !== undefined && !added ? " sp-de-edited" : "") +
      (added ? " sp-de-added" : "");
    const isActive = active !== null && active.row === row && active.key === column.key;
    const start = (initial: string): void => setActive({ row, key: column.key, initial });
    const toggle = (): void => {
      const current = currentText(column, row, rows, state);
      commit(column, row, !(current === "true" || current === "1"), "none");
    };
    let content: ComponentChildren;
    if (isActive && spec !== undefined) {
      content = (
        <CellEditor
          spec={spec}
          label={`${column.label}, row ${row + 1}`}
          initial={toInputText(spec, active.initial)}
          onCommit={(value, move) => commit(column, row, value, move)}
          onCancel={() => {
            setActive(null);
            focusAfter.current = { row, key: column.key };
          }}
        />
      );
    } else if (edit !== undefined) {
      content = column.index && spec === undefined ? "" : editedContent(edit.value, spec);
    } else if (added) {
      content = "";
    } else {
      const drawn = r.render(row);
      content =
        drawn === undefined ? (
          <span class="sp-df-placeholder" />
        ) : drawn === null ? (
          <span class="sp-df-null">None</span>
        ) : (
          drawn
        );
    }
    const onKeyDown =
      spec === undefined || isActive
        ? undefined
        : (e: KeyboardEvent): void => {
            if (e.target !== e.currentTarget) return;
            if (spec.kind === "checkbox" && (e.key === " " || e.key === "Enter")) {
              e.preventDefault();
              toggle();
            } else if (e.key === "Enter" || e.key === "F2") {
              e.preventDefault();
              start(currentText(column, row, rows, state));
            } else if (
              e.key.length === 1 &&
              !e.ctrlKey &&
              !e.metaKey &&
              !e.altKey &&
              spec.kind !== "select"
            ) {
              e.preventDefault();
              start(e.key);
            }
          };
    return (
      <div
        key={column.key}
        class={isActive ? cls + " sp-de-active" : cls}
        role={column.index ? "rowheader" : "gridcell"}
        aria-readonly={column.index ? undefined : spec === undefined}
        tabIndex={spec === undefined ? undefined : 0}
        data-row={row}
        data-col={column.key}
        style={style}
        title={edit !== undefined && !added ? "Edited" : undefined}
        onDblClick={
          spec === undefined || spec.kind === "checkbox" || isActive
            ? undefined
            : () => start(currentText(column, row, rows, state))
        }
        onClick={spec?.kind === "checkbox" && !isActive ? toggle : undefined}
        onKeyDown={onKeyDown}
      >
        {content}
      </div>
    );
  };

  const removePicked = (): void => {
    if (picked.size === 0) return;
    send(deleteRows(state, rows, [...picked]));
    setPicked(new Set());
  };
  const toolbar = (
    <div class="sp-df-selbar sp-de-bar">
      {canAdd && (
        <button
          type="button"
          class="sp-de-add"
          onClick={() => {
            const defaults = newRowDefaults(
              columns
                .filter((c) => !c.index)
                .map((c) => ({
                  name: c.reader.meta.name,
                  spec: specs.get(c.key),
                  entry: columnSettings(props, {
                    name: c.reader.meta.name,
                    position: columnPosition(c, indexCount),
                    index: false,
                    indexCount,
                  }),
                })),
            );
            send(addRow(state, defaults));
          }}
        >
          + Add row
        </button>
      )}
      {canDelete && (
        <button
          type="button"
          class="sp-de-delete"
          disabled={picked.size === 0}
          onClick={removePicked}
        >
          {picked.size === 0
            ? "Delete rows"
            : `Delete ${picked.size} row${picked.size === 1 ? "" : "s"}`}
        </button>
      )}
    </div>
  );
  const selectCell = (row: number): JSX.Element => (
    <div
      class="sp-df-cell sp-df-pinned sp-df-select"
      role="gridcell"
      style={{ width: "36px", left: "0px" }}
    >
      <input
        type="checkbox"
        checked={picked.has(row)}
        aria-label={`Select row ${row + 1} for deletion`}
        onClick={() => {
          const next = new Set(picked);
          if (next.has(row)) next.delete(row);
          else next.add(row);
          setPicked(next);
        }}
      />
    </div>
  );
  const onGridKey = (e: KeyboardEvent): boolean => {
    if ((e.key === "Delete" || e.key === "Backspace") && canDelete && picked.size > 0) {
      e.preventDefault();
      removePicked();
      return true;
    }
    return false;
  };
  return {
    state,
    order,
    count,
    canAdd,
    canDelete,
    picked,
    spec: (c) => specs.get(c.key),
    cell,
    toolbar,
    selectCell,
    onGridKey,
  };
}
