// The `echarts_chart` element: an ECharts option drawn by echarts (its own chunk, loaded on the
// first chart), in the app's theme unless `theme` is false, resized with its container. With an
// `id` it is a widget: clicks and brushing become its value (echartsSelection.ts).

import { useEffect, useRef } from "preact/hooks";
import type { JSX } from "preact";
import type { ECharts } from "echarts";
import { lazyModule, useLazyRender } from "../core/lazy";
import type { ElementProps, EChartsEvent } from "../core/types";
import { useElementWidth, useTheme } from "../data/hooks";
import { selectionEvent } from "./echartsSelection";
import type { RawArea, RawSelected } from "./echartsSelection";

/** echarts and the theme code (which reads the page's colours): one chunk, on first use. */
const loadECharts = lazyModule(() =>
  Promise.all([import("echarts"), import("./echartsTheme")]).then(([echarts, theme]) => ({
    echarts,
    streamlitTheme: theme.streamlitTheme,
    streamlitLayout: theme.streamlitLayout,
  })),
);

export function EChartsChart({ node, store }: ElementProps<"echarts_chart">): JSX.Element {
  const props = node.props;
  const outer = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const theme = useTheme();
  const containerWidth = useElementWidth(outer);
  const selectable = props.id !== undefined;
  const latest = useRef(node);
  latest.current = node;

  const width =
    typeof props.width === "number"
      ? containerWidth > 0
        ? Math.min(props.width, containerWidth)
        : props.width
      : containerWidth;
  const height = typeof props.height === "number" ? props.height : undefined;

  const { error } = useLazyRender(
    loadECharts,
    host,
    ({ echarts, streamlitTheme, streamlitLayout }, el) => {
      const spec = JSON.parse(props.spec) as Record<string, unknown>;
      const option = props.theme === false ? spec : streamlitLayout(spec);
      if (props.alt !== undefined) {
        const aria = (option.aria ?? {}) as Record<string, unknown>;
        option.aria = {
          ...aria,
          enabled: true,
          label: { ...((aria.label ?? {}) as object), description: props.alt },
        };
      }
      const instance = echarts.init(el, props.theme === false ? undefined : streamlitTheme(theme), {
        renderer: props.renderer ?? "canvas",
        width,
        height: height ?? el.clientHeight,
      });
      chart.current = instance;
      instance.setOption(option, { notMerge: true });
      if (selectable) {
        let clicked: RawSelected[] = [];
        let brushed: RawSelected[] = [];
        let areas: RawArea[] = [];
        const report = (): void => {
          const series = (instance.getOption().series ?? []) as {
            id?: unknown;
            name?: unknown;
          }[];
          const names = series.map((s) => ({
            // ECharts names unnamed series itself ("series\u00000"): Streamlit reports null.
            id: typeof s.id === "string" && !s.id.includes("\u0000") ? s.id : undefined,
            name: typeof s.name === "string" && !s.name.includes("\u0000") ? s.name : undefined,
          }));
          const next: EChartsEvent = selectionEvent(clicked, brushed, areas, names);
          const current = latest.current;
          if (current.props.id === undefined) return;
          if (JSON.stringify(next) === JSON.stringify(store.widgetValue(current))) return;
          store.setWidgetValue(current, next);
        };
        instance.on("selectchanged", (e: unknown) => {
          clicked = ((e as { selected?: RawSelected[] }).selected ?? []).map((s) => ({
            seriesIndex: s.seriesIndex,
            dataType: s.dataType,
            dataIndex: [...s.dataIndex],
          }));
          report();
        });
        instance.on("brushselected", (e: unknown) => {
          const batch = (e as { batch?: { areas?: RawArea[]; selected?: RawSelected[] }[] })
            .batch?.[0];
          areas = batch?.areas ?? [];
          brushed = batch?.selected ?? [];
          report();
        });
      }
      return () => {
        if (chart.current === instance) chart.current = null;
        instance.dispose();
      };
    },
    [props.spec, props.theme, props.renderer, props.alt, theme, selectable],
    // Hidden (a tab not shown: width 0), the chart waits, and stays as it was.
    { enabled: width > 0 },
  );

  useEffect(() => {
    const instance = chart.current;
    const el = host.current;
    if (instance === null || el === null || width === 0) return;
    instance.resize({ width, height: height ?? el.clientHeight });
  }, [width, height]);

  const style: JSX.CSSProperties = {};
  if (typeof props.width === "number") style.maxWidth = `${props.width}px`;
  if (props.height === "stretch") style.height = "100%";
  return (
    <div
      class="sp-echarts"
      ref={outer}
      style={style}
      data-testid="stEChartsChart"
      role={props.alt !== undefined ? "img" : undefined}
      aria-label={props.alt}
    >
      {error !== null && <div class="sp-chart-error">{`Chart error: ${error}`}</div>}
      <div
        ref={host}
        class="sp-echarts-host"
        style={{ height: height !== undefined ? `${height}px` : "100%", minHeight: "150px" }}
      />
    </div>
  );
}
