// `st.table`: a plain, static HTML table of every row (no scrolling, sorting or resizing). Cells
// are plain text unless `column_config` gives a column a type (cells.tsx draws it then).

import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { DataframeProps, ViewerStore } from "../core/types";
import { gridColumns } from "./layout";

/** Beyond this many rows the DOM gets slow; st.table is meant for small tables anyway. */
const MAX_STATIC_ROWS = 10_000;

interface StaticTableProps {
  /** `st.table`'s props: the table itself and how to draw it. */
  props: DataframeProps;
  store: ViewerStore;
  tick: number;
}

export function StaticTable({ props, store, tick }: StaticTableProps): JSX.Element {
  const table = props;
  const columns = useMemo(
    () => gridColumns(props, table, (h) => store.getPayload(h), "table"),
    [props, table, store],
  );
  const shown = Math.min(table.rows, MAX_STATIC_ROWS);
  const border = props.border === false ? "none" : (props.border ?? "all");
  const body: JSX.Element[] = [];
  for (let r = 0; r < shown; r++) {
    body.push(
      <tr key={r}>
        {columns.map((c) => {
          const value = c.renderer.render(r);
          const cls =
            (c.renderer.numeric ? "sp-df-num " : "") +
            `sp-df-al-${c.renderer.align}` +
            (value === undefined ? " sp-df-pending" : "");
          const content =
            value === undefined ? (
              <span class="sp-df-placeholder" />
            ) : value === null ? (
              <span class="sp-df-null">None</span>
            ) : (
              value
            );
          return c.index ? (
            <th key={c.key} scope="row" class={cls}>
              {content}
            </th>
          ) : (
            <td key={c.key} class={cls}>
              {content}
            </td>
          );
        })}
      </tr>,
    );
  }
  const style: JSX.CSSProperties = {};
  if (typeof props.width === "number") style.width = `${props.width}px`;
  else if (props.width === "content") style.width = "auto";
  const wrapStyle: JSX.CSSProperties =
    typeof props.height === "number" ? { maxHeight: `${props.height}px`, overflow: "auto" } : {};
  return (
    <div class="sp-table-wrap" style={wrapStyle} data-tick={tick}>
      <table class={`sp-table sp-table-border-${border}`} style={style}>
        {props.hide_header !== true && (
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" class={`sp-df-al-${c.renderer.align}`} title={c.help}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body}
          {table.rows === 0 && (
            <tr>
              <td class="sp-df-null" colSpan={Math.max(1, columns.length)}>
                empty
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {table.rows > shown && (
        <div class="sp-table-more">{`… ${table.rows - shown} more rows (use st.dataframe for large tables)`}</div>
      )}
    </div>
  );
}
