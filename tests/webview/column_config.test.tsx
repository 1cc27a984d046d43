// st.column_config in the grid: the formatters (printf, presets, dates) and the cell renderers.
// Expected texts follow Streamlit 1.67's documented outputs (en-US locale, as in CI).

import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import {
  cellRenderer,
  linkText,
  parseDateText,
  parseList,
  safeUrl,
  sparkPath,
} from "../../webview/src/data/cells";
import { columnSettings, textOptions } from "../../webview/src/data/columnConfig";
import {
  calendarText,
  clockSeconds,
  compileMoment,
  compileNumberFormat,
  compilePrintf,
  formatBytes,
  fromNow,
  humanizeSeconds,
  stepDecimals,
  type WallTime,
} from "../../webview/src/data/columnFormat";
import type { ColumnMeta } from "../../webview/src/data/columns";
import type { DataframeProps, TableColumn } from "../../webview/src/core/types";
import { Dataframe } from "../../webview/src/data/grid";
import { ColumnReader } from "../../webview/src/data/reader";
import { bin, FakeStore, makeNode, mount } from "./data_helpers";

const BATCH = 65536;

function fmt(format: string | undefined, value: number, decimals?: number): string | undefined {
  return compileNumberFormat(format, decimals)?.(value);
}

describe("number formats", () => {
  test.each([
    [10.123, "%d", "10"],
    [10.123, "%i", "10"],
    [10.123, "%u", "10"],
    [10.123, "%f", "10.123"],
    [10.123, "%g", "10.123"],
    [10, "$%.2f", "$10.00"],
    [10.126, "$%.2f", "$10.13"],
    [10.123, "%.2f€", "10.12€"],
    [10.126, "($%.2f)", "($10.13)"],
    [65, "%d years", "65 years"],
    [1234567898765432, "%d ⭐", "1234567898765432 ⭐"],
    [72.3, "%.1f%%", "72.3%"],
    [-5.678, "%.1f", "-5.7"],
    [5, "%+d", "+5"],
    [42, "%05d", "00042"],
    [42, "%-5d|", "42   |"],
    [255, "%x", "ff"],
    [255, "%X", "FF"],
    [1000, "%,.0f", "1,000"],
    [25000.25, "$%,.2f", "$25,000.25"],
    [9876543210, "%,.0f", "9,876,543,210"],
    [1234567.89, "%'_,.2f", "1_234_567.89"],
    [1234567, "%_d", "1_234_567"],
    [1234567.89, "%_.2f", "1_234_567.89"],
    [-1234567, "%,d", "-1,234,567"],
    [3, "no placeholder", "no placeholder"],
  ])("%s with %s → %s", (value, format, expected) => {
    expect(fmt(format, value)).toBe(expected);
  });

  test.each(["%d %d", "%+.2E", "%#x", "% d", "%(name)s"])(
    "%s cannot be read, so the default display stays",
    (format) => {
      expect(compilePrintf(format)).toBeNull();
      expect(fmt(format, 10)).toBeUndefined();
    },
  );

  test.each([
    [0.12, "percent", "12%"],
    [1100, "compact", "1.1K"],
    [-1234.567, "accounting", "(1,234.57)"],
    [1234.5, "accounting", "1,234.50"],
    [-1234.567, "dollar", "-$1,234.57"],
    [-1234.567, "euro", "-€1,234.57"],
    [-1234.567, "yen", "-¥1,235"],
    [-1234.567, "localized", "-1,234.567"],
    [-1234.567, "plain", "-1234.567"],
    [-1234.567, "scientific", "-1.235E3"],
    [-1234.567, "engineering", "-1.235E3"],
    [1200000, "bytes", "1.2MB"],
    [1234, "bytes", "1.2KB"],
    [500, "bytes", "500B"],
    [5, "duration", "a few seconds"],
    [7200, "duration", "2 hours"],
  ])("%s as %s → %s", (value, format, expected) => {
    expect(fmt(format, value)).toBe(expected);
  });

  test("a step fixes the decimals: cut for the default display, rounded by presets", () => {
    expect(stepDecimals(0.01)).toBe(2);
    expect(stepDecimals(1)).toBe(0);
    expect(stepDecimals(1e-8)).toBe(8);
    expect(fmt(undefined, 1.234567, stepDecimals(0.01))).toBe("1.23");
    expect(fmt(undefined, 1.1, stepDecimals(0.001))).toBe("1.100");
    expect(fmt(undefined, 1.234567, 0)).toBe("1");
    expect(fmt("dollar", 1234.5678, 0)).toBe("$1,235");
    expect(fmt("localized", 0.5, 3)).toBe("0.500");
    expect(fmt("percent", 0.1234, 4)).toBe("12.34%");
    // printf formats keep their own precision.
    expect(fmt("%.1f", 1.25, 4)).toBe("1.3");
  });

  test("durations and sizes", () => {
    expect(humanizeSeconds(60)).toBe("a minute");
    expect(humanizeSeconds(3 * 86400)).toBe("3 days");
    expect(humanizeSeconds(400 * 86400)).toBe("a year");
    expect(clockSeconds(1)).toBe("00:00:01");
    expect(clockSeconds(1.5)).toBe("00:00:01.5");
    expect(clockSeconds(14 * 86400)).toBe("336:00:00");
    expect(formatBytes(1e9)).toBe("1GB");
  });
});

