// The base map under a deck.gl chart: maplibre-gl drawing the style the chart fetched (Carto's
// by default), following deck.gl's camera. Its own chunk, loaded only when the style arrived, so
// an offline chart never downloads it. maplibre's worker is served beside the bundle
// (static/maplibre-gl-worker.mjs, copied by webview/build.mjs) and started as
// core/worker_url.ts says (VS Code's panel).

import * as maplibregl from "maplibre-gl";
import { workerUrl } from "../core/worker_url";

type Json = Record<string, unknown>;

function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function camera(view: Json): {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
} {
  return {
    center: [num(view.longitude, 0), num(view.latitude, 0)],
    zoom: num(view.zoom, 1),
    bearing: num(view.bearing, 0),
    pitch: num(view.pitch, 0),
  };
}

export interface BaseMap {
  setView(view: Json): void;
  setSize(): void;
  remove(): void;
}

export async function createBaseMap(
  host: HTMLDivElement,
  style: unknown,
  view: Json,
): Promise<BaseMap> {
  maplibregl.setWorkerUrl(
    await workerUrl(new URL("../maplibre-gl-worker.mjs", import.meta.url).href),
  );
  const map = new maplibregl.Map({
    container: host,
    style: style as maplibregl.StyleSpecification,
    interactive: false,
    // The chart writes the attribution itself (maplibre's control needs its stylesheet).
    attributionControl: false,
    ...camera(view),
  });
  return {
    setView: (next) => map.jumpTo(camera(next)),
    setSize: () => map.resize(),
    remove: () => map.remove(),
  };
}
