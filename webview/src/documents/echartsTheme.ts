// st.echarts_chart's `streamlit` theme: loaded with echarts (echarts.tsx), so the page-colour
// code it shares with Plotly charts stays out of the first paint.

import { chartColors } from "../core/app_theme";
import { pageColor } from "../core/palette";
import type { Theme } from "../data/hooks";
import { pageColors } from "../data/plotlyTheme";
import { PALETTE } from "../data/vegaTheme";

export { streamlitLayout } from "./echartsLayout";

/** `color` (rgb(), rgba() or #rrggbb) at `alpha` opacity; other forms as they are. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(color);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb?.slice(1).map(Number);
  return parts ? `rgba(${parts.join(", ")}, ${alpha})` : color;
}

/** The app's look as an ECharts theme: fonts, text and axis colours, the chart palette. */
export function streamlitTheme(theme: Theme): Record<string, unknown> {
  const c = pageColors(theme);
  const primary = pageColor("primary", theme);
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
    // A zoom slider's window and a brush in the primary colour, as Streamlit 1.67 draws them.
    dataZoom: {
      borderColor: c.border,
      fillerColor: withAlpha(primary, 0.15),
      dataBackground: {
        lineStyle: { color: c.muted, opacity: 0.5 },
        areaStyle: { color: c.muted, opacity: 0.2 },
      },
      handleStyle: { color: c.bg, borderColor: c.muted },
      textStyle: { color: c.muted },
    },
    brush: { brushStyle: { color: withAlpha(primary, 0.15), borderColor: primary } },
  };
}