function wall(iso: string, offset = 0): WallTime {
  const instant = Date.parse(iso);
  return { instant, wall: instant + offset * 60000, offset, zoned: offset !== 0 };
}

describe("date formats", () => {
  test.each([
    ["MMM Do, YYYY - HH:mm", "Apr 25th, 2023 - 10:30"],
    ["D MMM YYYY, h:mm a", "25 Apr 2023, 10:30 am"],
    ["ddd ha", "Tue 10am"],
    ["DD.MM.YYYY", "25.04.2023"],
    ["MMM YYYY", "Apr 2023"],
    ["dddd, MMMM D", "Tuesday, April 25"],
    ["[Week] W, Qo [quarter]", "Week 17, 2nd quarter"],
    ["YYYY-MM-DDTHH:mm:ss.SSS", "2023-04-25T10:30:05.120"],
    ["LL LT", "April 25, 2023 10:30 AM"],
    ["X", "1682418605"],
  ])("%s → %s", (format, expected) => {
    expect(compileMoment(format)(wall("2023-04-25T10:30:05.120Z"))).toBe(expected);
  });

  test("Z tokens print the offset; hh:mm a is 12-hour", () => {
    const t = wall("2023-04-25T10:30:00Z", 300);
    expect(compileMoment("YYYY-MM-DD HH:mm:ssZ")(t)).toBe("2023-04-25 15:30:00+05:00");
    expect(compileMoment("hh:mm A ZZ")(t)).toBe("03:30 PM +0500");
  });

  test("distance and calendar, relative to now", () => {
    const now = Date.parse("2025-03-04T20:00:00Z");
    expect(fromNow(now - 3 * 3600e3, now)).toBe("3 hours ago");
    expect(fromNow(now + 2 * 86400e3, now)).toBe("in 2 days");
    expect(fromNow(now - 1000, now)).toBe("a few seconds ago");
    expect(calendarText(wall("2025-03-04T08:00:00Z"), now)).toBe("Today at 8:00 AM");
    expect(calendarText(wall("2025-03-03T20:00:00Z"), now)).toBe("Yesterday at 8:00 PM");
    expect(calendarText(wall("2025-03-05T09:15:00Z"), now)).toBe("Tomorrow at 9:15 AM");
    expect(calendarText(wall("2025-03-01T09:15:00Z"), now)).toBe("Last Saturday at 9:15 AM");
    expect(calendarText(wall("2025-03-07T09:15:00Z"), now)).toBe("Friday at 9:15 AM");
    expect(calendarText(wall("2025-01-07T09:15:00Z"), now)).toBe("01/07/2025");
  });

  test("date and time texts (object columns) parse without the viewer's time zone", () => {
    expect(parseDateText("2024-02-05")).toEqual({ wall: Date.UTC(2024, 1, 5) });
    expect(parseDateText("12:30:00.5")).toEqual({ wall: Date.UTC(1970, 0, 1, 12, 30, 0) + 500 });
    expect(parseDateText("2024-02-05 12:30:00+02:00")).toEqual({
      wall: Date.UTC(2024, 1, 5, 12, 30),
      offset: 120,
    });
    expect(parseDateText("not a date")).toBeUndefined();
  });
});

