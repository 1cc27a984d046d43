// st.pydeck_chart / st.map in the viewer: selections as Streamlit 1.67 makes them, tooltips filled
// and sanitised, the spec prepared for deck.gl (st.map's "primary" colour, pickable layers), and
// the element drawn through a stubbed deck.gl `Deck` (WebGL needs a browser: tests/e2e/test_maps.py
// draws it in Chromium). The base map's style cannot be fetched here: the chart says it is offline.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import "../../webview/src/data/index";
import { EMPTY_SELECTION, nextSelection } from "../../webview/src/data/deckSelection";
import { fillTemplate, parseTooltip, tooltipFor } from "../../webview/src/data/deckTooltip";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const deck = vi.hoisted(() => ({
  instances: [] as { props: Record<string, unknown>; finalized: boolean }[],
}));
vi.mock("@deck.gl/core", async (original) => {
  const real = await original<Record<string, unknown>>();
  class Deck {
    props: Record<string, unknown>;
    finalized = false;
    constructor(props: Record<string, unknown>) {
      this.props = { ...props };
      deck.instances.push(this);
    }
    setProps(props: Record<string, unknown>): void {
      this.props = { ...this.props, ...props };
    }
    finalize(): void {
      this.finalized = true;
    }
  }
  return { ...real, Deck };
});

describe("selections", () => {
  const pick = (layer: string, index: number) => ({ name: `${layer}${index}` });

  test("single-object replaces, and a second click on the same object clears", () => {
    let s = nextSelection(EMPTY_SELECTION, "single-object", "a", 2, pick("a", 2));
    expect(s).toEqual({ indices: { a: [2] }, objects: { a: [{ name: "a2" }] } });
    s = nextSelection(s, "single-object", "b", 0, pick("b", 0));
    expect(s).toEqual({ indices: { b: [0] }, objects: { b: [{ name: "b0" }] } });
    expect(nextSelection(s, "single-object", "b", 0, pick("b", 0))).toEqual(EMPTY_SELECTION);
  });

  test("multi-object toggles within a layer; a click on nothing clears", () => {
    let s = nextSelection(EMPTY_SELECTION, "multi-object", "a", 1, pick("a", 1));
    s = nextSelection(s, "multi-object", "a", 3, pick("a", 3));
    s = nextSelection(s, "multi-object", "b", 0, pick("b", 0));
    expect(s.indices).toEqual({ a: [1, 3], b: [0] });
    s = nextSelection(s, "multi-object", "a", 1, pick("a", 1));
    expect(s).toEqual({
      indices: { a: [3], b: [0] },
      objects: { a: [{ name: "a3" }], b: [{ name: "b0" }] },
    });
    s = nextSelection(s, "multi-object", "b", 0, pick("b", 0));
    expect(s).toEqual({ indices: { a: [3] }, objects: { a: [{ name: "a3" }] } });
    expect(nextSelection(s, "multi-object", "a", -1, null)).toEqual(EMPTY_SELECTION);
  });
});

describe("tooltips", () => {
  test("fields of the object or its GeoJSON properties; unknown ones stay", () => {
    const object = { name: "Paris", properties: { pop: 2.1 } };
    expect(fillTemplate("{name}: {pop} {other}", object, false)).toBe("Paris: 2.1 {other}");
  });

  test("html values are escaped and the html sanitised", () => {
    const spec = parseTooltip(
      JSON.stringify({ html: "<b>{name}</b><img src=x onerror=alert(1)>" }),
    );
    const tip = tooltipFor(spec, { name: "<script>alert(1)</script>" });
    expect(tip?.html).toContain("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>");
    expect(tip?.html).not.toContain("onerror");
  });

  test("text templates, and nothing without an object or a template", () => {
    const spec = parseTooltip(JSON.stringify({ text: "{a}\n{b}", style: { color: "red" } }));
    expect(tooltipFor(spec, { a: 1, b: [1, 2] })).toEqual({
      text: "1\n[1,2]",
      style: { color: "red" },
    });
    expect(tooltipFor(spec, null)).toBeNull();
    expect(tooltipFor(null, { a: 1 })).toBeNull();
    expect(parseTooltip("not json")).toBeNull();
  });
});

