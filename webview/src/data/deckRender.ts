// Drawing a deck.gl chart from pydeck's JSON: deck.gl, its layer catalogue (deckCatalog.ts) and
// the JSON converter live in this chunk, loaded on the first map (the element itself, deck.tsx,
// stays small in the main bundle). The base map (maplibre-gl, deckBasemap.ts) is a further chunk,
// loaded only once its style has been fetched: offline, the layers draw on a plain background.
// A layer that fails (its data, model or Carto's API out of reach) is said in the chart.

import { Deck } from "@deck.gl/core";
import type { Layer, MapViewState, PickingInfo } from "@deck.gl/core";
import type { DeckEvent, DeckSelection } from "../core/types";
import type { Theme } from "./hooks";
import { type DeckSelectionMode, nextSelection } from "./deckSelection";
import { type TooltipSpec, parseTooltip, tooltipFor } from "./deckTooltip";
import { CARTO_LAYER_NAMES, convert, loadChunksFor, waitsForChunk } from "./deckCatalog";
import { isZoomable, zoomedView } from "./deckZoom";

/** Carto's styles, as Streamlit 1.67 picks them for a deck without its own `mapStyle`. */
export const CARTO_STYLES: Record<Theme, string> = {
  light: "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json",
  dark: "https://basemaps.cartocdn.com/gl/dark-matter-gl-style/style.json",
};
/** How long the base map's style may take before the chart calls the base map offline. */
const STYLE_TIMEOUT_MS = 2500;

/**
 * The accessors that colour each layer type's objects, faded when not selected: Streamlit 1.67's
 * list. As there, only those the layer's JSON sets are changed.
 */
export const COLOR_ACCESSORS: Record<string, string[]> = {
  ScatterplotLayer: ["getFillColor", "getColor", "getLineColor"],
  ColumnLayer: ["getFillColor"],
  GeoJsonLayer: ["getFillColor"],
  PolygonLayer: ["getFillColor"],
  SolidPolygonLayer: ["getFillColor"],
  H3HexagonLayer: ["getFillColor"],
  H3ClusterLayer: ["getFillColor"],
  S2Layer: ["getFillColor"],
  GeohashLayer: ["getFillColor"],
  QuadkeyLayer: ["getFillColor"],
  MVTLayer: ["getFillColor"],
  ArcLayer: ["getTargetColor", "getSourceColor"],
  IconLayer: ["getColor"],
  LineLayer: ["getColor"],
  PathLayer: ["getColor"],
  PointCloudLayer: ["getColor"],
  TextLayer: ["getColor"],
  TripsLayer: ["getColor"],
  ScenegraphLayer: ["getColor"],
  SimpleMeshLayer: ["getColor"],
};

export type BaseMapStatus = "none" | "loading" | "online" | "offline";

export interface DeckRequest {
  spec: string;
  /** pydeck's tooltip, as JSON text. */
  tooltip: string | undefined;
  theme: Theme;
  /** The page's primary colour as [r, g, b] (st.map's "primary"). */
  primary: [number, number, number];
  width: number;
  height: number;
  selectionMode: DeckSelectionMode | null;
  selection: DeckSelection;
}

export interface DeckCallbacks {
  onSelect: (event: DeckEvent) => void;
  onBaseMap: (status: BaseMapStatus) => void;
  /** What failed in the chart's layers, one line each (empty: nothing). */
  onProblems: (problems: string[]) => void;
  /** Whether the chart gets zoom buttons (deckZoom.ts): said on every drawing. */
  onZoomable: (zoomable: boolean) => void;
}

type Json = Record<string, unknown>;
type Rgba = [number, number, number, number];

interface Chart {
  deck: Deck;
  mapHost: HTMLDivElement;
  styleUrl: string | null;
  basemap: { setView(view: Json): void; setSize(): void; remove(): void } | null;
  initialViewKey: string;
  viewState: Json;
  request: DeckRequest;
  tooltip: TooltipSpec | null;
  callbacks: DeckCallbacks;
  /** What failed, by layer id: kept until the spec changes. */
  problems: Map<string, string>;
}

const charts = new WeakMap<HTMLElement, Chart>();

