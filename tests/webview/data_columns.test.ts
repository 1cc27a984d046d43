import { describe, expect, test } from "vitest";
import { decodeBatch, numericView, type ColumnMeta } from "../../webview/src/data/columns";
import { formatDatetime, formatDuration, formatFloat } from "../../webview/src/data/format";
import { ColumnReader } from "../../webview/src/data/reader";
import { bin } from "./data_helpers";

function reader(
  meta: Partial<ColumnMeta> & Pick<ColumnMeta, "kind">,
  batches: unknown[],
  rows: number,
  batchRows = 65536,
) {
  const hashes = batches.map((_, i) => `h${i}`);
  const column: ColumnMeta = { name: "c", dtype: "x", batches: hashes, ...meta };
  const source = (h: string): unknown => batches[hashes.indexOf(h)];
  return new ColumnReader(column, rows, batchRows, source);
}

describe("column payload decoding", () => {
  test("float64 with NaN as missing, aligned and unaligned", () => {
    for (const misalign of [0, 3]) {
      const b = bin(Float64Array.from([1.5, NaN, -2, 0.123456789]), misalign);
      const decoded = decodeBatch({ e: "<f8", b }, "f");
      expect(decoded?.t).toBe("num");
      const r = reader({ kind: "f" }, [{ e: "<f8", b }], 4);
      expect([0, 1, 2, 3].map((i) => r.text(i))).toEqual(["1.5", null, "-2", "0.1235"]);
      expect(r.value(1)).toBeNull();
      expect(r.value(0)).toBe(1.5);
    }
  });

  test("integers of each width, int64 exactly", () => {
    const big = BigInt64Array.from([9007199254740993n, -5n]);
    expect(reader({ kind: "i" }, [{ e: "<i8", b: bin(big, 1) }], 2).text(0)).toBe(
      "9007199254740993",
    );
    expect(
      reader({ kind: "i" }, [{ e: "<i4", b: bin(Int32Array.from([-7, 42])) }], 2).text(0),
    ).toBe("-7");
    expect(reader({ kind: "u" }, [{ e: "|u1", b: bin(Uint8Array.from([255])) }], 1).text(0)).toBe(
      "255",
    );
    expect(reader({ kind: "i" }, [{ e: "|i1", b: bin(Int8Array.from([-128])) }], 1).text(0)).toBe(
      "-128",
    );
    expect(numericView("<u2", bin(Uint16Array.from([65535]), 1))[0]).toBe(65535);
    expect(numericView("<f4", bin(Float32Array.from([0.5])))[0]).toBe(0.5);
  });

  test("nullable integers arrive as float64 with NaN and still show as integers", () => {
    const r = reader(
      { kind: "i", dtype: "Int64" },
      [{ e: "<f8", b: bin(Float64Array.from([3, NaN])) }],
      2,
    );
    expect([r.text(0), r.text(1)]).toEqual(["3", null]);
  });

  test("booleans: one byte per row, 2 = missing", () => {
    const r = reader({ kind: "b" }, [{ e: "|u1", b: Uint8Array.from([1, 0, 2]) }], 3);
    expect([0, 1, 2].map((i) => r.text(i))).toEqual(["true", "false", null]);
    expect([0, 1, 2].map((i) => r.value(i))).toEqual([true, false, null]);
  });

  test("datetimes: int64 in a unit, NaT missing, tz-aware shown in the zone", () => {
    const ns = BigInt64Array.from([1_700_000_000_123_000_000n, -(2n ** 63n)]);
    const naive = reader({ kind: "M" }, [{ e: "<i8", b: bin(ns, 5), unit: "ns" }], 2);
    expect(naive.text(0)).toBe("2023-11-14 22:13:20.123");
    expect(naive.text(1)).toBeNull();
    expect(naive.value(0)).toEqual(new Date(1_700_000_000_123));
    const us = BigInt64Array.from([1_700_000_000_000_000n]);
    const aware = reader(
      { kind: "M", tz: "Europe/Paris" },
      [{ e: "<i8", b: bin(us), unit: "us", tz: "Europe/Paris" }],
      1,
    );
    expect(aware.text(0)).toBe("2023-11-14 23:13:20+01:00");
    expect(formatDatetime(0n, "s", "UTC")).toBe("1970-01-01 00:00:00+00:00");
  });

  test("durations", () => {
    const r = reader(
      { kind: "m" },
      [{ e: "<i8", b: bin(BigInt64Array.from([93784_500_000_000n])), unit: "ns" }],
      1,
    );
    expect(r.text(0)).toBe("1 days 02:03:04.5");
    expect(r.value(0)).toBe(93784500);
    expect(formatDuration(-60n, "s")).toBe("-0 days 00:01:00");
  });

  test("strings and categoricals: display text with nil for missing", () => {
    const r = reader({ kind: "O", categories: ["lo", "hi"] }, [{ v: ["hi", null, "lo"] }], 3);
    expect([0, 1, 2].map((i) => r.text(i))).toEqual(["hi", null, "lo"]);
  });

  test("RangeIndex compact form needs no payload", () => {
    const r = reader({ kind: "r", start: 10, step: 5 }, [], 1_000_000);
    expect(r.text(3)).toBe("25");
    expect(r.has(999_999)).toBe(true);
  });

  test("rows span batches; a missing batch reads as not arrived", () => {
    const b0 = { e: "<f8", b: bin(Float64Array.from([0, 1])) };
    const hashes = ["a", "b"];
    const have = new Map<string, unknown>([["a", b0]]);
    const r = new ColumnReader(
      { name: "c", dtype: "float64", kind: "f", batches: hashes },
      4,
      2,
      (h) => have.get(h),
    );
    expect(r.text(1)).toBe("1");
    expect(r.text(2)).toBeUndefined();
    expect(r.complete()).toBe(false);
    have.set("b", { e: "<f8", b: bin(Float64Array.from([2, 3])) });
    expect(r.text(3)).toBe("3");
    expect(r.complete()).toBe(true);
  });

  test("float formatting", () => {
    expect(formatFloat(1234567.0)).toBe("1234567");
    expect(formatFloat(0.1)).toBe("0.1");
    expect(formatFloat(2.0 / 3)).toBe("0.6667");
    expect(formatFloat(1e-7)).toBe("1e-7");
    expect(formatFloat(Infinity)).toBe("inf");
  });
});
