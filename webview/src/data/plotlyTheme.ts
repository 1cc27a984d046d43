// Plotly charts in the app's theme (docs/protocol.md, "Plotly charts"). The runtime's `streamlit`
// template holds placeholder colours `#0000NN`; they are replaced here, with the app's palette
// (`theme="streamlit"`) or plotly's own colours (`theme=None`), and the `streamlit` theme also
// lays the app's fonts, text colours and gridlines over the figure's template. Colours come from
// the page's CSS variables, so light, dark, VS Code's theme and `[theme]` all apply.

import { chartColors } from "../core/app_theme";
import { pageColor, type Palette } from "../core/palette";
import type { Theme } from "./hooks";
import { PALETTE } from "./vegaTheme";

/** The page colours a chart takes, resolved from the CSS variables. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  bg: string;
  border: string;
  font: string;
  increasing: string;
  decreasing: string;
  total: string;
}

// Gridlines are a shade of their own (not a theme colour).
const GRID: Record<Theme, string> = { light: "#e6eaf1", dark: "#31333f" };

/**
 * The page's colours (`--sp-*` variables), each falling back to the built-in theme's, as plain
 * `rgb(...)` (core/palette.ts `pageColor`).
 */
export function pageColors(theme: Theme, doc: Document = document): ChartColors {
  const where = doc.body ?? doc.documentElement;
  const color = (key: keyof Palette): string => pageColor(key, theme, where);
  const font = getComputedStyle(doc.documentElement).getPropertyValue("--sp-font").trim();
  return {
    text: color("fg"),
    muted: color("muted"),
    grid: GRID[theme],
    bg: color("bg"),
    border: color("border"),
    font: font || '"Source Sans Pro", sans-serif',
    increasing: color("green"),
    decreasing: color("red"),
    total: color("blue"),
  };
}

const SEQUENTIAL: Record<Theme, string[]> = {
  light: [
    "#e4f5ff",
    "#c7ebff",
    "#a6dcff",
    "#83c9ff",
    "#60b4ff",
    "#3d9df3",
    "#1c83e1",
    "#0068c9",
    "#0054a3",
    "#004280",
  ],
  dark: [
    "#004280",
    "#0054a3",
    "#0068c9",
    "#1c83e1",
    "#3d9df3",
    "#60b4ff",
    "#83c9ff",
    "#a6dcff",
    "#c7ebff",
    "#e4f5ff",
  ],
};

const DIVERGING = [
  "#7d353b",
  "#bd4043",
  "#ff4b4b",
  "#ff8c8c",
  "#ffc7c7",
  "#a6dcff",
  "#60b4ff",
  "#1c83e1",
  "#0054a3",
  "#004280",
];

// plotly's own colours, for `theme=None` (its default colorway and colour scales).
const PLOTLY_CATEGORICAL = [
  "#636efa",
  "#EF553B",
  "#00cc96",
  "#ab63fa",
  "#FFA15A",
  "#19d3f3",
  "#FF6692",
  "#B6E880",
  "#FF97FF",
  "#FECB52",
];
const PLOTLY_SEQUENTIAL = [
  "#0d0887",
  "#46039f",
  "#7201a8",
  "#9c179e",
  "#bd3786",
  "#d8576b",
  "#ed7953",
  "#fb9f3a",
  "#fdca26",
  "#f0f921",
];
const PLOTLY_DIVERGING = [
  "#8e0152",
  "#c51b7d",
  "#de77ae",
  "#f1b6da",
  "#fde0ef",
  "#e6f5d0",
  "#b8e186",
  "#7fbc41",
  "#4d9221",
  "#276419",
];

/** `#0000NN`, the runtime's placeholder number `n` (plotly_theme.py). */
function placeholder(n: number): string {
  return `#${String(n).padStart(6, "0")}`;
}

/** Ten colours from `configured` (cycled when shorter), else `fallback`. */
function ten(configured: string[] | undefined, fallback: string[]): string[] {
  if (configured === undefined || configured.length === 0) return fallback;
  return Array.from({ length: 10 }, (_, i) => configured[i % configured.length] ?? "");
}

