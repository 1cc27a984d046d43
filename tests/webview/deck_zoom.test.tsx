// The zoom buttons over st.map / st.pydeck_chart (Streamlit 1.67's NavigationControl without its
// compass): shown when the chart has a base map and map views, even offline; each press moves
// deck.gl's camera one zoom level, within the view's limits. deck.gl's `Deck` is stubbed (WebGL
// needs a browser: tests/e2e/test_map_controls.py presses them in Chromium).
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import "../../webview/src/data/index";
import { isZoomable, zoomedView } from "../../webview/src/data/deckZoom";
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

const CARTO = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json";

describe("which charts get the buttons", () => {
  test("a base map and map views (or none), as Streamlit 1.67", () => {
    expect(isZoomable({}, CARTO)).toBe(true);
    expect(isZoomable({ views: [{ "@@type": "MapView", controller: true }] }, CARTO)).toBe(true);
    expect(isZoomable({ views: { "@@type": "MapView" } }, CARTO)).toBe(true);
    expect(isZoomable({}, null)).toBe(false);
    expect(isZoomable({ views: [{ "@@type": "OrbitView" }] }, CARTO)).toBe(false);
    expect(
      isZoomable({ views: [{ "@@type": "MapView" }, { "@@type": "FirstPersonView" }] }, CARTO),
    ).toBe(false);
  });

  test("a press moves one level, kept within the view's limits", () => {
    expect(zoomedView({ latitude: 1, zoom: 3 }, 1)).toEqual({ latitude: 1, zoom: 4 });
    expect(zoomedView({ zoom: 3 }, -1)).toEqual({ zoom: 2 });
    expect(zoomedView({ zoom: 0.5 }, -1)).toEqual({ zoom: 0 });
    expect(zoomedView({ zoom: 20 }, 1)).toEqual({ zoom: 20 });
    expect(zoomedView({ zoom: 5, maxZoom: 5.5 }, 1)).toEqual({ zoom: 5.5, maxZoom: 5.5 });
    expect(zoomedView({ zoom: 5, minZoom: 4.5 }, -1)).toEqual({ zoom: 4.5, minZoom: 4.5 });
    expect(zoomedView({}, 1)).toEqual({ zoom: 1 });
    const moving = { zoom: 2, transitionDuration: 300, transitionInterpolator: {} };
    expect(zoomedView(moving, 1)).toEqual({ zoom: 3 });
  });
});

describe("the buttons", () => {
  let root: HTMLElement | undefined;
  // deck.gl's chunk loaded before the first drawing, which then needs only a few ticks.
  beforeAll(async () => {
    await import("../../webview/src/data/deckRender");
  });
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    // Offline: the base map's style cannot be fetched; the buttons work all the same.
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

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 40; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  };

  async function draw(spec: object): Promise<void> {
    const { store } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "deck_gl_json_chart", {
      spec: JSON.stringify({ initialViewState: { latitude: 1, longitude: 2, zoom: 3 }, ...spec }),
      height: 300,
    });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    await settle();
  }

  const host = (): HTMLElement => root!.querySelector<HTMLElement>(".sp-deck-host")!;
  const button = (title: string): HTMLButtonElement =>
    root!.querySelector<HTMLButtonElement>(`.sp-deck-zoom button[title="${title}"]`)!;

  test("+ zooms deck.gl's camera in one level and − out, offline too", async () => {
    await draw({ layers: [] });
    expect(root!.querySelector("[role=note]")).not.toBeNull();
    expect(root!.querySelector(".sp-deck-zoom")?.getAttribute("role")).toBe("group");
    expect(host().dataset.zoom).toBe("3");
    act(() => button("Zoom In").click());
    await settle();
    const chart = deck.instances[0]!;
    expect(chart.props.initialViewState).toEqual({ latitude: 1, longitude: 2, zoom: 4 });
    expect(host().dataset.zoom).toBe("4");
    act(() => button("Zoom Out").click());
    act(() => button("Zoom Out").click());
    await settle();
    expect(chart.props.initialViewState).toEqual({ latitude: 1, longitude: 2, zoom: 2 });
    expect(host().dataset.zoom).toBe("2");
  });

  test("a zoom the user made by scrolling is where the next press starts", async () => {
    await draw({});
    const chart = deck.instances[0]!;
    const onViewStateChange = chart.props.onViewStateChange as (p: object) => unknown;
    act(() => void onViewStateChange({ viewState: { latitude: 5, longitude: 6, zoom: 7.5 } }));
    expect(host().dataset.zoom).toBe("7.5");
    act(() => button("Zoom In").click());
    await settle();
    expect(chart.props.initialViewState).toEqual({ latitude: 5, longitude: 6, zoom: 8.5 });
  });

  test("no base map (map_provider=None) or a non-map view: no buttons", async () => {
    await draw({ mapProvider: null });
    expect(root!.querySelector(".sp-deck-zoom")).toBeNull();
    act(() => render(null, root!));
    root!.remove();
    await draw({ views: [{ "@@type": "OrbitView" }] });
    expect(root!.querySelector(".sp-deck-zoom")).toBeNull();
  });
});