describe("column settings", () => {
  test("options as text: bare selectbox values and {value, label, color} alike", () => {
    expect(textOptions({})).toEqual([]);
    expect(
      textOptions({ options: ["a", 2, true, { value: 1, label: "One", color: "red" }] }),
    ).toEqual([
      { value: "a" },
      { value: "2" },
      { value: "true" },
      { value: "1", label: "One", color: "red" },
    ]);
  });

  test("_index, then the name, then the position; an _index label only for one level", () => {
    const props = {
      column_config: {
        _index: { label: "Idx", pinned: false },
        a: { label: "A", width: 50 },
        "_pos:1": { label: "First data column" },
      },
    };
    expect(columnSettings(props, { name: "", position: 0, index: true, indexCount: 1 })).toEqual({
      label: "Idx",
      pinned: false,
    });
    expect(columnSettings(props, { name: "", position: 0, index: true, indexCount: 2 })).toEqual({
      pinned: false,
    });
    expect(columnSettings(props, { name: "a", position: 1, index: false, indexCount: 1 })).toEqual({
      label: "First data column",
      width: 50,
    });
  });
});

describe("cell helpers", () => {
  test("link display text: a capture group, fixed text, or the URL", () => {
    const re = /https:\/\/(.*?)\.streamlit\.app/;
    expect(linkText("https://roadmap.streamlit.app", "x(", re)).toBe("roadmap");
    expect(linkText("https://example.com", "x(", re)).toBe("https://example.com");
    expect(linkText("https://a.b/q?x=hello+world", "x(", /x=(.*)$/)).toBe("hello world");
    expect(linkText("https://example.com", "Open", null)).toBe("Open");
    expect(linkText("https://example.com", undefined, null)).toBe("https://example.com");
  });

  test("only safe URLs become links or images", () => {
    expect(safeUrl("https://example.com")).toBe(true);
    expect(safeUrl("/app/static/x.png")).toBe(true);
    expect(safeUrl("javascript:alert(1)")).toBe(false);
    expect(safeUrl(" JavaScript:alert(1)")).toBe(false);
    expect(safeUrl("data:image/png;base64,AAAA", "image")).toBe(true);
    expect(safeUrl("data:text/html,<script>", "image")).toBe(false);
    expect(safeUrl("data:image/png;base64,AAAA")).toBe(false);
  });

  test("list cells: JSON, NumPy reprs, comma-separated", () => {
    expect(parseList('["a", 1, null]')).toEqual(["a", 1, null]);
    expect(parseList("[1 2 3]")).toEqual(["1", "2", "3"]);
    expect(parseList("['x', 'y']")).toEqual(["x", "y"]);
    expect(parseList("a,b")).toEqual(["a", "b"]);
    expect(parseList("")).toEqual([]);
  });

  test("sparkline paths: range from the data or y_min / y_max, gaps for missing values", () => {
    expect(sparkPath([0, 10], "line", undefined, undefined)).toBe("M0 22L100 2");
    expect(sparkPath([5, 5], "line", undefined, undefined)).toBe("M0 12L100 12");
    expect(sparkPath([0, null, 10], "line", 0, 20)).toBe("M0 22M100 12");
    expect(sparkPath([0, 10], "area", undefined, undefined)).toBe("M0 22L100 2L100 22L0 22Z");
    expect(sparkPath([0, 10], "bar", undefined, undefined)).toBe("M5 22V21h40V22ZM55 22V2h40V22Z");
    expect(sparkPath([], "line", undefined, undefined)).toBe("");
  });

  test("a renderer is cheap per cell: the same parsed list is reused when scrolling back", () => {
    const meta: ColumnMeta = { name: "l", dtype: "object", kind: "O", batches: ["h"] };
    let reads = 0;
    const payload = { v: ["[1,2,3]"] };
    const reader = new ColumnReader(meta, 1, BATCH, () => {
      reads++;
      return payload;
    });
    const r = cellRenderer(reader, { type: "line_chart" });
    r.render(0);
    r.render(0);
    expect(reads).toBe(1);
    expect(r.type).toBe("line_chart");
    expect(r.align).toBe("left");
  });
});

