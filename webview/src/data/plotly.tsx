// The `plotly_chart` element (docs/protocol.md, "Plotly charts"). plotly.js (plotlyLoader.ts) and
// the code that themes the figure and reads selections (plotlyRender.ts, its own chunk) load
// once, when the first Plotly chart is drawn: an app without one never downloads them. The chart is redrawn
// when its spec, config, theme or size change; a selection becomes the widget's value.

import { useRef } from "preact/hooks";
import type { JSX } from "preact";
import { lazyModule, useLazyRender } from "../core/lazy";
import type { ElementProps, PlotlyEvent } from "../core/types";
import { useElementWidth, useTheme } from "./hooks";
import { hintedBundle, loadPlotly } from "./plotlyLoader";

export const loadRenderer = lazyModule(() => import("./plotlyRender"));

/**
 * Start plotly.js and the drawing code now if the page names a plotly.js bundle to have ready
 * (the app's script imports plotly: servers/web/page.py). Called once the hello is out, so the
 * script runs on the server while plotly.js evaluates here, instead of one after the other.
 */
export function startHintedPlotly(): void {
  const bundle = hintedBundle();
  if (bundle === null) return;
  void loadPlotly(bundle).catch(() => undefined);
  void loadRenderer().catch(() => undefined);
}

/** Below this, plotly.js lays a chart out badly (as Streamlit's minimum). */
const MIN_WIDTH = 150;
/** plotly.js's height for a figure that sets none. */
const DEFAULT_HEIGHT = 450;

export function PlotlyChart({ node, store }: ElementProps<"plotly_chart">): JSX.Element {
  const props = node.props;
  const outer = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const containerWidth = useElementWidth(outer);
  // The drawing code loads while the element measures its width; it picks the plotly.js bundle
  // from the figure's trace types (unless the page had one started already: startHintedPlotly).
  void loadRenderer().catch(() => undefined);
  const modes = props.selection_mode ?? [];
  const selectable = props.id !== undefined && modes.length > 0;

  // A fixed `width` is at most the container's; stretch takes the container's.
  const width =
    containerWidth > 0
      ? Math.max(
          MIN_WIDTH,
          typeof props.width === "number" ? Math.min(props.width, containerWidth) : containerWidth,
        )
      : 0;

  // The latest node for the selection handler, which plotly.js keeps across redraws.
  const latest = useRef(node);
  latest.current = node;
  const onSelect = (next: PlotlyEvent): void => {
    const current = latest.current;
    if (current.props.id === undefined) return;
    if (JSON.stringify(next) === JSON.stringify(store.widgetValue(current))) return;
    store.setWidgetValue(current, next);
  };

  const { error, drawn } = useLazyRender(
    loadRenderer,
    host,
    async ({ drawPlotly }, el) => {
      const height =
        typeof props.height === "number" ? props.height : el.clientHeight || DEFAULT_HEIGHT;
      // plotly.js keeps the chart across drawings (Plotly.react diffs): nothing to undo.
      await drawPlotly(
        el,
        {
          spec: props.spec,
          theme,
          styled: props.theme !== false,
          config: props.config,
          width,
          height,
          modes,
        },
        selectable ? onSelect : null,
      );
      return undefined;
    },
    [
      props.spec,
      props.config,
      props.theme,
      props.height,
      theme,
      width,
      modes.join(","),
      selectable,
    ],
    { enabled: width > 0, unmount: ({ purgePlotly }, el) => purgePlotly(el) },
  );
  // The placeholder holds the chart's place until its first drawing (not during a redraw).
  const everDrawn = useRef(false);
  everDrawn.current ||= drawn;

  const style: JSX.CSSProperties = {};
  if (typeof props.width === "number") style.maxWidth = `${props.width}px`;
  if (props.height === "stretch") style.height = "100%";
  const pending = typeof props.height === "number" ? props.height : DEFAULT_HEIGHT;
  return (
    <div
      class="sp-plotly"
      ref={outer}
      style={style}
      role={props.alt !== undefined ? "img" : undefined}
      aria-label={props.alt}
    >
      {!everDrawn.current && error === null && (
        <div class="sp-plotly-loading" style={{ height: `${pending}px` }} aria-busy="true" />
      )}
      {error !== null && <div class="sp-plotly-error">{`Chart error: ${error}`}</div>}
      <div
        ref={host}
        class="sp-plotly-host"
        style={props.height === "stretch" ? { height: "100%" } : undefined}
      />
    </div>
  );
}
