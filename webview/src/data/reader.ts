// Row access to one column whose batches arrive over time: display text for the grid, typed
// values for charts. Batches are decoded on first use and looked up by row / batch_rows.

import { decodeCached, type ColumnMeta, type DecodedBatch } from "./columns";
import { formatDatetime, formatDuration, formatFloat, formatInteger, timeToMs } from "./format";

export type PayloadSource = (hash: string) => unknown;

/** A chart value: numbers, booleans, dates, strings; null for missing. */
export type CellValue = number | boolean | Date | string | null;

export class ColumnReader {
  private readonly decoded: (DecodedBatch | undefined)[];

  constructor(
    readonly meta: ColumnMeta,
    readonly rows: number,
    readonly batchRows: number,
    private readonly source: PayloadSource,
  ) {
    this.decoded = new Array<DecodedBatch | undefined>(meta.batches.length);
  }

  /** Numbers are right-aligned in the grid. */
  get numeric(): boolean {
    const k = this.meta.kind;
    return k === "f" || k === "i" || k === "u" || k === "r";
  }

  /** Batch `k` decoded, or undefined until its payload arrives. */
  batch(k: number): DecodedBatch | undefined {
    let b = this.decoded[k];
    if (b === undefined) {
      const hash = this.meta.batches[k];
      if (hash === undefined) return undefined;
      b = decodeCached(this.source(hash), this.meta.kind);
      this.decoded[k] = b;
    }
    return b;
  }

  /** Whether row `row`'s batch is here (a RangeIndex needs none). */
  has(row: number): boolean {
    return this.meta.kind === "r" || this.batch(Math.floor(row / this.batchRows)) !== undefined;
  }

  /** Whether every batch is here. */
  complete(): boolean {
    if (this.meta.kind === "r") return true;
    for (let k = 0; k < this.meta.batches.length; k++)
      if (this.batch(k) === undefined) return false;
    return true;
  }

  /** Display text; null when missing; undefined while the row's batch has not arrived. */
  text(row: number): string | null | undefined {
    const meta = this.meta;
    if (meta.kind === "r") return formatInteger((meta.start ?? 0) + row * (meta.step ?? 1));
    const b = this.batch(Math.floor(row / this.batchRows));
    if (b === undefined) return undefined;
    const i = row % this.batchRows;
    switch (b.t) {
      case "text":
        return b.values[i] ?? null;
      case "bool": {
        const v = b.values[i];
        return v === 2 || v === undefined ? null : v ? "true" : "false";
      }
      case "time": {
        const v = b.values[i];
        if (v === undefined) return null;
        return meta.kind === "m"
          ? formatDuration(v, b.unit)
          : formatDatetime(v, b.unit, meta.tz ?? b.tz);
      }
      case "num": {
        const v = b.values[i];
        if (v === undefined) return null;
        if (typeof v === "bigint") return formatInteger(v);
        if (Number.isNaN(v)) return null;
        // Nullable ints travel as float64 with NaN but are still integers.
        return meta.kind === "f"
          ? formatFloat(v)
          : Number.isInteger(v)
            ? formatInteger(v)
            : formatFloat(v);
      }
    }
  }

  /**
   * Row `row` as a number for column formats: booleans 0/1, datetimes and durations in
   * milliseconds, text parsed ("1,234.5" → 1234.5; NaN when it is not a number). Null when
   * missing; undefined while its batch has not arrived. No allocation per call.
   */
  number(row: number): number | null | undefined {
    const meta = this.meta;
    if (meta.kind === "r") return (meta.start ?? 0) + row * (meta.step ?? 1);
    const b = this.batch(Math.floor(row / this.batchRows));
    if (b === undefined) return undefined;
    const i = row % this.batchRows;
    switch (b.t) {
      case "num": {
        const v = b.values[i];
        if (v === undefined) return null;
        const n = typeof v === "bigint" ? Number(v) : v;
        return Number.isNaN(n) ? null : n;
      }
      case "bool": {
        const v = b.values[i];
        return v === 2 || v === undefined ? null : v;
      }
      case "time": {
        const v = b.values[i];
        return v === undefined ? null : timeToMs(v, b.unit);
      }
      case "text": {
        const v = b.values[i];
        if (v === null || v === undefined) return null;
        const trimmed = v.trim();
        if (trimmed === "") return null;
        return Number(trimmed.includes(",") ? trimmed.replace(/,/g, "") : trimmed);
      }
    }
  }

  /** Chart value per docs/protocol.md "Chart datasets"; undefined while not arrived. */
  value(row: number): CellValue | undefined {
    const meta = this.meta;
    if (meta.kind === "r") return (meta.start ?? 0) + row * (meta.step ?? 1);
    const b = this.batch(Math.floor(row / this.batchRows));
    if (b === undefined) return undefined;
    const i = row % this.batchRows;
    return batchValue(b, i, meta.kind === "M");
  }
}

/** Value `i` of a decoded batch as a chart value (`asDate`: datetimes become Date objects). */
export function batchValue(b: DecodedBatch, i: number, asDate: boolean): CellValue {
  switch (b.t) {
    case "text":
      return b.values[i] ?? null;
    case "bool": {
      const v = b.values[i];
      return v === 2 || v === undefined ? null : v === 1;
    }
    case "time": {
      const v = b.values[i];
      const ms = v === undefined ? null : timeToMs(v, b.unit);
      return ms === null ? null : asDate ? new Date(ms) : ms;
    }
    case "num": {
      const v = b.values[i];
      if (v === undefined) return null;
      const n = typeof v === "bigint" ? Number(v) : v;
      return Number.isNaN(n) ? null : n;
    }
  }
}
