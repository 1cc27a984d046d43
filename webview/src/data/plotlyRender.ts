// Drawing a Plotly chart: the theming, selections and plotly.js calls, in a chunk loaded with
// plotly.js on the first chart (the element itself, plotly.tsx, stays small in the main bundle).

import type { PlotlyChartProps, PlotlyEvent } from "../core/types";
import type { Theme } from "./hooks";
import { type PlotlyModule, bundleFor, loadPlotly, traceTypes } from "./plotlyLoader";
import { type PlotlyFigure, pageColors, themedFigure } from "./plotlyTheme";
import {
  EMPTY_EVENT,
  type SelectionMode,
  selectionFromEvent,
  selectionLayout,
} from "./plotlySelection";

/** plotly.js's own copy of the figure, kept on the element it drew. */
type DrawnElement = HTMLElement & {
  data?: { selectedpoints?: unknown }[];
  layout?: Record<string, unknown>;
};

export interface DrawRequest {
  spec: string;
  theme: Theme;
  styled: boolean;
  config: PlotlyChartProps["config"];
  width: number;
  height: number;
  modes: readonly SelectionMode[];
}

interface Chart {
  /** The plotly.js that drew it (the cartesian bundle's, or the full one's once that loaded). */
  plotly: PlotlyModule | null;
  request: DrawRequest | null;
  figure: PlotlyFigure | null;
  figureKey: string;
  onSelect: ((event: PlotlyEvent) => void) | null;
}

const charts = new WeakMap<HTMLElement, Chart>();

function chartOf(el: HTMLElement): Chart {
  let chart = charts.get(el);
  if (chart === undefined) {
    chart = { plotly: null, request: null, figure: null, figureKey: "", onSelect: null };
    charts.set(el, chart);
  }
  return chart;
}

function plotlyConfig(
  own: PlotlyChartProps["config"],
  modes: readonly SelectionMode[],
): Record<string, unknown> {
  const config: Record<string, unknown> = { ...(own ?? {}) };
  // As Streamlit: no plotly logo or cloud button, and no selection tools the chart does not
  // allow, unless the script lists the buttons to remove itself.
  if (config.modeBarButtonsToRemove === undefined) {
    config.displaylogo = false;
    const remove = ["sendDataToCloud"];
    if (!modes.includes("lasso")) remove.push("lasso2d");
    if (!modes.includes("box")) remove.push("select2d");
    config.modeBarButtonsToRemove = remove;
  }
  config.responsive = false; // the element sizes the chart from its container
  return config;
}

/**
 * Draw (or redraw: `Plotly.react` diffs) the chart in `el`. A redraw of the same figure keeps
 * what the person selected and the tool they picked. `onSelect` gets each new selection.
 */
export async function drawPlotly(
  el: HTMLElement,
  request: DrawRequest,
  onSelect: ((event: PlotlyEvent) => void) | null,
): Promise<void> {
  const chart = chartOf(el);
  chart.onSelect = onSelect;
  const figureKey = JSON.stringify([request.spec.length, request.theme, request.styled]);
  const sameFigure =
    chart.figure !== null && chart.figureKey === figureKey && chart.request?.spec === request.spec;
  const figure = sameFigure
    ? (chart.figure as PlotlyFigure)
    : themedFigure(request.spec, request.theme, request.styled, pageColors(request.theme));
  const Plotly = await loadPlotly(bundleFor(traceTypes(figure)));
  const drawn = el as DrawnElement;
  const previous = sameFigure ? { data: drawn.data, layout: drawn.layout } : null;
  // Drawn by the cartesian bundle, now by the full one (another chart needed it): one plotly.js
  // cannot take over another's chart, so it is drawn anew, keeping the selection.
  if (chart.plotly !== null && chart.plotly !== Plotly) chart.plotly.purge(el);
  const layout = selectionLayout(
    { ...figure.layout, width: request.width, height: request.height },
    request.modes,
  );
  const data =
    previous?.data === undefined
      ? figure.data
      : figure.data.map((trace, i) => ({
          ...trace,
          selectedpoints: previous.data?.[i]?.selectedpoints,
        }));
  if (previous?.layout !== undefined) {
    layout.selections = previous.layout.selections;
    layout.dragmode = previous.layout.dragmode;
  }
  const first = chart.plotly !== Plotly;
  chart.plotly = Plotly;
  chart.figure = figure;
  chart.figureKey = figureKey;
  chart.request = request;
  const gd = await Plotly.react(el, data, layout, plotlyConfig(request.config, request.modes));
  if (figure.frames !== undefined && !sameFigure) await Plotly.addFrames(el, figure.frames);
  if (!first) return;
  const send = (next: PlotlyEvent): void => chart.onSelect?.(next);
  gd.on("plotly_selected", (event) => {
    // plotly.js also fires it without an event when a click clears the selection.
    if (event === undefined || chart.request === null) return;
    const next = selectionFromEvent(event, chart.request.modes);
    if (next !== null) send(next);
  });
  gd.on("plotly_deselect", () => send(EMPTY_EVENT));
  gd.on("plotly_doubleclick", () => send(EMPTY_EVENT));
  // As Streamlit: while a box or lasso tool is picked a click does not select points.
  gd.on("plotly_relayout", (update) => {
    const modes = chart.request?.modes ?? [];
    const dragmode = (update as Record<string, unknown> | undefined)?.dragmode;
    if (modes.length === 0 || typeof dragmode !== "string") return;
    const boxing = dragmode === "select" || dragmode === "lasso";
    const clickmode = boxing ? "event" : modes.includes("points") ? "event+select" : "none";
    if ((el as DrawnElement).layout?.clickmode !== clickmode)
      void Plotly.relayout(el, { clickmode });
  });
}

/** Free plotly's listeners and WebGL contexts. */
export function purgePlotly(el: HTMLElement): void {
  charts.get(el)?.plotly?.purge(el);
  charts.delete(el);
}
