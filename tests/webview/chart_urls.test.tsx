// Chart data the runtime downloaded for a URL the page may not fetch (elements/chart_urls.py): a
// pydeck layer's CSV text is parsed by the CSV loader that would have read the URL, and the same
// text gives deck.gl the same data (no reload on redraw); what could not be downloaded
// (`data_errors`) is said in the chart. deck.gl's `Deck` is stubbed (WebGL needs a browser:
// tests/e2e/test_chart_urls.py draws these in Chromium).
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, test, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import "../../webview/src/data/index";
import { convert, needsCsv, waitsForChunk } from "../../webview/src/data/deckCatalog";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

vi.mock("@deck.gl/core", async (original) => {
  const real = await original<Record<string, unknown>>();
  class Deck {
    props: Record<string, unknown>;
    constructor(props: Record<string, unknown>) {
      this.props = { ...props };
    }
    setProps(props: Record<string, unknown>): void {
      this.props = { ...this.props, ...props };
    }
    finalize(): void {}
  }
  return { ...real, Deck };
});

const csvLayer = {
  "@@type": "ScatterplotLayer",
  id: "csv",
  data: { "@@function": "csvText", text: "lon,lat,name\n0,0.5,a\n1,1.5,b\n" },
};

describe("a layer's downloaded CSV", () => {
  test("waits for the CSV loader, then is its rows, parsed once", async () => {
    expect(needsCsv({ layers: [csvLayer] })).toBe(true);
    expect(waitsForChunk(csvLayer)).toBe(true);
    await import("../../webview/src/data/deckCsv");
    // deck.gl keeps an async prop's given value (the promise) under this symbol.
    const given = (spec: Record<string, unknown>): unknown =>
      (
        (convert(spec).layers as { props: Record<symbol, Record<string, unknown>> }[])[0]!.props[
          Symbol.for("asyncPropOriginal")
        ] ?? {}
      ).data;
    const data = given({ layers: [csvLayer] });
    expect(data).toBeInstanceOf(Promise);
    const table = (await data) as { shape: string; data: unknown[] };
    expect(table.shape).toBe("object-row-table");
    expect(table.data).toEqual([
      { lon: 0, lat: 0.5, name: "a" },
      { lon: 1, lat: 1.5, name: "b" },
    ]);
    // A redraw converts the spec again: the same promise, so deck.gl does not load it again.
    expect(given({ layers: [csvLayer] })).toBe(data);
  });
});

describe("data that could not be downloaded", () => {
  let root: HTMLElement | undefined;
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
    root = undefined;
    vi.restoreAllMocks();
  });

  function draw(
    store: Store,
    type: "vega_lite" | "deck_gl_json_chart",
    props: Record<string, unknown>,
  ): void {
    runStart(store, 1);
    upsert(store, 1, ["main", 0], type, props);
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
  }

  const alerts = (): string[] =>
    [...root!.querySelectorAll("[role=alert]")].map((e) => e.textContent ?? "");

  test("is said in a Vega-Lite chart", () => {
    const { store } = recordingStore();
    draw(store, "vega_lite", {
      spec: { data: { values: [] }, mark: "point" },
      datasets: {},
      use_container_width: true,
      data_errors: ["Could not download https://x/cars.json: HTTP 404 Not Found"],
    });
    expect(alerts()).toEqual(["Could not download https://x/cars.json: HTTP 404 Not Found"]);
  });

  test("is said in a pydeck chart", () => {
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    const { store } = recordingStore();
    draw(store, "deck_gl_json_chart", {
      spec: JSON.stringify({ layers: [{ "@@type": "ScatterplotLayer", id: "p", data: [] }] }),
      height: 300,
      data_errors: ["Could not download https://x/p.json: timed out"],
    });
    expect(alerts()).toEqual(["Could not download https://x/p.json: timed out"]);
  });
});
