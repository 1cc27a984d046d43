// A Plotly chart's selection as its widget value (docs/protocol.md, "Plotly charts"): the same
// `{selection: {points, point_indices, box, lasso}}` Streamlit reports, built from plotly.js's
// `plotly_selected` event.

import type { PlotlyArea, PlotlyChartProps, PlotlyEvent } from "../core/types";

export type SelectionMode = NonNullable<PlotlyChartProps["selection_mode"]>[number];

export const EMPTY_EVENT: PlotlyEvent = {
  selection: { points: [], point_indices: [], box: [], lasso: [] },
};

/** A lasso's SVG path (`M x,y L x,y … Z`) as its vertices. */
export function lassoVertices(path: string): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  if (path === "") return { x, y };
  for (const point of path.replace("M", "").replace("Z", "").split("L")) {
    const [px, py] = point.split(",").map(Number);
    x.push(px ?? NaN);
    y.push(py ?? NaN);
  }
  return { x, y };
}

/** A key as Streamlit reports it: camelCase split with `_` (runs of capitals kept), the first
 * `.` made `_` (`pointNumber` → `point_number`, `marker.size` → `marker_size`). */
function snake(key: string): string {
  return key
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/(^|_)([A-Z])(?![A-Z])/g, (_m, before: string, c: string) => before + c.toLowerCase())
    .replace(".", "_");
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` with every object's keys made snake_case, at any depth. */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === "function") continue;
    out[snake(k)] = snakeKeys(v);
  }
  return out;
}

/** A selected point as the script sees it: plotly's keys in snake_case, without the trace's
 * `data` / `fullData` and the axes (large, and not the point), with the trace's `legendgroup`
 * when set. */
function pointOf(point: Json): Json {
  const own: Json = {};
  for (const [k, v] of Object.entries(point)) {
    if (k !== "data" && k !== "fullData" && k !== "xaxis" && k !== "yaxis") own[k] = v;
  }
  const legendgroup = isRecord(point.data) ? point.data.legendgroup : undefined;
  if (typeof legendgroup === "string" && legendgroup !== "") own.legendgroup = legendgroup;
  return snakeKeys(own) as Json;
}

/**
 * The selection in a `plotly_selected` event, or null when it uses a mode the chart does not
 * allow (the runtime would refuse it).
 */
export function selectionFromEvent(
  event: unknown,
  modes: readonly SelectionMode[],
): PlotlyEvent | null {
  const e = isRecord(event) ? event : {};
  const points = Array.isArray(e.points) ? e.points.filter(isRecord) : [];
  const selections = Array.isArray(e.selections) ? e.selections.filter(isRecord) : [];
  const indices = new Set<number>();
  for (const p of points) {
    if (typeof p.pointIndex === "number") indices.add(p.pointIndex);
    // A histogram bar (and the like) stands for several points.
    if (Array.isArray(p.pointIndices))
      for (const i of p.pointIndices) if (typeof i === "number") indices.add(i);
  }
  const box: PlotlyArea[] = [];
  const lasso: PlotlyArea[] = [];
  for (const s of selections) {
    const refs = { xref: String(s.xref ?? "x"), yref: String(s.yref ?? "y") };
    if (s.type === "rect") {
      const complete = ["x0", "x1", "y0", "y1"].every((k) => k in s);
      box.push({ ...refs, x: complete ? [s.x0, s.x1] : [], y: complete ? [s.y0, s.y1] : [] });
    } else if (s.type === "path") {
      lasso.push({ ...refs, ...lassoVertices(typeof s.path === "string" ? s.path : "") });
    }
  }
  if ((box.length > 0 && !modes.includes("box")) || (lasso.length > 0 && !modes.includes("lasso")))
    return null;
  return {
    selection: { points: points.map(pointOf), point_indices: [...indices], box, lasso },
  };
}

/** The layout keys that make plotly.js select as the chart's modes allow (the figure's own
 * `clickmode`, `hovermode` and `dragmode` win), as Streamlit's chart does. */
export function selectionLayout(
  layout: Record<string, unknown>,
  modes: readonly SelectionMode[],
): Record<string, unknown> {
  if (modes.length === 0) return layout;
  const points = modes.includes("points");
  const dragmode =
    layout.dragmode ??
    (points ? "pan" : modes.includes("box") ? "select" : modes.includes("lasso") ? "lasso" : "pan");
  const boxing = dragmode === "select" || dragmode === "lasso";
  return {
    ...layout,
    clickmode: layout.clickmode ?? (boxing ? "event" : points ? "event+select" : "none"),
    hovermode: layout.hovermode ?? "closest",
    dragmode,
  };
}
