import { describe, expect, test } from "vitest";
import type { Table } from "../../webview/src/core/types";
import {
  allDatasetRows,
  datasetRows,
  parseDatasets,
  specWithData,
} from "../../webview/src/data/datasets";
import { sizedSpec } from "../../webview/src/data/vega";
import { vegaConfig } from "../../webview/src/data/vegaTheme";
import { bin } from "./data_helpers";

const payloads = new Map<string, unknown>([
  ["f", { e: "<f8", b: bin(Float64Array.from([1.5, NaN, 3])) }],
  ["i", { e: "<i8", b: bin(BigInt64Array.from([1n, 2n, 3n]), 3) }],
  ["b", { e: "|u1", b: Uint8Array.from([1, 0, 2]) }],
  ["t", { e: "<i8", b: bin(BigInt64Array.from([86_400_000_000n, -(2n ** 63n), 0n])), unit: "us" }],
  ["d", { e: "<i8", b: bin(BigInt64Array.from([1_500_000_000n, 0n, -(2n ** 63n)])), unit: "ns" }],
  ["s", { v: ["a", null, "c"] }],
]);

const datasets: Record<string, Table> = {
  abc123: {
    rows: 3,
    batch_rows: 65536,
    index: [],
    columns: [
      { name: "f", dtype: "float64", kind: "f", batches: ["f"] },
      { name: "i", dtype: "int64", kind: "i", batches: ["i"] },
      { name: "b", dtype: "boolean", kind: "b", batches: ["b"] },
      { name: "t", dtype: "datetime64[us]", kind: "M", batches: ["t"] },
      { name: "d", dtype: "timedelta64[ns]", kind: "m", batches: ["d"] },
      { name: "s", dtype: "object", kind: "O", batches: ["s"] },
    ],
  },
};

describe("chart datasets", () => {
  test("columns become row objects with the protocol's value types", () => {
    const tables = parseDatasets(datasets);
    const table = tables.get("abc123");
    if (table === undefined) throw new Error("no table");
    const rows = datasetRows(table, (h) => payloads.get(h));
    expect(rows).toEqual([
      { f: 1.5, i: 1, b: true, t: new Date(86_400_000), d: 1500, s: "a" },
      { f: null, i: 2, b: false, t: null, d: 0, s: null },
      { f: 3, i: 3, b: null, t: new Date(0), d: null, s: "c" },
    ]);
  });

  test("rows only once every batch is here", () => {
    const tables = parseDatasets(datasets);
    expect(
      allDatasetRows(tables, (h) => (h === "s" ? undefined : payloads.get(h))),
    ).toBeUndefined();
    expect(allDatasetRows(tables, (h) => payloads.get(h))?.abc123?.length).toBe(3);
  });

  test("rows go into spec.datasets, keeping inline geo data", () => {
    const spec = {
      mark: "bar",
      data: { name: "abc123" },
      datasets: { geo: { type: "FeatureCollection" } },
    };
    const full = specWithData(spec, { abc123: [{ a: 1 }] });
    expect(full.datasets).toEqual({ geo: { type: "FeatureCollection" }, abc123: [{ a: 1 }] });
    expect(spec.datasets).toEqual({ geo: { type: "FeatureCollection" } });
  });

  test("built-in charts (width and height 0) get the container width and 350 px", () => {
    const spec = sizedSpec(
      { mark: "line", width: 0, height: 0 },
      { use_container_width: true },
      700,
    );
    expect(spec).toMatchObject({ width: 700, height: 350 });
  });

  test("container width applies to single views, not to concatenations", () => {
    expect(sizedSpec({ mark: "bar" }, { use_container_width: true }, 640).width).toBe(640);
    expect(
      sizedSpec({ mark: "bar" }, { use_container_width: false, width: 300, height: 200 }, 640),
    ).toMatchObject({ width: 300, height: 200 });
    expect(sizedSpec({ hconcat: [] }, { use_container_width: true }, 640).width).toBeUndefined();
    const v = sizedSpec(
      { vconcat: [{ mark: "bar" }, { mark: "line", width: 100 }] },
      { use_container_width: true },
      500,
    );
    expect(sizedSpec({ mark: "bar" }, { use_container_width: true }, 640).autosize).toEqual({
      type: "fit-x",
      contains: "padding",
    });
    expect(v.vconcat).toEqual([
      { mark: "bar", width: 500 },
      { mark: "line", width: 100 },
    ]);
  });

  test("theme config follows light/dark", () => {
    const light = vegaConfig("light", true) as { axis: { labelColor: string } };
    const dark = vegaConfig("dark", true) as { axis: { labelColor: string } };
    expect(light.axis.labelColor).not.toBe(dark.axis.labelColor);
    expect(vegaConfig("light", false)).toEqual({ background: "transparent" });
  });
});
