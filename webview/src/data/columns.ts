// Dataframe columns on the wire (docs/protocol.md, "Dataframe columns"): the column metadata in
// element props, and the batch payloads decoded into typed-array views without per-row work.

import type {
  DataEditorProps,
  DataframeProps,
  Table,
  TableColumn,
  TableLayout,
} from "../core/types";

export type ColumnKind = TableColumn["kind"];

/** One column as described in `dataframe` props (or a chart dataset). */
export type ColumnMeta = TableColumn;

/** A table: `dataframe` props or one chart dataset. */
export type TableMeta = Table;

/**
 * What the grid reads of a `dataframe` or a `data_editor` node: the layout both declare, and
 * each one's own keys (absent on the other).
 */
export type GridTableProps = TableLayout &
  Partial<Pick<DataframeProps, "table" | "border" | "hide_header" | "selection_mode">> &
  Partial<Pick<DataEditorProps, "editing_mode" | "alt" | "disabled" | "ignore_rerun">>;

export type NumericArray =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export type TimeUnit = "s" | "ms" | "us" | "ns";

/** A decoded batch. `values` index `i` is row `batch * batch_rows + i`. */
export type DecodedBatch =
  | { t: "num"; values: NumericArray }
  | { t: "bool"; values: Uint8Array }
  | { t: "time"; values: BigInt64Array; unit: TimeUnit; tz?: string }
  | { t: "text"; values: readonly (string | null)[] };

/** The int64 marking a missing datetime/duration (NaT). */
export const INT64_MIN = -(2n ** 63n);

const UNITS: readonly TimeUnit[] = ["s", "ms", "us", "ns"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

/**
 * A view of `bytes` as `itemSize`-byte items. Typed arrays need an aligned byteOffset; msgpack
 * hands out views into the message buffer at any offset, so unaligned data is copied once.
 */
function aligned(
  bytes: Uint8Array,
  itemSize: number,
): { buffer: ArrayBuffer; offset: number; length: number } {
  const length = Math.floor(bytes.byteLength / itemSize);
  if (bytes.byteOffset % itemSize === 0 && bytes.buffer instanceof ArrayBuffer) {
    return { buffer: bytes.buffer, offset: bytes.byteOffset, length };
  }
  const copy = new Uint8Array(length * itemSize);
  copy.set(bytes.subarray(0, length * itemSize));
  return { buffer: copy.buffer, offset: 0, length };
}

/** IEEE half floats (numpy float16) widened to float32. */
function halfToFloat(bytes: Uint8Array): Float32Array {
  const n = bytes.byteLength >> 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const h = (bytes[2 * i] ?? 0) | ((bytes[2 * i + 1] ?? 0) << 8);
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    if (exp === 0) out[i] = sign * 2 ** -14 * (frac / 1024);
    else if (exp === 31) out[i] = frac ? NaN : sign * Infinity;
    else out[i] = sign * 2 ** (exp - 15) * (1 + frac / 1024);
  }
  return out;
}

/** Raw little-endian memory with a numpy type string (`<f8`, `|u1`…) as a typed array. */
export function numericView(encoding: string, bytes: Uint8Array): NumericArray {
  const code = encoding.replace(/^[<|=]/, "");
  if (code === "f2") return halfToFloat(bytes);
  const ctor = {
    f8: Float64Array,
    f4: Float32Array,
    i1: Int8Array,
    i2: Int16Array,
    i4: Int32Array,
    i8: BigInt64Array,
    u1: Uint8Array,
    u2: Uint16Array,
    u4: Uint32Array,
    u8: BigUint64Array,
    b1: Uint8Array,
  }[code];
  if (ctor === undefined) throw new Error(`unsupported column encoding ${encoding}`);
  const { buffer, offset, length } = aligned(bytes, ctor.BYTES_PER_ELEMENT);
  return new ctor(buffer, offset, length);
}

/** Decode one `column` payload's data; `undefined` if it is not a form the protocol defines. */
export function decodeBatch(data: unknown, kind: ColumnKind): DecodedBatch | undefined {
  if (!isRecord(data)) return undefined;
  if (Array.isArray(data.v)) {
    const values = data.v.map((v: unknown) => (v === null || v === undefined ? null : String(v)));
    return { t: "text", values };
  }
  const bytes = toBytes(data.b);
  const encoding = typeof data.e === "string" ? data.e : undefined;
  if (bytes === undefined || encoding === undefined) return undefined;
  if (kind === "M" || kind === "m") {
    const unit = UNITS.includes(data.unit as TimeUnit) ? (data.unit as TimeUnit) : "ns";
    const { buffer, offset, length } = aligned(bytes, 8);
    const values = new BigInt64Array(buffer, offset, length);
    return typeof data.tz === "string"
      ? { t: "time", values, unit, tz: data.tz }
      : { t: "time", values, unit };
  }
  if (kind === "b") return { t: "bool", values: bytes };
  return { t: "num", values: numericView(encoding, bytes) };
}

// Decoded batches are cached per payload object: the store owns the payload, so the typed-array
// views live exactly as long as it keeps the data.
const decodedCache = new WeakMap<object, DecodedBatch>();

/** `decodeBatch`, memoized on the payload object. */
export function decodeCached(data: unknown, kind: ColumnKind): DecodedBatch | undefined {
  if (!isRecord(data)) return undefined;
  const hit = decodedCache.get(data);
  if (hit !== undefined) return hit;
  const decoded = decodeBatch(data, kind);
  if (decoded !== undefined) decodedCache.set(data, decoded);
  return decoded;
}

/** Every batch hash a table refers to. */
export function tableHashes(table: TableMeta): string[] {
  const out: string[] = [];
  for (const c of table.index) out.push(...c.batches);
  for (const c of table.columns) out.push(...c.batches);
  return out;
}

export function isNumericKind(kind: ColumnKind): boolean {
  return kind === "f" || kind === "i" || kind === "u" || kind === "r";
}

/** Units per millisecond, as bigint divisors / multipliers. */
export function unitPerMs(unit: TimeUnit): number {
  return unit === "s" ? 1e-3 : unit === "ms" ? 1 : unit === "us" ? 1e3 : 1e6;
}
