// The `vega_lite` element: rebuild the datasets from column payloads, then draw with vega-embed.
// Under the CSP there is no eval, so expressions run in vega-interpreter (`ast: true`). A chart
// is embedded again only when its spec, data or theme changed; container resizes only resize.
// With `selection_mode` the chart is a widget: its selections are its value (vegaSelection.ts).

import { useEffect, useMemo, useRef } from "preact/hooks";
import type { JSX } from "preact";
import type { Result, VisualizationSpec } from "vega-embed";
import { lazyModule, useLazyRender } from "../core/lazy";
import type { ElementProps, VegaLiteEvent, VegaLiteProps } from "../core/types";
import { allDatasetRows, datasetHashes, parseDatasets, specWithData } from "./datasets";
import { useElementWidth, usePayloads, useTheme } from "./hooks";
import { runtimeValue, specForSelections, watchSelections } from "./vegaSelection";
import { vegaConfig } from "./vegaTheme";

const COMPOUND = ["hconcat", "vconcat", "concat", "facet", "repeat"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether the chart's width can be set as one number (not a concatenation or facet). */
function singleView(spec: Record<string, unknown>): boolean {
  if (COMPOUND.some((k) => k in spec)) return false;
  const enc = spec.encoding;
  return !(isRecord(enc) && ("row" in enc || "column" in enc || "facet" in enc));
}

/**
 * Vega is most of the bundle's weight: it is loaded (once) when the first chart needs it, so
 * apps without charts start faster.
 */
const loadVega = lazyModule(() =>
  Promise.all([import("vega-embed"), import("vega-interpreter")]).then(
    ([embedModule, interpreter]) => ({
      embed: embedModule.default,
      expressionInterpreter: interpreter.expressionInterpreter,
    }),
  ),
);

/** Height of a chart that does not set one, in pixels (Streamlit's default). */
const DEFAULT_HEIGHT = 350;

/** The spec with the width and height the element asks for. */
export function sizedSpec(
  spec: Record<string, unknown>,
  props: Pick<VegaLiteProps, "use_container_width" | "width" | "height">,
  containerWidth: number,
): Record<string, unknown> {
  const out = { ...spec };
  const stretch = props.use_container_width;
  // The runtime always sets autosize; a spec without one still must not overflow its column.
  if (stretch && out.autosize === undefined) out.autosize = { type: "fit-x", contains: "padding" };
  if (singleView(spec)) {
    if (typeof props.width === "number") out.width = props.width;
    else if ((stretch || out.width === 0) && containerWidth > 0) out.width = containerWidth;
    if (typeof props.height === "number") out.height = props.height;
    // Built-in charts (st.line_chart…) leave their size to the viewer with 0, as Streamlit's do.
    else if (out.height === 0 || out.height === undefined) out.height = DEFAULT_HEIGHT;
  } else if (stretch && containerWidth > 0 && Array.isArray(spec.vconcat)) {
    // Stacked charts each take the full width (as Streamlit's "fit-x" autosize does).
    out.vconcat = spec.vconcat.map((v: unknown) =>
      isRecord(v) && singleView(v) && v.width === undefined ? { ...v, width: containerWidth } : v,
    );
  }
  return out;
}

export function VegaLite({ node, store }: ElementProps<"vega_lite">): JSX.Element {
  const props = node.props;
  const host = useRef<HTMLDivElement>(null);
  const outer = useRef<HTMLDivElement>(null);
  const view = useRef<Result | null>(null);
  const theme = useTheme();
  const width = useElementWidth(outer);

  // Datasets are named by content: the same JSON means the same tables, whatever the upsert.
  const datasetsKey = JSON.stringify(props.datasets);
  const tables = useMemo(() => parseDatasets(props.datasets), [datasetsKey]);
  const hashes = useMemo(() => datasetHashes(tables), [tables]);
  const tick = usePayloads(store, hashes);
  const complete = hashes.every((h) => store.getPayload(h) !== undefined);
  const modes = props.selection_mode ?? [];
  const widgetId = modes.length > 0 ? props.id : undefined;
  const spec = props.spec;
  const stretch = props.use_container_width;
  // Dataset names are content hashes, so spec text + names identify the chart exactly.
  const identity = useMemo(
    () =>
      JSON.stringify([
        spec,
        [...tables.keys()],
        props.width,
        props.height,
        props.theme,
        props.alt,
        widgetId,
        modes,
      ]),
    [spec, tables, props.width, props.height, props.theme, props.alt, widgetId, modes.join(",")],
  );
  useEffect(() => {
    if (widgetId !== undefined) runtimeValue(widgetId, props.value, modes);
  }, [widgetId, props.value]);
  // The latest node for the selection listener, which the view keeps across reruns.
  const latest = useRef(node);
  latest.current = node;
  const select = (id: string, event: VegaLiteEvent): void => {
    const current = latest.current;
    if (current.props.id === id) store.setWidgetValue(current, event);
  };
  const data = useMemo(
    () => (complete ? allDatasetRows(tables, (h) => store.getPayload(h)) : undefined),
    [tables, store, complete],
  );

  const ready =
    data !== undefined && (!stretch || width > 0 || typeof ResizeObserver !== "function");

  // The width the chart was embedded at; later width changes resize the view in place.
  const embeddedWidth = useRef(0);

  const { error } = useLazyRender(
    loadVega,
    host,
    async ({ embed, expressionInterpreter }, el, active) => {
      let drawn = widgetId !== undefined ? specForSelections(spec) : spec;
      // `alt` is the chart's accessible name: vega labels its drawing with the description.
      if (props.alt !== undefined) drawn = { ...drawn, description: props.alt };
      const full = specWithData(sizedSpec(drawn, props, width), data!);
      embeddedWidth.current = width;
      const result = await embed(el, full as unknown as VisualizationSpec, {
        ast: true,
        expr: expressionInterpreter,
        actions: false,
        renderer: "svg",
        config: vegaConfig(theme, props.theme !== false),
        tooltip: { theme },
        logLevel: 0,
      });
      if (!active()) return () => result.finalize();
      view.current = result;
      const stop =
        widgetId !== undefined
          ? watchSelections(widgetId, result.view, el, modes, (event) => select(widgetId, event))
          : undefined;
      return () => {
        stop?.();
        if (view.current === result) view.current = null;
        result.finalize();
      };
    },
    // Re-embed on identity/data/theme only; `width` is handled by the resize effect below.
    [identity, data, theme],
    { enabled: ready && data !== undefined },
  );

  useEffect(() => {
    const result = view.current;
    if (
      result === null ||
      !stretch ||
      width <= 0 ||
      width === embeddedWidth.current ||
      !singleView(spec)
    )
      return;
    embeddedWidth.current = width;
    result.view.width(width);
    void result.view.runAsync();
  }, [width]);

  const style: JSX.CSSProperties = {};
  if (typeof props.width === "number") style.width = `${props.width}px`;
  if (props.height === "stretch") style.height = "100%";
  return (
    <div class="sp-vega" ref={outer} style={style} data-tick={tick}>
      {!ready && (
        <div
          class="sp-vega-loading"
          style={{ height: `${typeof props.height === "number" ? props.height : 350}px` }}
          aria-busy="true"
        />
      )}
      {error !== null && <div class="sp-vega-error">{`Chart error: ${error}`}</div>}
      {props.data_errors !== undefined && (
        <div class="sp-vega-error" role="alert">
          {props.data_errors.join("\n")}
        </div>
      )}
      <div ref={host} class="sp-vega-host" />
    </div>
  );
}