function isRecord(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "primary" (st.map's default colour) made the theme's, at Streamlit's marker alpha. */
function resolvePrimary(value: unknown, primary: [number, number, number]): unknown {
  return value === "primary" ? [...primary, 160] : value;
}

/** The deck's JSON prepared for the converter: st.map's colour, pickable layers for selections. */
export function preparedSpec(
  spec: Json,
  request: Pick<DeckRequest, "primary" | "selectionMode">,
): Json {
  const out: Json = { ...spec };
  const specLayers = Array.isArray(spec.layers) ? spec.layers : [];
  const anyPickable = specLayers.some((l) => isRecord(l) && Object.hasOwn(l, "pickable"));
  out.layers = specLayers.map((layer) => {
    if (!isRecord(layer)) return layer;
    const copy: Json = { ...layer };
    for (const name of ["getFillColor", "getColor", "getLineColor"])
      if (name in copy) copy[name] = resolvePrimary(copy[name], request.primary);
    // As Streamlit: selections on and no layer says whether it is pickable, all are.
    if (request.selectionMode !== null && !anyPickable) copy.pickable = true;
    return copy;
  });
  return out;
}

/** The style a deck asks for: its own `mapStyle`, Carto's by theme, or none. */
export function styleUrl(spec: Json, theme: Theme): string | null {
  if (Object.hasOwn(spec, "mapProvider") && spec.mapProvider === null) return null;
  const own = Array.isArray(spec.mapStyle) ? spec.mapStyle[0] : spec.mapStyle;
  if (typeof own === "string" && own !== "") {
    if (/^https?:/.test(own)) return own;
    // A Mapbox style needs mapbox-gl and a token: Carto's light or dark style stands in for it.
    if (own.startsWith("mapbox://"))
      return CARTO_STYLES[/dark/.test(own) ? "dark" : /light/.test(own) ? "light" : theme];
    return null;
  }
  return CARTO_STYLES[theme];
}

function colorOf(value: unknown): Rgba | null {
  if (!Array.isArray(value)) return null;
  const [r, g, b, a] = value as number[];
  return [r ?? 0, g ?? 0, b ?? 0, typeof a === "number" ? a : 255];
}

function layerName(layer: Layer): string {
  return (layer.constructor as { layerName?: string }).layerName ?? "";
}

/**
 * A layer whose objects keep their colour when selected and fade when not: the colour accessors
 * of its type that its JSON (`own`) sets.
 */
function highlighted(
  layer: Layer,
  own: Json,
  indices: number[],
  anySelected: boolean,
  fallback: Rgba,
): Layer {
  const accessors = (COLOR_ACCESSORS[layerName(layer)] ?? []).filter((name) => name in own);
  if (accessors.length === 0 || !anySelected) return layer;
  const props = layer.props as unknown as Json;
  const changes: Json = { updateTriggers: { ...(props.updateTriggers as Json) } };
  for (const name of accessors) {
    const original = props[name];
    (changes.updateTriggers as Json)[name] = [indices.join(",")];
    changes[name] = (object: unknown, info: { index: number }): Rgba => {
      const base =
        colorOf(
          typeof original === "function"
            ? (original as (o: unknown, i: unknown) => unknown)(object, info)
            : original,
        ) ?? fallback;
      const selected = indices.includes(info.index);
      return [
        base[0],
        base[1],
        base[2],
        selected ? Math.max(base[3], 255) : Math.min(base[3], 102),
      ];
    };
  }
  return layer.clone(changes);
}

function isLayer(value: unknown): value is Layer {
  return typeof value === "object" && value !== null && "clone" in value;
}

/** A layer's failure as the chart says it (Carto's layers: what they need). */
function problemText(layer: Layer | null, error: Error): [string, string] {
  const root = layer?.root ?? layer;
  const id = root?.id ?? "?";
  const type = root === null || root === undefined ? "" : layerName(root);
  if (CARTO_LAYER_NAMES.has(type))
    return [
      id,
      `Carto's layer "${id}" (${type}) could not load: it needs the internet, Carto's API ` +
        `and its TileJSON as data. (${error.message})`,
    ];
  return [id, `Layer "${id}" failed: ${error.message}`];
}

function report(chart: Chart, id: string, text: string): void {
  if (chart.problems.get(id) === text) return;
  chart.problems.set(id, text);
  chart.callbacks.onProblems([...chart.problems.values()]);
}

function deckProps(chart: Chart): Json {
  const { request } = chart;
  const parsed = JSON.parse(request.spec) as unknown;
  const spec = isRecord(parsed) ? parsed : {};
  const prepared = preparedSpec(spec, request);
  const specLayers = Array.isArray(prepared.layers) ? (prepared.layers as unknown[]) : [];
  // A layer waiting for its chunk (Carto's, the CSV loader) is left out until it is there.
  const converted = convert({
    ...prepared,
    layers: specLayers.map((l) => (waitsForChunk(l) ? null : l)),
  });
  const convertedLayers = Array.isArray(converted.layers) ? (converted.layers as unknown[]) : [];
  const selection = request.selection;
  const anySelected = Object.values(selection.indices).some((v) => v.length > 0);
  const fallback: Rgba = [...request.primary, 255];
  const built: Layer[] = [];
  convertedLayers.forEach((layer, i) => {
    const own = isRecord(specLayers[i]) ? specLayers[i] : {};
    if (waitsForChunk(own)) return;
    if (isLayer(layer)) {
      const shown = highlighted(
        layer,
        own,
        selection.indices[layer.id] ?? [],
        anySelected,
        fallback,
      );
      // A tiled layer's (Carto's) failing tiles only reach its `onTileError` (by default the
      // console): said in the chart too.
      built.push(
        "onTileError" in shown.props
          ? shown.clone({
              onTileError: (e: Error) => report(chart, ...problemText(shown, e)),
            } as Partial<Layer["props"]>)
          : shown,
      );
      return;
    }
    const type = own["@@type"];
    if (typeof type === "string")
      report(chart, `${own.id ?? i}`, `Unknown layer type "${type}": deck.gl has no such layer.`);
  });
  const views =
    Array.isArray(converted.views) && converted.views.length === 1 ? converted.views : undefined;
  return {
    width: request.width,
    height: request.height,
    layers: built,
    ...(views !== undefined ? { views } : {}),
    parameters: isRecord(converted.parameters) ? converted.parameters : undefined,
    getTooltip: (info: PickingInfo) => tooltipFor(chart.tooltip, info.object),
    onClick:
      request.selectionMode === null
        ? null
        : (info: PickingInfo) => {
            const mode = chart.request.selectionMode;
            if (mode === null) return;
            const next = nextSelection(
              chart.request.selection,
              mode,
              `${info.layer?.id ?? null}`,
              info.index,
              info.object,
            );
            if (JSON.stringify(next) === JSON.stringify(chart.request.selection)) return;
            chart.callbacks.onSelect({ selection: next });
          },
  };
}

function initialView(spec: string): Json {
  try {
    const parsed = JSON.parse(spec) as Json;
    return isRecord(parsed.initialViewState) ? parsed.initialViewState : {};
  } catch {
    return {};
  }
}

/** Fetch the style with a short timeout: whether the base map can be drawn at all. */
async function fetchStyle(url: string): Promise<unknown> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), STYLE_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) throw new Error(`${response.status}`);
    return (await response.json()) as unknown;
  } finally {
    clearTimeout(timer);
  }
}