// ---- the grid with configured columns ----

interface Col {
  name: string;
  kind: ColumnMeta["kind"];
  dtype?: string;
  tz?: string;
  data: unknown;
}

function frame(store: FakeStore, columns: Col[], rows: number, extra: Partial<DataframeProps>) {
  const metas = columns.map((c) => {
    store.payloads.set(`p-${c.name}`, c.data);
    const meta: TableColumn = {
      name: c.name,
      dtype: c.dtype ?? "object",
      kind: c.kind,
      batches: [`p-${c.name}`],
    };
    if (c.tz !== undefined) meta.tz = c.tz;
    return meta;
  });
  return makeNode("dataframe", {
    rows,
    batch_rows: BATCH,
    index: [{ name: "", dtype: "range", kind: "r", start: 0, step: 1, batches: [] }],
    columns: metas,
    use_container_width: true,
    ...extra,
  });
}

function cells(root: HTMLElement, column: number): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(".sp-df-rows .sp-df-row")].map(
    (r) => r.children[column] as HTMLElement,
  );
}

function texts(root: HTMLElement, column: number): string[] {
  return cells(root, column).map((c) => c.textContent ?? "");
}

describe("configured columns in the grid", () => {
  test("numbers, checkboxes, links, images, progress, charts and JSON", () => {
    const store = new FakeStore();
    const node = frame(
      store,
      [
        {
          name: "price",
          kind: "f",
          dtype: "float64",
          data: { e: "<f8", b: bin(Float64Array.from([20, 950.5])) },
        },
        {
          name: "ok",
          kind: "b",
          dtype: "bool",
          data: { e: "|u1", b: bin(Uint8Array.from([1, 0])) },
        },
        {
          name: "url",
          kind: "O",
          data: { v: ["https://roadmap.streamlit.app", "javascript:alert(1)"] },
        },
        { name: "img", kind: "O", data: { v: ["data:image/png;base64,AAAA", null] } },
        {
          name: "done",
          kind: "i",
          dtype: "int64",
          data: { e: "<i8", b: bin(BigInt64Array.from([25n, 150n])) },
        },
        { name: "trend", kind: "O", data: { v: ["[1,3,2]", "[5,4]"] } },
        { name: "tags", kind: "O", data: { v: ['["a","b"]', "[]"] } },
        { name: "meta", kind: "O", data: { v: ['{"k": [1, 2]}', "plain"] } },
      ],
      2,
      {
        column_config: {
          price: { label: "Price", type: "number", format: "$%.2f", help: "In USD" },
          url: { type: "link", display_text: "https://(.*?)\\.streamlit\\.app" },
          img: { type: "image" },
          done: { type: "progress", format: "%d%%" },
          trend: { type: "line_chart", y_min: 0, color: "auto" },
          tags: { type: "list" },
          meta: { type: "json" },
        },
      },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    const heads = [...root.querySelectorAll<HTMLElement>(".sp-df-head")];
    expect(heads[1]?.querySelector(".sp-df-label")?.textContent).toBe("Price");
    expect(heads[1]?.title).toBe("In USD");
    expect(texts(root, 1)).toEqual(["$20.00", "$950.50"]);
    expect(cells(root, 1)[0]?.classList.contains("sp-df-al-right")).toBe(true);
    // Booleans are checkboxes by default, as in Streamlit.
    const boxes = cells(root, 2).map((c) => c.querySelector("[role=checkbox]"));
    expect(boxes.map((b) => b?.getAttribute("aria-checked"))).toEqual(["true", "false"]);
    const link = cells(root, 3)[0]?.querySelector("a");
    expect(link?.textContent).toBe("roadmap");
    expect(link?.getAttribute("href")).toBe("https://roadmap.streamlit.app");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toContain("noopener");
    expect(cells(root, 3)[1]?.querySelector("a")).toBeNull();
    expect(cells(root, 4)[0]?.querySelector("img")?.getAttribute("src")).toBe(
      "data:image/png;base64,AAAA",
    );
    expect(texts(root, 4)[1]).toBe("None");
    const bars = cells(root, 5).map((c) => c.querySelector<HTMLElement>(".sp-df-progress-bar"));
    expect(bars.map((b) => b?.style.width)).toEqual(["25.00%", "100.00%"]);
    expect(texts(root, 5)).toEqual(["25%", "150%"]);
    const spark = cells(root, 6)[0]?.querySelector("svg path");
    expect(spark?.getAttribute("d")).toBe("M0 15.33L50 2L100 8.67");
    expect(spark?.getAttribute("stroke")).toBe("var(--spd-green)");
    expect(cells(root, 6)[1]?.querySelector("svg path")?.getAttribute("stroke")).toBe(
      "var(--spd-red)",
    );
    expect(
      [...(cells(root, 7)[0]?.querySelectorAll(".sp-df-chip") ?? [])].map((c) => c.textContent),
    ).toEqual(["a", "b"]);
    expect(texts(root, 8)).toEqual(['{"k":[1,2]}', "plain"]);
  });

  test("sorting a formatted column sorts its values, not its text", () => {
    const store = new FakeStore();
    const node = frame(
      store,
      [
        {
          name: "v",
          kind: "f",
          dtype: "float64",
          data: { e: "<f8", b: bin(Float64Array.from([9, 10, 100])) },
        },
      ],
      3,
      { column_config: { v: { type: "number", format: "$%d" } } },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    const head = root.querySelectorAll<HTMLElement>(".sp-df-head")[1];
    act(() => head?.click());
    act(() => head?.click());
    expect(texts(root, 1)).toEqual(["$100", "$10", "$9"]);
  });

  test("dates: formats, time zones, date and time texts", () => {
    const store = new FakeStore();
    const instant = BigInt(Date.UTC(2024, 1, 5, 12, 30)) * 1000n;
    const node = frame(
      store,
      [
        {
          name: "at",
          kind: "M",
          dtype: "datetime64[us]",
          data: { e: "<i8", b: bin(BigInt64Array.from([instant])), unit: "us" },
        },
        {
          name: "zoned",
          kind: "M",
          dtype: "datetime64[us]",
          data: { e: "<i8", b: bin(BigInt64Array.from([instant])), unit: "us" },
        },
        { name: "day", kind: "O", data: { v: ["2024-02-05"] } },
        { name: "clock", kind: "O", data: { v: ["18:05:00"] } },
        {
          name: "iso",
          kind: "M",
          dtype: "datetime64[us]",
          data: { e: "<i8", b: bin(BigInt64Array.from([instant])), unit: "us" },
        },
      ],
      1,
      {
        column_config: {
          at: { type: "datetime", format: "D MMM YYYY, h:mm a" },
          zoned: { type: "datetime", timezone: "America/New_York" },
          day: { type: "date", format: "DD.MM.YYYY" },
          clock: { type: "time", format: "hh:mm a" },
          iso: { type: "datetime", format: "iso8601" },
        },
      },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    expect(texts(root, 1)).toEqual(["5 Feb 2024, 12:30 pm"]);
    expect(texts(root, 2)).toEqual(["2024-02-05 07:30:00-05:00"]);
    expect(texts(root, 3)).toEqual(["05.02.2024"]);
    expect(texts(root, 4)).toEqual(["06:05 pm"]);
    expect(texts(root, 5)).toEqual(["2024-02-05T12:30:00.000Z"]);
  });

  test("pinned columns come first and stick; hidden, width and positional keys apply", () => {
    const store = new FakeStore();
    const node = frame(
      store,
      [
        { name: "a", kind: "O", data: { v: ["x"] } },
        { name: "b", kind: "O", data: { v: ["y"] } },
        { name: "c", kind: "O", data: { v: ["z"] } },
      ],
      1,
      {
        column_config: {
          _index: { pinned: false },
          c: { pinned: true, width: "small" },
          "_pos:1": { hidden: true },
          "_pos:2": { label: "Bee", alignment: "center" },
        },
      },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    const labels = [...root.querySelectorAll(".sp-df-head .sp-df-label")].map((e) => e.textContent);
    expect(labels).toEqual(["c", "", "Bee"]);
    const first = cells(root, 0)[0];
    expect(first?.classList.contains("sp-df-pinned")).toBe(true);
    expect(first?.getAttribute("role")).toBe("gridcell");
    expect(first?.style.width).toBe("75px");
    expect(cells(root, 1)[0]?.classList.contains("sp-df-pinned")).toBe(false);
    expect(cells(root, 2)[0]?.classList.contains("sp-df-al-center")).toBe(true);
  });

  test("durations as seconds, selectbox labels, multiselect tags", () => {
    const store = new FakeStore();
    const ms = (n: number): bigint => BigInt(n) * 1000n;
    const node = frame(
      store,
      [
        {
          name: "took",
          kind: "m",
          dtype: "timedelta64[ms]",
          data: { e: "<i8", b: bin(BigInt64Array.from([ms(90), ms(7200)])), unit: "ms" },
        },
        {
          name: "clock",
          kind: "m",
          dtype: "timedelta64[ms]",
          data: { e: "<i8", b: bin(BigInt64Array.from([1500n, ms(14 * 86400)])), unit: "ms" },
        },
        { name: "size", kind: "O", dtype: "category", data: { v: ["s", "l"] } },
        { name: "tags", kind: "O", data: { v: ['["a","x"]', null] } },
      ],
      2,
      {
        column_config: {
          took: { type: "number", format: "duration" },
          clock: { type: "number", format: "compact" },
          size: {
            type: "selectbox",
            options: [
              { value: "s", label: "Small" },
              { value: "l", label: "Large" },
            ],
          },
          tags: {
            type: "multiselect",
            options: [{ value: "a", label: "Alpha", color: "red" }],
          },
        },
      },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    expect(texts(root, 1)).toEqual(["2 minutes", "2 hours"]);
    expect(texts(root, 2)).toEqual(["00:00:01.5", "336:00:00"]);
    expect(texts(root, 3)).toEqual(["Small", "Large"]);
    const tags = [...(cells(root, 4)[0]?.querySelectorAll<HTMLElement>(".sp-df-chip") ?? [])];
    expect(tags.map((t) => t.textContent)).toEqual(["Alpha", "x"]);
    expect(tags[0]?.classList.contains("sp-df-chip-colored")).toBe(true);
    expect(tags[0]?.style.getPropertyValue("--sp-chip")).toBe("var(--spd-red)");
    expect(texts(root, 4)[1]).toBe("None");
  });

  test("hide_index=False shows an index that _index hides", () => {
    const store = new FakeStore();
    const node = frame(store, [{ name: "a", kind: "O", data: { v: ["x"] } }], 1, {
      hide_index: false,
      column_config: { _index: { hidden: true } },
    });
    const root = mount(<Dataframe node={node} store={store} />);
    expect(root.querySelectorAll(".sp-df-head").length).toBe(2);
  });

  test("st.table draws configured types and leaves the rest as text", () => {
    const store = new FakeStore();
    const node = frame(
      store,
      [
        { name: "ok", kind: "b", dtype: "bool", data: { e: "|u1", b: bin(Uint8Array.from([1])) } },
        {
          name: "n",
          kind: "f",
          dtype: "float64",
          data: { e: "<f8", b: bin(Float64Array.from([0.256])) },
        },
      ],
      1,
      { table: true, column_config: { n: { type: "number", format: "percent" } } },
    );
    const root = mount(<Dataframe node={node} store={store} />);
    const tds = [...root.querySelectorAll("tbody td")].map((td) => td.textContent);
    expect(tds).toEqual(["true", "25.6%"]);
  });
});
