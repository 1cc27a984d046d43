// pydeck charts know what Streamlit 1.67's converter registers: the mesh layers, the extensions,
// the glTF loader, and — from further chunks loaded only for a spec that needs them — Carto's
// layers and colour functions, and the CSV loader. Selections fade the colour accessors 1.67 lists (only
// those the layer's JSON sets); a layer that fails is said in the chart. deck.gl's `Deck` is
// stubbed (WebGL needs a browser: tests/e2e/test_deck_layers.py draws these in Chromium).
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import * as meshLayers from "@deck.gl/mesh-layers";
import * as extensions from "@deck.gl/extensions";
import { CARTO_LAYERS } from "@deck.gl/carto";
import { getLoaderOptions, selectLoader } from "@loaders.gl/core";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import "../../webview/src/data/index";
import {
  CARTO_FUNCTION_NAMES,
  CARTO_LAYER_NAMES,
  EXTENSION_NAMES,
  convert,
  loadChunksFor,
  needsCarto,
  needsCsv,
  waitsForChunk,
} from "../../webview/src/data/deckCatalog";
import { COLOR_ACCESSORS } from "../../webview/src/data/deckRender";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const deck = vi.hoisted(() => ({
  instances: [] as { props: Record<string, unknown> }[],
}));
vi.mock("@deck.gl/core", async (original) => {
  const real = await original<Record<string, unknown>>();
  class Deck {
    props: Record<string, unknown>;
    constructor(props: Record<string, unknown>) {
      this.props = { ...props };
      deck.instances.push(this);
    }
    setProps(props: Record<string, unknown>): void {
      this.props = { ...this.props, ...props };
    }
    finalize(): void {}
  }
  return { ...real, Deck };
});

type Json = Record<string, unknown>;
const rows = [
  { lon: 0, lat: 0, v: 5, properties: { v: 5 } },
  { lon: 1, lat: 1, v: 50, properties: { v: 50 } },
];
const layersOf = (spec: Json): unknown[] => convert(spec).layers as unknown[];

