// Chart datasets (docs/protocol.md, "Chart datasets"): tables sent as dataframe columns, rebuilt
// into the row objects Vega-Lite expects and put back into the spec as `datasets`.

import type { Table } from "../core/types";
import { decodeCached, tableHashes, type TableMeta } from "./columns";
import { batchValue, type CellValue, type PayloadSource } from "./reader";

export type Row = Record<string, CellValue>;

/** Every dataset's table, by name. */
export function parseDatasets(datasets: Record<string, Table>): Map<string, TableMeta> {
  return new Map(Object.entries(datasets));
}

export function datasetHashes(tables: Map<string, TableMeta>): string[] {
  return [...tables.values()].flatMap(tableHashes);
}

/** A table as row objects, or undefined while any of its batches is missing. */
export function datasetRows(table: TableMeta, source: PayloadSource): Row[] | undefined {
  const n = table.rows;
  const rows: Row[] = Array.from({ length: n }, () => ({}));
  for (const column of table.columns) {
    const name = column.name;
    if (column.kind === "r") {
      const start = column.start ?? 0;
      const step = column.step ?? 1;
      rows.forEach((row, i) => (row[name] = start + i * step));
      continue;
    }
    let offset = 0;
    for (const hash of column.batches) {
      const batch = decodeCached(source(hash), column.kind);
      if (batch === undefined) return undefined;
      const count = Math.min(batch.values.length, n - offset);
      const asDate = column.kind === "M";
      for (let i = 0; i < count; i++) {
        const row = rows[offset + i];
        if (row !== undefined) row[name] = batchValue(batch, i, asDate);
      }
      offset += count;
    }
  }
  return rows;
}

/** The spec with each dataset's rows under `datasets` (geo datasets already there are kept). */
export function specWithData(
  spec: Record<string, unknown>,
  data: Record<string, Row[]>,
): Record<string, unknown> {
  const inline =
    typeof spec.datasets === "object" && spec.datasets !== null
      ? (spec.datasets as Record<string, unknown>)
      : {};
  return { ...spec, datasets: { ...inline, ...data } };
}

/** All datasets' rows, or undefined until every batch of every dataset has arrived. */
export function allDatasetRows(
  tables: Map<string, TableMeta>,
  source: PayloadSource,
): Record<string, Row[]> | undefined {
  const out: Record<string, Row[]> = {};
  for (const [name, table] of tables) {
    const rows = datasetRows(table, source);
    if (rows === undefined) return undefined;
    out[name] = rows;
  }
  return out;
}
