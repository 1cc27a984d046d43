// Sorting a column as a row permutation (Uint32Array of row numbers), never by moving rows.
// Numbers, datetimes and booleans become 64-bit order-preserving keys sorted by a stable LSD
// radix sort (four 16-bit passes, O(n)): a 1,000,000-row column sorts in tens of milliseconds.
// Missing values go last in both directions, as in Streamlit.

import type { ColumnReader } from "./reader";

export type SortDirection = "asc" | "desc";

/** Order-preserving unsigned 64-bit keys split in halves; `missing[i]` = 1 for a missing row. */
export interface NumericKeys {
  t: "keys";
  hi: Uint32Array;
  lo: Uint32Array;
  missing: Uint8Array;
}
export interface TextKeys {
  t: "text";
  values: (string | null)[];
}
export type SortKeys = NumericKeys | TextKeys;

const SIGN = 0x80000000;

/** Keys for a float64 array: IEEE bits with the sign flipped (negatives inverted); NaN missing. */
export function floatKeys(values: ArrayLike<number>): NumericKeys {
  const n = values.length;
  const f = values instanceof Float64Array ? values : Float64Array.from(values);
  // A Float64Array's offset is a multiple of 8, so its bits can be read through a Uint32 view.
  const bits = new Uint32Array(f.buffer, f.byteOffset, n * 2);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = f[i] ?? NaN;
    if (v !== v) {
      missing[i] = 1;
      continue;
    }
    const h = bits[2 * i + 1] ?? 0;
    const l = bits[2 * i] ?? 0;
    if (h & SIGN) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | SIGN) >>> 0;
      lo[i] = l;
    }
  }
  return { t: "keys", hi, lo, missing };
}

/** Keys for int64 (`signed`) or uint64 raw little-endian words; with `nat`, INT64_MIN is missing. */
export function int64Keys(words: Uint32Array, signed: boolean, nat: boolean): NumericKeys {
  const n = words.length >> 1;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1] ?? 0;
    const l = words[2 * i] ?? 0;
    if (nat && h === SIGN && l === 0) missing[i] = 1;
    hi[i] = signed ? (h ^ SIGN) >>> 0 : h;
    lo[i] = l;
  }
  return { t: "keys", hi, lo, missing };
}

/** Stable LSD radix sort of `idx` by (hi, lo); passes whose digit never varies are skipped. */
function radixSort(idx: Uint32Array, hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = idx.length;
  let src: Uint32Array = idx;
  let dst: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((key[src[i] ?? 0] ?? 0) >>> shift) & 0xffff;
      count[d] = (count[d] ?? 0) + 1;
    }
    if (n === 0 || count[((key[src[0] ?? 0] ?? 0) >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d] ?? 0;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const r = src[i] ?? 0;
      const d = ((key[r] ?? 0) >>> shift) & 0xffff;
      const at = count[d] ?? 0;
      dst[at] = r;
      count[d] = at + 1;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

function numericPermutation(keys: NumericKeys, dir: SortDirection): Uint32Array {
  const n = keys.hi.length;
  const present = new Uint32Array(n);
  const absent: number[] = [];
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (keys.missing[i]) absent.push(i);
    else present[m++] = i;
  }
  let hi = keys.hi;
  let lo = keys.lo;
  if (dir === "desc") {
    // Inverted keys sort descending and keep ties in row order (stable), unlike reversing.
    hi = hi.map((v) => ~v >>> 0);
    lo = lo.map((v) => ~v >>> 0);
  }
  const sorted = radixSort(present.subarray(0, m), hi, lo);
  const out = new Uint32Array(n);
  out.set(sorted.subarray(0, m));
  out.set(absent, m);
  return out;
}

function textPermutation(values: (string | null)[], dir: SortDirection): Uint32Array {
  const present: number[] = [];
  const absent: number[] = [];
  for (let i = 0; i < values.length; i++) (values[i] === null ? absent : present).push(i);
  const sign = dir === "asc" ? 1 : -1;
  // Plain code-unit comparison: a collator is ~50x slower on a million strings.
  present.sort((a, b) => {
    const x = values[a] ?? "";
    const y = values[b] ?? "";
    return x < y ? -sign : x > y ? sign : a - b;
  });
  const out = new Uint32Array(values.length);
  out.set(present);
  out.set(absent, present.length);
  return out;
}

/** The permutation that shows rows in `dir` order of `keys`. */
export function sortPermutation(keys: SortKeys, dir: SortDirection): Uint32Array {
  return keys.t === "keys" ? numericPermutation(keys, dir) : textPermutation(keys.values, dir);
}

/** Build sort keys for a whole column; undefined until every batch has arrived. */
export function columnSortKeys(reader: ColumnReader): SortKeys | undefined {
  if (!reader.complete()) return undefined;
  const { rows, meta } = reader;
  if (meta.kind === "r") {
    const start = meta.start ?? 0;
    const step = meta.step ?? 1;
    return floatKeys(Float64Array.from({ length: rows }, (_, i) => start + i * step));
  }
  const batches = meta.batches.map((_, k) => reader.batch(k)).filter((b) => b !== undefined);
  const first = batches[0];
  if (first === undefined) return floatKeys(new Float64Array(0));
  if (first.t === "text") {
    const values: (string | null)[] = [];
    for (const b of batches) if (b.t === "text") for (const v of b.values) values.push(v);
    const categories = meta.categories;
    if (categories !== undefined) {
      // Categoricals sort by category order (pandas' rule), not by text.
      const rank = new Map<string | null, number>();
      categories.forEach((c, i) => rank.set(c, i));
      return floatKeys(
        Float64Array.from(values, (v) => (v === null ? NaN : (rank.get(v) ?? categories.length))),
      );
    }
    return { t: "text", values };
  }
  if (
    first.t === "time" ||
    (first.t === "num" &&
      (first.values instanceof BigInt64Array || first.values instanceof BigUint64Array))
  ) {
    const words = new Uint32Array(rows * 2);
    let offset = 0;
    for (const b of batches) {
      const v = b.t === "time" || b.t === "num" ? b.values : undefined;
      if (v === undefined) continue;
      words.set(new Uint32Array(v.buffer, v.byteOffset, v.length * 2), offset);
      offset += v.length * 2;
    }
    return int64Keys(
      words,
      !(first.t === "num" && first.values instanceof BigUint64Array),
      first.t === "time",
    );
  }
  const flat = new Float64Array(rows);
  let offset = 0;
  for (const b of batches) {
    if (b.t === "bool") {
      for (let i = 0; i < b.values.length; i++)
        flat[offset + i] = b.values[i] === 2 ? NaN : (b.values[i] ?? NaN);
      offset += b.values.length;
    } else if (
      b.t === "num" &&
      !(b.values instanceof BigInt64Array || b.values instanceof BigUint64Array)
    ) {
      flat.set(b.values, offset);
      offset += b.values.length;
    }
  }
  return floatKeys(flat);
}
