import { describe, expect, test } from "vitest";
import type { ColumnMeta } from "../../webview/src/data/columns";
import { ColumnReader } from "../../webview/src/data/reader";
import { columnSortKeys, floatKeys, sortPermutation } from "../../webview/src/data/sort";
import { bin } from "./data_helpers";

function keysOf(
  meta: Partial<ColumnMeta> & Pick<ColumnMeta, "kind">,
  batches: unknown[],
  rows: number,
  batchRows = 65536,
) {
  const hashes = batches.map((_, i) => `h${i}`);
  const r = new ColumnReader(
    { name: "c", dtype: "x", batches: hashes, ...meta },
    rows,
    batchRows,
    (h) => batches[hashes.indexOf(h)],
  );
  const keys = columnSortKeys(r);
  if (keys === undefined) throw new Error("incomplete");
  return keys;
}

describe("sort permutation", () => {
  test("floats: negatives, zero, NaN last in both directions, stable ties", () => {
    const keys = floatKeys(Float64Array.from([3, -1, NaN, 0, -7.5, 3, 1e300]));
    expect([...sortPermutation(keys, "asc")]).toEqual([4, 1, 3, 0, 5, 6, 2]);
    expect([...sortPermutation(keys, "desc")]).toEqual([6, 0, 5, 3, 1, 4, 2]);
  });

  test("int64 beyond 2^53 and across batches", () => {
    const a = { e: "<i8", b: bin(BigInt64Array.from([2n ** 60n + 1n, -3n])) };
    const b = { e: "<i8", b: bin(BigInt64Array.from([2n ** 60n, 5n]), 1) };
    const keys = keysOf({ kind: "i" }, [a, b], 4, 2);
    expect([...sortPermutation(keys, "asc")]).toEqual([1, 3, 2, 0]);
  });

  test("datetimes with NaT last", () => {
    const v = BigInt64Array.from([5n, -(2n ** 63n), -10n]);
    const keys = keysOf({ kind: "M" }, [{ e: "<i8", b: bin(v), unit: "ns" }], 3);
    expect([...sortPermutation(keys, "asc")]).toEqual([2, 0, 1]);
    expect([...sortPermutation(keys, "desc")]).toEqual([0, 2, 1]);
  });

  test("booleans and small ints", () => {
    const keys = keysOf({ kind: "b" }, [{ e: "|u1", b: Uint8Array.from([1, 2, 0, 1]) }], 4);
    expect([...sortPermutation(keys, "asc")]).toEqual([2, 0, 3, 1]);
    const ints = keysOf({ kind: "i" }, [{ e: "<i4", b: bin(Int32Array.from([10, -2, 7])) }], 3);
    expect([...sortPermutation(ints, "desc")]).toEqual([0, 2, 1]);
  });

  test("strings (None last) and categoricals by category order", () => {
    const keys = keysOf({ kind: "O" }, [{ v: ["b", null, "a", "c"] }], 4);
    expect([...sortPermutation(keys, "asc")]).toEqual([2, 0, 3, 1]);
    expect([...sortPermutation(keys, "desc")]).toEqual([3, 0, 2, 1]);
    const cat = keysOf(
      { kind: "O", categories: ["low", "mid", "high"] },
      [{ v: ["high", "low", "mid"] }],
      3,
    );
    expect([...sortPermutation(cat, "asc")]).toEqual([1, 2, 0]);
  });

  test("a million floats sort quickly and correctly", () => {
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = Math.sin(i) * 1e6;
    const t0 = performance.now();
    const perm = sortPermutation(floatKeys(values), "asc");
    const ms = performance.now() - t0;
    let disorder = 0;
    for (let i = 1; i < n; i++)
      if ((values[perm[i - 1] ?? 0] ?? 0) > (values[perm[i] ?? 0] ?? 0)) disorder++;
    expect(disorder).toBe(0);
    expect(new Set(perm).size).toBe(n);
    expect(ms).toBeLessThan(1500);
    console.log(`sorted 1,000,000 floats in ${ms.toFixed(0)} ms`);
  });
});