describe("the spec", () => {
  test("st.map's primary colour and pickable layers when selecting", async () => {
    const { preparedSpec, styleUrl } = await import("../../webview/src/data/deckRender");
    const spec = {
      layers: [
        { "@@type": "ScatterplotLayer", getFillColor: "primary" },
        { "@@type": "HexagonLayer" },
      ],
    };
    const out = preparedSpec(spec, { primary: [1, 2, 3], selectionMode: "single-object" });
    expect(out.layers).toEqual([
      { "@@type": "ScatterplotLayer", getFillColor: [1, 2, 3, 160], pickable: true },
      { "@@type": "HexagonLayer", pickable: true },
    ]);
    const mixed = { layers: [{ "@@type": "A", pickable: false }, { "@@type": "B" }] };
    expect(
      preparedSpec(mixed, { primary: [0, 0, 0], selectionMode: "single-object" }).layers,
    ).toEqual(mixed.layers);
    expect(styleUrl({}, "dark")).toContain("dark-matter-gl-style");
    expect(styleUrl({}, "light")).toContain("positron-gl-style");
    expect(styleUrl({ mapStyle: "https://x/style.json" }, "light")).toBe("https://x/style.json");
    expect(styleUrl({ mapProvider: null }, "light")).toBeNull();
    // Mapbox styles: Carto's of the same shade.
    expect(styleUrl({ mapStyle: "mapbox://styles/mapbox/dark-v9" }, "light")).toContain(
      "dark-matter",
    );
    expect(styleUrl({ mapStyle: "mapbox://styles/mapbox/light-v9" }, "dark")).toContain("positron");
    expect(styleUrl({ mapStyle: "ftp://x" }, "dark")).toBeNull();
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

  const SPEC = JSON.stringify({
    initialViewState: { latitude: 1, longitude: 2, zoom: 3 },
    layers: [
      {
        "@@type": "ScatterplotLayer",
        id: "pts",
        data: [{ lon: 2, lat: 1 }],
        getPosition: "@@=[lon, lat]",
        getFillColor: "primary",
      },
    ],
  });

  async function draw(store: Store, props: object): Promise<void> {
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "deck_gl_json_chart", { spec: SPEC, height: 300, ...props });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    for (let i = 0; i < 40; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  }

  const values = (sent: ViewerFrame[]) =>
    sent.flatMap((f) => (f.t === "widget_value" ? [f.value] : []));

  test("draws the layers with deck.gl at the container's size; offline, says so", async () => {
    const { store, sent } = recordingStore();
    await draw(store, { width: 400, alt: "cities" });
    expect(deck.instances).toHaveLength(1);
    const props = deck.instances[0]!.props;
    expect(props).toMatchObject({ width: 400, height: 300, controller: true, onClick: null });
    expect(props.initialViewState).toEqual({ latitude: 1, longitude: 2, zoom: 3 });
    const layers = props.layers as { id: string; props: Record<string, unknown> }[];
    expect(layers.map((l) => l.id)).toEqual(["pts"]);
    expect(layers[0]!.props.getFillColor).toHaveLength(4);
    expect(root!.querySelector("[role=note]")?.textContent).toBe(
      "Base map offline: layers are drawn without it.",
    );
    expect(root!.querySelector(".sp-deck")?.getAttribute("aria-label")).toBe("cities");
    expect(values(sent)).toEqual([]);
  });

  test("a click on an object sends Streamlit's selection; Clear selection empties it", async () => {
    const { store, sent } = recordingStore();
    await draw(store, {
      id: "chart",
      label: "",
      selection_mode: "single-object",
      value: { selection: EMPTY_SELECTION },
    });
    const onClick = deck.instances[0]!.props.onClick as (info: object) => void;
    act(() => onClick({ index: 0, object: { lon: 2, lat: 1 }, layer: { id: "pts" } }));
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    const clear = root!.querySelector<HTMLButtonElement>(".sp-deck-clear");
    expect(clear?.textContent).toBe("Clear selection");
    act(() => clear!.click());
    expect(values(sent)).toEqual([
      { selection: { indices: { pts: [0] }, objects: { pts: [{ lon: 2, lat: 1 }] } } },
      { selection: EMPTY_SELECTION },
    ]);
  });

  test("removing the element releases deck.gl", async () => {
    const { store } = recordingStore();
    await draw(store, {});
    act(() => render(null, root!));
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(deck.instances[0]!.finalized).toBe(true);
  });
});