/** The spec text with every placeholder colour replaced. */
export function replacePlaceholders(
  spec: string,
  theme: Theme,
  styled: boolean,
  colors: ChartColors,
): string {
  const configured = styled ? chartColors(theme) : {};
  const categorical = styled ? ten(configured.categorical, PALETTE[theme]) : PLOTLY_CATEGORICAL;
  const sequential = styled ? ten(configured.sequential, SEQUENTIAL[theme]) : PLOTLY_SEQUENTIAL;
  const diverging = styled ? ten(configured.diverging, DIVERGING) : PLOTLY_DIVERGING;
  const map = new Map<string, string>();
  categorical.forEach((c, i) => map.set(placeholder(1 + i), c));
  sequential.forEach((c, i) => map.set(placeholder(11 + i), c));
  diverging.forEach((c, i) => map.set(placeholder(21 + i), c));
  map.set(placeholder(32), colors.increasing);
  map.set(placeholder(33), colors.decreasing);
  map.set(placeholder(34), colors.total);
  map.set(placeholder(35), colors.grid);
  map.set(placeholder(36), colors.muted);
  map.set(placeholder(37), colors.text);
  map.set(placeholder(38), colors.bg);
  map.set(placeholder(39), colors.border);
  map.set(placeholder(40), colors.bg);
  // Placeholders only ever appear as whole JSON strings: "#0000NN".
  return spec.replace(/"#0000[0-4]\d"/g, (m) => {
    const c = map.get(m.slice(1, -1));
    return c === undefined ? m : JSON.stringify(c);
  });
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `target` with `source` merged in, recursively (source wins; arrays replaced). */
export function deepMerge(target: Json, source: Json): Json {
  const out: Json = { ...target };
  for (const [k, v] of Object.entries(source)) {
    const t = out[k];
    out[k] = isRecord(t) && isRecord(v) ? deepMerge(t, v) : v;
  }
  return out;
}

/** The `streamlit` theme's layout defaults: laid over the template's layout, so the figure's
 * own layout still wins. */
export function streamlitLayout(c: ChartColors): Json {
  const small = { color: c.muted, size: 12 };
  const axisTitle = { font: { color: c.muted, size: 14 } };
  return {
    font: { color: c.muted, family: c.font, size: 12 },
    title: { font: { family: c.font, size: 16, color: c.text }, xanchor: "left", x: 0 },
    legend: {
      title: { font: small, side: "top" },
      valign: "top",
      bordercolor: "rgba(0,0,0,0)",
      borderwidth: 0,
      font: { size: 12, color: c.text },
    },
    paper_bgcolor: c.bg,
    plot_bgcolor: c.bg,
    xaxis: {
      gridcolor: c.grid,
      zerolinecolor: c.grid,
      showgrid: false,
      zeroline: false,
      tickcolor: c.grid,
      tickfont: small,
      title: { ...axisTitle, standoff: 24 },
      minor: { gridcolor: c.grid },
      automargin: true,
    },
    yaxis: {
      gridcolor: c.grid,
      zerolinecolor: c.grid,
      tickcolor: c.grid,
      tickfont: small,
      ticklabelposition: "outside",
      title: { ...axisTitle, standoff: 32 },
      minor: { gridcolor: c.grid },
      automargin: true,
    },
    margin: { pad: 8, r: 0, l: 0 },
    hoverlabel: {
      bgcolor: c.bg,
      bordercolor: c.border,
      font: { color: c.muted, family: c.font, size: 12 },
    },
    coloraxis: {
      colorbar: {
        thickness: 16,
        outlinecolor: "rgba(0,0,0,0)",
        title: axisTitle,
        tickfont: small,
      },
    },
  };
}

export interface PlotlyFigure {
  data: Json[];
  layout: Json;
  frames?: Json[];
}

/** The figure to draw: placeholders replaced, then the `streamlit` theme laid over its
 * template, or (theme=None) only the page's background and text colour where the figure has
 * none, so it reads on a dark page. */
export function themedFigure(spec: string, theme: Theme, styled: boolean, colors: ChartColors) {
  const parsed = JSON.parse(
    replacePlaceholders(spec, theme, styled, colors),
  ) as Partial<PlotlyFigure>;
  const data = Array.isArray(parsed.data) ? parsed.data : [];
  let layout: Json = isRecord(parsed.layout) ? parsed.layout : {};
  if (styled) {
    const template = isRecord(layout.template) ? layout.template : {};
    const templateLayout = isRecord(template.layout) ? template.layout : {};
    layout = {
      ...layout,
      template: { ...template, layout: deepMerge(templateLayout, streamlitLayout(colors)) },
    };
    if (isRecord(layout.title) && typeof layout.title.text === "string")
      layout = { ...layout, title: { ...layout.title, text: `<b>${layout.title.text}</b>` } };
  } else {
    const font = isRecord(layout.font) ? layout.font : {};
    layout = {
      ...layout,
      font: { color: colors.text, family: colors.font, ...font },
      paper_bgcolor: layout.paper_bgcolor ?? colors.bg,
      plot_bgcolor: layout.plot_bgcolor ?? colors.bg,
    };
  }
  const figure: PlotlyFigure = { data, layout };
  if (Array.isArray(parsed.frames)) figure.frames = parsed.frames;
  return figure;
}
