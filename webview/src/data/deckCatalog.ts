// What pydeck's JSON may name, as Streamlit 1.67's converter registers it: the layers of
// @deck.gl/layers, aggregation-layers, geo-layers and mesh-layers, the layer extensions and the
// views (here, in deck.gl's chunk: geo-layers already brings the mesh layers and the extensions'
// module along), and the glTF loader for a model given as a URL. Two further chunks load only for
// a spec that needs them: Carto's layers and colour functions (`{"@@function": "colorBins", ...}`,
// deckExtras.ts), and loaders.gl's CSV loader for a layer whose `data` is a CSV file's URL
// (deckCsv.ts, a separate bundle: it brings Apache Arrow along), or whose `data` is such a file's
// text, downloaded by the runtime (csvText below).

import { FirstPersonView, MapView, OrbitView, OrthographicView, _GlobeView } from "@deck.gl/core";
import * as layers from "@deck.gl/layers";
import * as aggregationLayers from "@deck.gl/aggregation-layers";
import * as geoLayers from "@deck.gl/geo-layers";
import * as meshLayers from "@deck.gl/mesh-layers";
import {
  BrushingExtension,
  ClipExtension,
  CollisionFilterExtension,
  DataFilterExtension,
  FillStyleExtension,
  Fp64Extension,
  MaskExtension,
  PathStyleExtension,
  _TerrainExtension,
} from "@deck.gl/extensions";
import { JSONConverter } from "@deck.gl/json";
import { parse, registerLoaders, setLoaderOptions } from "@loaders.gl/core";
import { GLTFLoader } from "@loaders.gl/gltf";
import { lazyModule } from "../core/lazy";

// As 1.67: a model (or data) given as a URL may be a glTF file.
registerLoaders([GLTFLoader]);
// loaders.gl would parse some formats (vector tiles: MVTLayer's, Carto's) in workers fetched from
// a CDN, which the page's CSP refuses and which is not there offline: parse them on the page.
setLoaderOptions({ core: { worker: false } });

/** Carto's layers (@deck.gl/carto's CARTO_LAYERS), named here to know them before the chunk loads. */
export const CARTO_LAYER_NAMES: ReadonlySet<string> = new Set([
  "ClusterTileLayer",
  "H3TileLayer",
  "HeatmapTileLayer",
  "PointLabelLayer",
  "QuadbinTileLayer",
  "RasterTileLayer",
  "VectorTileLayer",
]);
/** Carto's colour functions that 1.67 registers. */
export const CARTO_FUNCTION_NAMES: ReadonlySet<string> = new Set([
  "colorBins",
  "colorCategories",
  "colorContinuous",
]);
const EXTENSIONS = {
  BrushingExtension,
  ClipExtension,
  CollisionFilterExtension,
  DataFilterExtension,
  FillStyleExtension,
  Fp64Extension,
  MaskExtension,
  PathStyleExtension,
  TerrainExtension: _TerrainExtension,
  _TerrainExtension,
};
/** The layer extensions 1.67 registers (@deck.gl/extensions' classes, TerrainExtension twice). */
export const EXTENSION_NAMES: ReadonlySet<string> = new Set(Object.keys(EXTENSIONS));

const BASE_CLASSES = {
  ...layers,
  ...aggregationLayers,
  ...geoLayers,
  ...meshLayers,
  ...EXTENSIONS,
  MapView,
  OrbitView,
  OrthographicView,
  FirstPersonView,
  GlobeView: _GlobeView,
  _GlobeView,
};

export const loadExtras = lazyModule(() => import("./deckExtras"));
// The CSV loader is a bundle of its own beside the chunks (webview/build.mjs says why); it
// registers itself with loaders.gl, whose registry is shared through `globalThis`.
const csvBundle = (): string => new URL("../deck-csv.js", import.meta.url).href;
export const loadCsv = lazyModule(() => import(/* @vite-ignore */ csvBundle()) as Promise<unknown>);

let extrasLoaded = false;
let csvLoaded = false;

/** The CSV texts parsed lately, so that a redraw hands deck.gl the same data (no reload). */
const parsedCsv = new Map<string, Promise<unknown>>();
const PARSED_CSV_KEPT = 8;

/**
 * `{"@@function": "csvText", "text": ...}`: a CSV file the runtime downloaded for a layer whose
 * `data` was its URL (the page may not fetch it: elements/chart_urls.py), parsed by the CSV loader
 * that would have read the URL. deck.gl takes a promise as a layer's data.
 */