async function startBaseMap(chart: Chart, el: HTMLElement): Promise<void> {
  const url = chart.styleUrl;
  if (url === null) {
    el.dataset.basemap = "none";
    chart.callbacks.onBaseMap("none");
    return;
  }
  el.dataset.basemap = "loading";
  chart.callbacks.onBaseMap("loading");
  try {
    const style = await fetchStyle(url);
    if (chart.styleUrl !== url) return;
    const { createBaseMap } = await import("./deckBasemap");
    const basemap = await createBaseMap(chart.mapHost, style, chart.viewState);
    // Another style asked for, or the chart gone, while maplibre loaded.
    if (chart.styleUrl !== url || charts.get(el) !== chart) {
      basemap.remove();
      return;
    }
    chart.basemap?.remove();
    chart.basemap = basemap;
    el.dataset.basemap = "online";
    chart.callbacks.onBaseMap("online");
  } catch {
    if (chart.styleUrl !== url) return;
    el.dataset.basemap = "offline";
    chart.callbacks.onBaseMap("offline");
  }
  chart.deck.setProps(deckProps(chart));
}

/** Load the chunks a spec needs (Carto's layers, the CSV loader), then draw it again. */
function loadChunks(chart: Chart, el: HTMLElement, spec: Json): void {
  loadChunksFor(spec).then(
    () => {
      if (charts.get(el) === chart) chart.deck.setProps(deckProps(chart));
    },
    (e: unknown) => {
      if (charts.get(el) === chart)
        report(chart, "", `Part of deck.gl's catalogue could not be loaded: ${e}`);
    },
  );
}

