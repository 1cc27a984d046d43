// Vega config for the app theme: quiet axes, no view border, the same category palette as
// Streamlit's charts, text colours that read on the light or dark background.

import { chartColors } from "../core/app_theme";
import { BUILT_IN_PALETTES } from "../core/palette";
import type { Theme } from "./hooks";

const FONT = '"Source Sans Pro", "Source Sans 3", -apple-system, "Segoe UI", Roboto, sans-serif';

/** Streamlit's categorical colours, per theme (charts; `color="auto"` option tags). */
export const PALETTE: Record<Theme, string[]> = {
  light: [
    "#0068c9",
    "#83c9ff",
    "#ff2b2b",
    "#ffabab",
    "#29b09d",
    "#7defa1",
    "#ff8700",
    "#ffd16a",
    "#6d3fc0",
    "#d5dae5",
  ],
  dark: [
    "#83c9ff",
    "#0068c9",
    "#ffabab",
    "#ff2b2b",
    "#7defa1",
    "#29b09d",
    "#ffd16a",
    "#ff8700",
    "#6d3fc0",
    "#d5dae5",
  ],
};

// Streamlit 1.67's chart greys: labels gray70 / gray30, gridlines gray30 / gray85 (light / dark).
const COLORS: Record<Theme, { text: string; muted: string; grid: string }> = {
  light: { text: BUILT_IN_PALETTES.light.fg, muted: "#808495", grid: "#e6eaf1" },
  dark: { text: BUILT_IN_PALETTES.dark.fg, muted: "#e6eaf1", grid: "#31333f" },
};

/** The config merged under a chart's own `config` (which wins). `styled`: false for theme=None. */
export function vegaConfig(theme: Theme, styled: boolean): Record<string, unknown> {
  const c = COLORS[theme];
  const text = { labelColor: c.muted, titleColor: c.text };
  if (!styled) {
    // The chart's own styling, but text must still be readable on a dark background.
    return theme === "dark"
      ? {
          background: "transparent",
          axis: { ...text, domainColor: c.muted, tickColor: c.muted },
          legend: text,
          title: { color: c.text },
          header: text,
        }
      : { background: "transparent" };
  }
  // `[theme] chartCategoricalColors` etc. in the app's config.toml replace the built-in ones.
  const configured = chartColors(theme);
  const palette = configured.categorical ?? PALETTE[theme];
  return {
    background: "transparent",
    font: FONT,
    view: { stroke: null, continuousWidth: 400, continuousHeight: 350 },
    axis: {
      ...text,
      gridColor: c.grid,
      domain: false,
      tickColor: c.grid,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 400,
      titlePadding: 8,
      labelPadding: 6,
    },
    axisBand: { grid: false },
    legend: { ...text, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 400 },
    header: { ...text, labelFontSize: 12, titleFontSize: 12 },
    title: { color: c.text, fontSize: 16, fontWeight: 600, anchor: "start" },
    range: {
      category: palette,
      ramp: configured.sequential ?? { scheme: "blues" },
      ...(configured.diverging && { diverging: configured.diverging }),
    },
    mark: { color: palette[0], tooltip: true },
    bar: { binSpacing: 1 },
    line: { strokeWidth: 2 },
    point: { filled: true },
  };
}
