// `st.table`: a plain, static HTML table of every row (no scrolling, sorting or resizing).

import type { JSX } from "preact";
import type { Props, ViewerStore } from "../core/types";
import type { TableMeta } from "./columns";
import { gridColumns } from "./layout";

/** Beyond this many rows the DOM gets slow; st.table is meant for small tables anyway. */
const MAX_STATIC_ROWS = 10_000;

interface StaticTableProps {
  props: Props;
  table: TableMeta;
  store: ViewerStore;
  tick: number;
}

export function StaticTable({ props, table, store, tick }: StaticTableProps): JSX.Element {
  const columns = gridColumns(props, table, (h) => store.getPayload(h));
  const shown = Math.min(table.rows, MAX_STATIC_ROWS);
  const border =
    props.border === false ? "none" : props.border === "horizontal" ? "horizontal" : "all";
  const body: JSX.Element[] = [];
  for (let r = 0; r < shown; r++) {
    body.push(
      <tr key={r}>
        {columns.map((c) => {
          const text = c.reader.text(r);
          const cls =
            (c.reader.numeric ? "sp-df-num" : "") + (text === undefined ? " sp-df-pending" : "");
          const content =
            text === undefined ? (
              <span class="sp-df-placeholder" />
            ) : text === null ? (
              <span class="sp-df-null">None</span>
            ) : (
              text
            );
          return c.pinned ? (
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
                <th key={c.key} scope="col" class={c.reader.numeric ? "sp-df-num" : ""}>
                  {c.pinned && c.label === "" ? "" : c.label}
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
