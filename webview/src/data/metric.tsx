// The `metric` element: a label, a big value, and a delta with an arrow in its colour (the
// runtime resolves `delta_color` and `delta_arrow` into `color` and `direction`).

import type { JSX } from "preact";
import type { ElementProps, MetricProps } from "../core/types";
import { compileNumberFormat } from "./columnFormat";

type Direction = MetricProps["direction"];

/** `text` in `format` (as a number column's) when it is a finite number, as Streamlit does. */
export function formatMetric(text: string, format: string | undefined): string {
  if (format === undefined || text.trim() === "") return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const formatter = compileNumberFormat(format, undefined);
  if (formatter === undefined) return text;
  try {
    return formatter(value);
  } catch {
    return text;
  }
}

function Arrow({ direction }: { direction: Direction }): JSX.Element | null {
  if (direction === "none") return null;
  return (
    <svg class="sp-metric-arrow" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path
        d={direction === "up" ? "M8 3l5 6H9v4H7V9H3z" : "M8 13l5-6H9V3H7v4H3z"}
        fill="currentColor"
      />
    </svg>
  );
}

function Sparkline({ points, type }: { points: number[]; type: string }): JSX.Element | null {
  const finite = points.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const w = 100;
  const h = 30;
  const lo = Math.min(...finite, type === "bar" ? 0 : Infinity);
  const hi = Math.max(...finite);
  const span = hi - lo || 1;
  const x = (i: number): number => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * w);
  const y = (v: number): number => h - ((v - lo) / span) * h;
  if (type === "bar") {
    const bw = w / points.length;
    return (
      <svg
        class="sp-metric-chart"
        viewBox={`0 0 ${w} ${h}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {points.map((v, i) =>
          Number.isFinite(v) ? (
            <rect key={i} x={i * bw + bw * 0.1} width={bw * 0.8} y={y(v)} height={h - y(v)} />
          ) : null,
        )}
      </svg>
    );
  }
  const line = points
    .map((v, i) => `${x(i).toFixed(2)},${y(Number.isFinite(v) ? v : lo).toFixed(2)}`)
    .join(" ");
  return (
    <svg
      class="sp-metric-chart"
      viewBox={`0 0 ${w} ${h}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {type === "area" && <polygon points={`0,${h} ${line} ${w},${h}`} class="sp-metric-area" />}
      <polyline points={line} fill="none" vector-effect="non-scaling-stroke" />
    </svg>
  );
}

export function Metric({ node }: ElementProps<"metric">): JSX.Element {
  const p = node.props;
  const { label, color, direction, help } = p;
  const value = formatMetric(p.value, p.format);
  const delta = p.delta === undefined ? undefined : formatMetric(p.delta, p.format);
  const visibility = p.label_visibility;
  const points = p.chart_data ?? [];
  return (
    <div
      class={"sp-metric" + (p.border === true ? " sp-metric-border" : "")}
      data-testid="stMetric"
    >
      {visibility !== "collapsed" && (
        <div
          class="sp-metric-label"
          style={visibility === "hidden" ? { visibility: "hidden" } : undefined}
        >
          {p.icon !== undefined && <span class="sp-metric-icon">{p.icon}</span>}
          <span>{label}</span>
          {help !== undefined && (
            <span class="sp-help-icon" title={help} aria-label={help} role="img" tabIndex={0}>
              ?
            </span>
          )}
        </div>
      )}
      <div class="sp-metric-value">{value}</div>
      {delta !== undefined && (
        <div class={`sp-metric-delta sp-color-${color}`} data-color={color}>
          <Arrow direction={direction} />
          <span>{delta}</span>
          {p.delta_description !== undefined && (
            <span class="sp-metric-delta-desc">{p.delta_description}</span>
          )}
        </div>
      )}
      {points.length > 0 && <Sparkline points={points} type={p.chart_type ?? "line"} />}
    </div>
  );
}