describe("the catalogue", () => {
  test("mesh layers are there from the start; the names said up front are the modules' own", () => {
    const [mesh, scene] = layersOf({
      layers: [
        { "@@type": "SimpleMeshLayer", id: "m", data: rows, mesh: "https://x/cube.obj" },
        { "@@type": "ScenegraphLayer", id: "s", data: rows, scenegraph: "https://x/cube.glb" },
      ],
    });
    expect(mesh).toBeInstanceOf(meshLayers.SimpleMeshLayer);
    expect(scene).toBeInstanceOf(meshLayers.ScenegraphLayer);
    expect([...CARTO_LAYER_NAMES].sort()).toEqual(Object.keys(CARTO_LAYERS).sort());
    const extensionClasses = Object.entries(extensions)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k);
    expect([...EXTENSION_NAMES].sort()).toEqual([...extensionClasses, "TerrainExtension"].sort());
  });

  test("glTF and (deckCsv.ts loaded for a CSV URL) CSV find their loader, parsed on the page", async () => {
    expect((await selectLoader("https://x/model.glb"))?.id).toBe("gltf");
    expect(getLoaderOptions().core?.worker).toBe(false);
    const csvSpec = { layers: [{ "@@type": "ScatterplotLayer", data: "/app/static/p.csv?v=1" }] };
    expect(needsCsv(csvSpec)).toBe(true);
    expect(needsCsv({ layers: [{ "@@type": "GeoJsonLayer", data: "https://x/a.geojson" }] })).toBe(
      false,
    );
    expect(waitsForChunk(csvSpec)).toBe(true);
    // The viewer loads deckCsv.ts as a bundle of its own (deck-csv.js, built by webview/build.mjs;
    // drawn in tests/e2e/test_deck_layers.py); here its module registers the loader all the same.
    await import("../../webview/src/data/deckCsv");
    expect((await selectLoader("https://x/points.csv"))?.id).toBe("csv");
  });

  test("Carto's layers and functions wait for their chunk", async () => {
    const cartoSpec = {
      layers: [{ "@@type": "VectorTileLayer", id: "carto", data: "https://x.api.carto.com/t" }],
    };
    expect(needsCarto(cartoSpec)).toBe(true);
    expect(needsCarto({ layers: [{ "@@type": "ScatterplotLayer", data: rows }] })).toBe(false);
    expect(needsCarto({ a: [{ b: { "@@function": "colorBins" } }] })).toBe(true);
    expect(needsCarto({ extensions: [{ "@@type": "DataFilterExtension" }] })).toBe(false);
    expect(CARTO_FUNCTION_NAMES.has("colorContinuous")).toBe(true);
    expect(waitsForChunk(cartoSpec)).toBe(true);
    expect(layersOf(cartoSpec)).toEqual([null]);
    await loadChunksFor(cartoSpec);
    expect(waitsForChunk(cartoSpec)).toBe(false);
    const [carto] = layersOf(cartoSpec);
    expect(carto).toBeInstanceOf(CARTO_LAYERS.VectorTileLayer);
  });

  test("colorBins colours a non-Carto layer: by `properties`, or by a field through @@=", async () => {
    await loadChunksFor({ "@@type": "VectorTileLayer" });
    const colorBins = {
      "@@function": "colorBins",
      domain: [10],
      colors: [
        [255, 0, 0],
        [0, 0, 255],
      ],
    };
    const [byProperties, byField] = layersOf({
      layers: [
        { "@@type": "GeoJsonLayer", id: "g", data: [], getFillColor: { ...colorBins, attr: "v" } },
        {
          "@@type": "ScatterplotLayer",
          id: "p",
          data: rows,
          getFillColor: { ...colorBins, attr: "@@=v" },
        },
      ],
    }) as { props: { getFillColor: (d: unknown, i: unknown) => unknown } }[];
    expect(byProperties!.props.getFillColor(rows[0], {})).toEqual([255, 0, 0]);
    expect(byProperties!.props.getFillColor(rows[1], {})).toEqual([0, 0, 255]);
    expect(byField!.props.getFillColor({ v: 50 }, {})).toEqual([0, 0, 255]);
    // As in 1.67, deck.gl's expressions refuse a function call.
    expect(() =>
      layersOf({ layers: [{ "@@type": "ScatterplotLayer", getFillColor: "@@=colorBins(v)" }] }),
    ).toThrow();
  });

  test("an extension nobody registered is dropped with a warning, as in 1.67", async () => {
    await loadChunksFor({ "@@type": "VectorTileLayer" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const [layer] = layersOf({
      layers: [
        {
          "@@type": "ScatterplotLayer",
          id: "f",
          data: rows,
          extensions: [{ "@@type": "DataFilterExtension", filterSize: 1 }, { "@@type": "Nope" }],
        },
      ],
    }) as { props: { extensions: object[] } }[];
    expect(layer!.props.extensions.map((e) => e.constructor)).toEqual([
      extensions.DataFilterExtension,
    ]);
    expect(warn).toHaveBeenCalledWith("Ignoring unregistered deck.gl layer extension(s): Nope");
    warn.mockRestore();
  });

  test("the colour accessors a selection fades are 1.67's", () => {
    expect(COLOR_ACCESSORS.SimpleMeshLayer).toEqual(["getColor"]);
    expect(COLOR_ACCESSORS.ScenegraphLayer).toEqual(["getColor"]);
    expect(COLOR_ACCESSORS.MVTLayer).toEqual(["getFillColor"]);
    expect(COLOR_ACCESSORS.ScatterplotLayer).toEqual(["getFillColor", "getColor", "getLineColor"]);
    expect(Object.keys(COLOR_ACCESSORS)).toHaveLength(20);
  });
});

describe("the element", () => {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("offline");
      }),
    );
    deck.instances.length = 0;
  });
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
    root = undefined;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 40; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  }

  async function draw(store: Store, spec: Json, props: object = {}): Promise<void> {
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "deck_gl_json_chart", {
      spec: JSON.stringify(spec),
      height: 300,
      ...props,
    });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    await settle();
  }

  const alert = (): string | null | undefined => root!.querySelector("[role=alert]")?.textContent;
  const lastLayers = () =>
    deck.instances[0]!.props.layers as { id: string; props: Record<string, unknown> }[];

  test("a Carto layer that cannot reach Carto's API says so in the chart", async () => {
    const { store } = recordingStore();
    await draw(store, {
      layers: [{ "@@type": "VectorTileLayer", id: "carto", data: "https://x.api.carto.com/t" }],
    });
    const [carto] = lastLayers();
    expect(carto).toBeInstanceOf(CARTO_LAYERS.VectorTileLayer);
    const onError = deck.instances[0]!.props.onError as (e: Error, layer: unknown) => void;
    vi.spyOn(console, "warn").mockImplementation(() => {});
    act(() => onError(new TypeError("Failed to fetch"), carto));
    await settle();
    expect(alert()).toBe(
      `Carto's layer "carto" (VectorTileLayer) could not load: it needs the internet, ` +
        `Carto's API and its TileJSON as data. (Failed to fetch)`,
    );
    // Its tiles' failures too (a tiled layer's own onTileError).
    expect(typeof lastLayers()[0]!.props.onTileError).toBe("function");
  });

  test("a layer type deck.gl does not know is said, not dropped silently", async () => {
    const { store } = recordingStore();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await draw(store, {
      layers: [
        { "@@type": "CartoLayer", id: "old", data: "SELECT 1" },
        { "@@type": "ScatterplotLayer", id: "ok", data: rows },
      ],
    });
    expect(lastLayers().map((l) => l.id)).toEqual(["ok"]);
    expect(alert()).toBe('Unknown layer type "CartoLayer": deck.gl has no such layer.');
  });

  test("a selection fades a mesh layer's getColor, and only the accessors its JSON sets", async () => {
    const { store } = recordingStore();
    await draw(
      store,
      {
        layers: [
          {
            "@@type": "SimpleMeshLayer",
            id: "mesh",
            data: rows,
            mesh: "https://x/cube.glb",
            getColor: [255, 0, 0],
          },
          { "@@type": "ScatterplotLayer", id: "pts", data: rows, getFillColor: [0, 0, 255] },
        ],
      },
      {
        id: "chart",
        label: "",
        selection_mode: "single-object",
        value: { selection: { indices: { mesh: [1] }, objects: { mesh: [{}] } } },
      },
    );
    const [mesh, pts] = lastLayers();
    const getColor = mesh!.props.getColor as (o: unknown, i: { index: number }) => number[];
    expect(getColor(rows[1], { index: 1 })).toEqual([255, 0, 0, 255]);
    expect(getColor(rows[0], { index: 0 })).toEqual([255, 0, 0, 102]);
    expect(typeof pts!.props.getFillColor).toBe("function");
    // getLineColor is not in pts' JSON: left as deck.gl's default.
    expect(typeof pts!.props.getLineColor).not.toBe("function");
  });
});
