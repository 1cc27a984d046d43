// st.echarts_chart's `streamlit` theme: loaded with echarts (echarts.tsx), so the page-colour
// code it shares with Plotly charts stays out of the first paint.

import { chartColors } from "../core/app_theme";
import type { Theme } from "../data/hooks";
import { pageColors } from "../data/plotlyTheme";
import { PALETTE } from "../data/vegaTheme";

export { streamlitLayout } from "./echartsLayout";

/** The app's look as an ECharts theme: fonts, text and axis colours, the chart palette. */
export function streamlitTheme(theme: Theme): Record<string, unknown> {
  const c = pageColors(theme);
  const axis = {
    axisLine: { lineStyle: { color: c.border } },
    axisTick: { lineStyle: { color: c.border } },
    axisLabel: { color: c.muted },
    splitLine: { lineStyle: { color: c.grid } },
    nameTextStyle: { color: c.muted },
  };
  return {
    color: chartColors(theme).categorical ?? PALETTE[theme],
    backgroundColor: "transparent",
    textStyle: { fontFamily: c.font, color: c.text },
    title: { textStyle: { color: c.text }, subtextStyle: { color: c.muted } },
    legend: { textStyle: { color: c.text } },
    tooltip: { backgroundColor: c.bg, borderColor: c.border, textStyle: { color: c.text } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    logAxis: axis,
  };
}