function csvText({ text }: { text: unknown }): Promise<unknown> {
  const source = typeof text === "string" ? text : "";
  const known = parsedCsv.get(source);
  if (known !== undefined) return known;
  const parsed = parse(source, { core: { mimeType: "text/csv" } });
  parsedCsv.set(source, parsed);
  if (parsedCsv.size > PARSED_CSV_KEPT) parsedCsv.delete(parsedCsv.keys().next().value!);
  return parsed;
}

let converter = makeConverter(null);

function makeConverter(extras: typeof import("./deckExtras") | null): JSONConverter {
  return new JSONConverter({
    configuration: {
      classes: { ...BASE_CLASSES, ...(extras?.EXTRA_CLASSES ?? {}) },
      functions: { csvText, ...(extras?.EXTRA_FUNCTIONS ?? {}) },
    },
  });
}

function typeOf(json: unknown, key: "@@type" | "@@function"): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const value = (json as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

/** Whether a spec names a Carto layer or a Carto function (deckExtras.ts). */
export function needsCarto(json: unknown): boolean {
  if (Array.isArray(json)) return json.some(needsCarto);
  if (typeof json !== "object" || json === null) return false;
  const type = typeOf(json, "@@type");
  const fn = typeOf(json, "@@function");
  if (type !== null && CARTO_LAYER_NAMES.has(type)) return true;
  if (fn !== null && CARTO_FUNCTION_NAMES.has(fn)) return true;
  return Object.values(json).some(needsCarto);
}

const CSV_URL = /\.(csv|tsv|dsv)(?:[?#]|$)/i;

/** Whether a spec has a layer whose `data` is the URL of a CSV (TSV, DSV) file (deckCsv.ts). */
export function needsCsv(json: unknown): boolean {
  if (Array.isArray(json)) return json.some(needsCsv);
  if (typeof json !== "object" || json === null) return false;
  const record = json as Record<string, unknown>;
  if (typeof record.data === "string" && CSV_URL.test(record.data)) return true;
  if (typeOf(record.data, "@@function") === "csvText") return true;
  return Array.isArray(record.layers) && record.layers.some(needsCsv);
}

/** Whether `json` (a spec or one layer) needs a chunk that has not been loaded yet. */
export function waitsForChunk(json: unknown): boolean {
  return (!extrasLoaded && needsCarto(json)) || (!csvLoaded && needsCsv(json));
}

/** Load the chunks `json` needs; `convert` then knows what they bring. */
export async function loadChunksFor(json: unknown): Promise<void> {
  const [extras] = await Promise.all([
    needsCarto(json) ? loadExtras() : null,
    needsCsv(json) ? loadCsv() : null,
  ]);
  if (extras !== null && !extrasLoaded) {
    converter = makeConverter(extras);
    extrasLoaded = true;
  }
  if (needsCsv(json)) csvLoaded = true;
}

/**
 * A layer's `extensions` without those no one registered, as 1.67 does (it warns in the console):
 * deck.gl fails on the null the converter makes of an unknown one.
 */
function knownExtensions(layer: Record<string, unknown>): Record<string, unknown> {
  const extensions = layer.extensions;
  if (!Array.isArray(extensions)) return layer;
  const known = extensions.filter((e) => EXTENSION_NAMES.has(typeOf(e, "@@type") ?? ""));
  if (known.length === extensions.length) return layer;
  const unknown = extensions.filter((e) => !known.includes(e));
  console.warn(
    `Ignoring unregistered deck.gl layer extension(s): ${unknown
      .map((e) => typeOf(e, "@@type") ?? "(missing @@type)")
      .join(", ")}`,
  );
  return { ...layer, extensions: known };
}

/** pydeck's JSON turned into deck.gl objects (layers, views) by the catalogue loaded so far. */
export function convert(spec: Record<string, unknown>): Record<string, unknown> {
  const specLayers = spec.layers;
  const cleaned = Array.isArray(specLayers)
    ? {
        ...spec,
        layers: specLayers.map((l: unknown) =>
          typeof l === "object" && l !== null && !Array.isArray(l)
            ? knownExtensions(l as Record<string, unknown>)
            : l,
        ),
      }
    : spec;
  return converter.convert(cleaned) as Record<string, unknown>;
}