/** Draw (or update) the chart in `el`. */
export function drawDeck(el: HTMLDivElement, request: DeckRequest, callbacks: DeckCallbacks): void {
  const existing = charts.get(el);
  const parsed = (() => {
    try {
      const p = JSON.parse(request.spec) as unknown;
      return isRecord(p) ? p : {};
    } catch {
      throw new Error("the chart's JSON could not be read");
    }
  })();
  const url = styleUrl(parsed, request.theme);
  const viewKey = JSON.stringify(initialView(request.spec));
  const waits = waitsForChunk(parsed);
  callbacks.onZoomable(isZoomable(parsed, url));
  if (existing !== undefined) {
    if (existing.request.spec !== request.spec && existing.problems.size > 0) {
      existing.problems.clear();
      callbacks.onProblems([]);
    }
    existing.request = request;
    existing.tooltip = parseTooltip(request.tooltip);
    existing.callbacks = callbacks;
    if (waits) loadChunks(existing, el, parsed);
    const props = deckProps(existing);
    if (viewKey !== existing.initialViewKey) {
      existing.initialViewKey = viewKey;
      existing.viewState = initialView(request.spec);
      props.initialViewState = existing.viewState;
      existing.basemap?.setView(existing.viewState);
      showZoom(el, existing.viewState);
    }
    existing.deck.setProps(props);
    existing.basemap?.setSize();
    if (url !== existing.styleUrl) {
      existing.styleUrl = url;
      existing.basemap?.remove();
      existing.basemap = null;
      void startBaseMap(existing, el);
    }
    return;
  }
  const mapHost = document.createElement("div");
  mapHost.className = "sp-deck-basemap";
  el.appendChild(mapHost);
  const viewState = initialView(request.spec);
  const chart: Chart = {
    deck: null as unknown as Deck,
    mapHost,
    styleUrl: url,
    basemap: null,
    initialViewKey: viewKey,
    viewState,
    request,
    tooltip: parseTooltip(request.tooltip),
    callbacks,
    problems: new Map(),
  };
  charts.set(el, chart);
  callbacks.onProblems([]);
  chart.deck = new Deck({
    parent: el,
    // pydeck's view state: latitude, longitude, zoom and perhaps pitch and bearing.
    initialViewState: viewState as unknown as MapViewState,
    controller: true,
    onViewStateChange: ({ viewState: next }) => {
      chart.viewState = next as Json;
      chart.basemap?.setView(chart.viewState);
      showZoom(el, chart.viewState);
      return next;
    },
    // A layer's failure (its data or model unreachable, a bad mesh): said in the chart.
    onError: (error: Error, layer?: Layer | null) => {
      console.warn(error);
      if (charts.get(el) === chart) report(chart, ...problemText(layer ?? null, error));
    },
    ...(deckProps(chart) as object),
  });
  showZoom(el, viewState);
  if (waits) loadChunks(chart, el, parsed);
  void startBaseMap(chart, el);
}

/** The camera's zoom on the chart's element (`data-zoom`), for tests and tools to read. */
function showZoom(el: HTMLElement, view: Json): void {
  if (typeof view.zoom === "number") el.dataset.zoom = `${view.zoom}`;
}

/** Move the chart's camera `steps` zoom levels in (negative: out): its zoom buttons. */
export function zoomDeck(el: HTMLElement, steps: number): void {
  const chart = charts.get(el);
  if (chart === undefined) return;
  chart.viewState = zoomedView(chart.viewState, steps);
  // A new initialViewState object is how deck.gl takes a camera it did not move itself.
  chart.deck.setProps({ initialViewState: chart.viewState as unknown as MapViewState });
  chart.basemap?.setView(chart.viewState);
  showZoom(el, chart.viewState);
}

/** Release the chart's WebGL contexts. */
export function destroyDeck(el: HTMLElement): void {
  const chart = charts.get(el);
  if (chart === undefined) return;
  charts.delete(el);
  chart.basemap?.remove();
  chart.deck.finalize();
}
