// st.echarts_chart's streamlit theme lays cartesian charts out as Streamlit 1.67 does (its docs'
// examples drew with ECharts' roomy default grid here: a 350 px chart's plot was 206 px high).
import { describe, expect, test } from "vitest";
import {
  streamlitLayout,
  streamlitTheme,
  withAlpha,
} from "../../webview/src/documents/echartsTheme";

const bars = {
  xAxis: { type: "category", data: ["A", "B"] },
  yAxis: { type: "value" },
  series: [{ type: "bar", data: [5, 20] }],
};

describe("echarts streamlit layout", () => {
  test("a plain cartesian chart fills the element, labels kept inside", () => {
    expect(streamlitLayout(bars).grid).toEqual({
      left: 8,
      right: 32,
      top: 16,
      bottom: 8,
      outerBoundsMode: "same",
    });
  });

  test("a legend (at the bottom unless given a top) or a slider keeps its edge free", () => {
    expect(streamlitLayout({ ...bars, legend: {} }).grid).not.toHaveProperty("bottom");
    expect(streamlitLayout({ ...bars, legend: {} }).grid).toHaveProperty("top", 16);
    const top = streamlitLayout({ ...bars, legend: { top: 28 }, dataZoom: [{ type: "slider" }] });
    expect(top.grid).not.toHaveProperty("top");
    expect(top.grid).not.toHaveProperty("bottom");
    const inside = streamlitLayout({ ...bars, dataZoom: [{ type: "inside" }] });
    expect(inside.grid).toHaveProperty("bottom", 8);
    expect(streamlitLayout({ ...bars, title: { text: "T" } }).grid).not.toHaveProperty("top");
  });

  test("the script's grid wins; a grid list and charts without axes are left alone", () => {
    expect(streamlitLayout({ ...bars, grid: { left: 50 } }).grid).toMatchObject({
      left: 50,
      right: 32,
    });
    const grids = { ...bars, grid: [{ top: 0 }, { top: 200 }] };
    expect(streamlitLayout(grids)).toBe(grids);
    const pie = { series: [{ type: "pie", data: [1, 2] }] };
    expect(streamlitLayout(pie)).toBe(pie);
  });
});

describe("echarts streamlit theme controls", () => {
  test("a zoom slider's window and a brush take the primary colour, faded", () => {
    const theme = streamlitTheme("light");
    const zoom = theme.dataZoom as { fillerColor: string };
    expect(zoom.fillerColor).toMatch(/^rgba\(197, 57, 72, 0\.15\)$/);
    const brush = theme.brush as { brushStyle: { color: string } };
    expect(brush.brushStyle.color).toBe(zoom.fillerColor);
  });

  test("withAlpha reads hex and rgb colours", () => {
    expect(withAlpha("#0068c9", 0.5)).toBe("rgba(0, 104, 201, 0.5)");
    expect(withAlpha("rgb(1, 2, 3)", 0.2)).toBe("rgba(1, 2, 3, 0.2)");
    expect(withAlpha("red", 0.2)).toBe("red");
  });
});
