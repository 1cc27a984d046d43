// The `deck_gl_json_chart` element (`st.pydeck_chart`, `st.map`; docs/protocol.md, "deck.gl
// charts"). deck.gl and the code that reads pydeck's JSON (deckRender.ts, its own chunk) load
// when the first such chart is drawn: an app without one never downloads them. A click on an
// object of a selectable chart becomes the widget's value.

import { useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import { lazyModule, useLazyRender } from "../core/lazy";
import { pageColor } from "../core/palette";
import type { DeckEvent, DeckSelection, ElementProps } from "../core/types";
import { useElementWidth, useTheme, type Theme } from "./hooks";
import type { BaseMapStatus } from "./deckRender";

export const loadDeckRenderer = lazyModule(() => import("./deckRender"));

const DEFAULT_HEIGHT = 500;
// Said here rather than imported from deckSelection.ts, which lives in deck.gl's chunk: sharing a
// module would split it into one more file every app loads.
const EMPTY_SELECTION: DeckSelection = { indices: {}, objects: {} };

function hasSelection(event: DeckEvent | undefined): boolean {
  return event !== undefined && Object.values(event.selection.indices).some((v) => v.length > 0);
}
const ATTRIBUTION = "© CARTO © OpenStreetMap contributors";

/** The page's primary colour as deck.gl takes colours, [r, g, b]. */
function primaryRgb(theme: Theme): [number, number, number] {
  const color = pageColor("primary", theme);
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color)?.slice(1);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)?.slice(1);
  const parts = rgb?.map(Number) ?? hex?.map((h) => parseInt(h, 16)) ?? [0, 0, 0];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

/** Streamlit 1.67's +/− buttons (react-map-gl's titles), over the chart's top right. */
function ZoomButtons({ zoom }: { zoom: (steps: number) => void }): JSX.Element {
  return (
    <div class="sp-deck-zoom" role="group" aria-label="Map zoom">
      <button type="button" class="sp-deck-zoom-in" title="Zoom In" onClick={() => zoom(1)}>
        <svg viewBox="0 0 29 29" aria-hidden="true">
          <path d="M10 14.5h9M14.5 10v9" />
        </svg>
      </button>
      <button type="button" class="sp-deck-zoom-out" title="Zoom Out" onClick={() => zoom(-1)}>
        <svg viewBox="0 0 29 29" aria-hidden="true">
          <path d="M10 14.5h9" />
        </svg>
      </button>
    </div>
  );
}

export function DeckChart({ node, store }: ElementProps<"deck_gl_json_chart">): JSX.Element {
  const props = node.props;
  const outer = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const containerWidth = useElementWidth(outer);
  const [baseMap, setBaseMap] = useState<BaseMapStatus>("loading");
  const [problems, setProblems] = useState<string[]>([]);
  const [zoomable, setZoomable] = useState(false);
  const selectable = props.id !== undefined && props.selection_mode !== undefined;
  const event: DeckEvent | undefined = selectable ? store.widgetValue(node) : undefined;
  const selection = event?.selection ?? EMPTY_SELECTION;

  const width =
    containerWidth > 0
      ? typeof props.width === "number"
        ? Math.min(props.width, containerWidth)
        : containerWidth
      : 0;

  // The latest node for the click handler, which deck.gl keeps across updates.
  const latest = useRef(node);
  latest.current = node;
  const onSelect = (next: DeckEvent): void => {
    const current = latest.current;
    if (current.props.id === undefined) return;
    store.setWidgetValue(current, next);
  };

  const { error } = useLazyRender(
    loadDeckRenderer,
    host,
    ({ drawDeck }, el, active) => {
      const height =
        typeof props.height === "number" ? props.height : el.clientHeight || DEFAULT_HEIGHT;
      // The deck stays across drawings (deckRender.ts keeps one per element): each updates it.
      drawDeck(
        el,
        {
          spec: props.spec,
          tooltip: props.tooltip,
          theme,
          primary: primaryRgb(theme),
          width,
          height,
          selectionMode: selectable ? (props.selection_mode ?? null) : null,
          selection,
        },
        {
          onSelect,
          onBaseMap: (status) => {
            if (active()) setBaseMap(status);
          },
          onProblems: (next) => {
            if (active()) setProblems(next);
          },
          onZoomable: (next) => {
            if (active()) setZoomable(next);
          },
        },
      );
      return undefined;
    },
    [
      props.spec,
      props.tooltip,
      props.height,
      props.selection_mode,
      theme,
      width,
      selectable,
      JSON.stringify(selection),
    ],
    { enabled: width > 0, unmount: ({ destroyDeck }, el) => destroyDeck(el) },
  );

  // Data URLs the runtime could not download come first: they explain an empty layer.
  const shownProblems = [...(props.data_errors ?? []), ...problems];
  const zoom = (steps: number): void => {
    const el = host.current;
    if (el !== null) void loadDeckRenderer().then(({ zoomDeck }) => zoomDeck(el, steps));
  };
  const style: JSX.CSSProperties = {};
  if (typeof props.width === "number") style.maxWidth = `${props.width}px`;
  style.height = typeof props.height === "number" ? `${props.height}px` : "100%";
  return (
    <div
      class="sp-deck"
      ref={outer}
      style={style}
      role={props.alt !== undefined ? "img" : undefined}
      aria-label={props.alt}
      data-basemap={baseMap}
      data-zoomable={zoomable ? "" : undefined}
    >
      {error !== null && <div class="sp-deck-error">{`Chart error: ${error}`}</div>}
      <div ref={host} class="sp-deck-host" />
      {shownProblems.length > 0 && (
        <div class="sp-deck-problem" role="alert">
          {shownProblems.join("\n")}
        </div>
      )}
      {baseMap === "offline" && (
        <div class="sp-deck-note" role="note">
          Base map offline: layers are drawn without it.
        </div>
      )}
      {baseMap === "online" && <div class="sp-deck-attribution">{ATTRIBUTION}</div>}
      {zoomable && error === null && <ZoomButtons zoom={zoom} />}
      {selectable && hasSelection(event) && (
        <button
          type="button"
          class="sp-deck-clear"
          onClick={() => onSelect({ selection: EMPTY_SELECTION })}
        >
          Clear selection
        </button>
      )}
    </div>
  );
}
