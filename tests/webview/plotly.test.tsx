// st.plotly_chart in the viewer: placeholder colours and the streamlit theme, selections as the
// widget value Streamlit reports, and the element drawn through a stubbed plotly.js (the real one
// needs a browser's layout; tests/e2e/test_plotly.py draws it in Chromium).
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import "../../webview/src/data/index";
import {
  EMPTY_EVENT,
  lassoVertices,
  selectionFromEvent,
  selectionLayout,
} from "../../webview/src/data/plotlySelection";
import {
  type ChartColors,
  replacePlaceholders,
  themedFigure,
} from "../../webview/src/data/plotlyTheme";
import { bundleFor, hintedBundle, traceTypes } from "../../webview/src/data/plotlyLoader";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const plotly = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown) => void>();
  return {
    handlers,
    react: vi.fn(async (el: HTMLElement, ...drawn: unknown[]) => {
      void drawn; // data, layout, config: read from the mock's calls
      const gd = el as HTMLElement & { on: (name: string, h: (e: unknown) => void) => void };
      gd.on = (name, h) => handlers.set(name, h);
      return gd;
    }),
    relayout: vi.fn(async () => undefined),
    addFrames: vi.fn(async () => undefined),
    purge: vi.fn(),
  };
});
// The bundle each chart asked plotly.js for; `drawnBy` is what the next load returns.
const loads = vi.hoisted(() => ({ asked: [] as string[], next: null as unknown }));
vi.mock("../../webview/src/data/plotlyLoader", async (importActual) => ({
  ...(await importActual<typeof import("../../webview/src/data/plotlyLoader")>()),
  loadPlotly: async (bundle: string) => {
    loads.asked.push(bundle);
    return loads.next ?? plotly;
  },
}));

const COLORS: ChartColors = {
  text: "#111111",
  muted: "#222222",
  grid: "#333333",
  bg: "#ffffff",
  border: "#444444",
  font: "Test Sans",
  increasing: "#00ff00",
  decreasing: "#ff0000",
  total: "#0000ff",
};

const SPEC = JSON.stringify({
  data: [{ type: "scatter", x: [1, 2, 3], y: [4, 5, 6] }],
  layout: {
    template: {
      layout: { colorway: ["#000001", "#000002"], font: { size: 99 } },
      data: { candlestick: [{ increasing: { line: { color: "#000032" } } }] },
    },
    title: { text: "Sales" },
  },
});

describe("theme", () => {
  test("placeholders become the app's palette, or plotly's own colours with theme=None", () => {
    const styled = JSON.parse(replacePlaceholders(SPEC, "light", true, COLORS));
    expect(styled.layout.template.layout.colorway).toEqual(["#0068c9", "#83c9ff"]);
    expect(styled.layout.template.data.candlestick[0].increasing.line.color).toBe("#00ff00");
    const dark = JSON.parse(replacePlaceholders(SPEC, "dark", true, COLORS));
    expect(dark.layout.template.layout.colorway[0]).toBe("#83c9ff");
    const plain = JSON.parse(replacePlaceholders(SPEC, "light", false, COLORS));
    expect(plain.layout.template.layout.colorway).toEqual(["#636efa", "#EF553B"]);
    // Only whole placeholder strings change.
    expect(replacePlaceholders('{"a": "x#000001"}', "light", true, COLORS)).toBe(
      '{"a": "x#000001"}',
    );
  });

  test("the streamlit theme goes under the figure's layout; theme=None fills only gaps", () => {
    const styled = themedFigure(SPEC, "light", true, COLORS);
    const template = styled.layout.template as { layout: Record<string, unknown> };
    expect(template.layout.font).toEqual({ size: 12, color: "#222222", family: "Test Sans" });
    expect(template.layout.paper_bgcolor).toBe("#ffffff");
    expect(template.layout.colorway).toEqual(["#0068c9", "#83c9ff"]);
    expect(styled.layout.title).toEqual({ text: "<b>Sales</b>" });
    const plain = themedFigure(
      JSON.stringify({ data: [], layout: { paper_bgcolor: "red", font: { size: 20 } } }),
      "dark",
      false,
      COLORS,
    );
    expect(plain.layout).toEqual({
      paper_bgcolor: "red",
      plot_bgcolor: "#ffffff",
      font: { color: "#111111", family: "Test Sans", size: 20 },
    });
  });
});

describe("selections", () => {
  test("a box, a lasso and points become Streamlit's selection state", () => {
    const event = {
      points: [
        {
          curveNumber: 0,
          pointNumber: 1,
          pointIndex: 1,
          x: 2,
          y: 5,
          "marker.size": 6,
          bbox: { x0: 1, xRange: [0, 2] },
          customdata: [{ someKey: 1 }],
          data: { legendgroup: "a", x: [1, 2, 3] },
          fullData: {},
        },
        { curveNumber: 1, pointIndices: [3, 4], pointNumbers: [3, 4], data: {} },
      ],
      selections: [
        { type: "rect", xref: "x", yref: "y", x0: 1.5, x1: 2.5, y0: 4.5, y1: 5.5 },
        { type: "path", xref: "x2", yref: "y2", path: "M1,2L3,4L5,6Z" },
      ],
    };
    expect(selectionFromEvent(event, ["box", "lasso", "points"])).toEqual({
      selection: {
        points: [
          {
            curve_number: 0,
            point_number: 1,
            point_index: 1,
            x: 2,
            y: 5,
            marker_size: 6,
            bbox: { x0: 1, x_range: [0, 2] },
            customdata: [{ some_key: 1 }],
            legendgroup: "a",
          },
          { curve_number: 1, point_indices: [3, 4], point_numbers: [3, 4] },
        ],
        point_indices: [1, 3, 4],
        box: [{ xref: "x", yref: "y", x: [1.5, 2.5], y: [4.5, 5.5] }],
        lasso: [{ xref: "x2", yref: "y2", x: [1, 3, 5], y: [2, 4, 6] }],
      },
    });
    // A box on a chart that only selects points is not sent.
    expect(selectionFromEvent(event, ["points", "lasso"])).toBeNull();
    expect(lassoVertices("")).toEqual({ x: [], y: [] });
  });

  test("the drag and click modes follow the selection modes unless the figure sets them", () => {
    expect(selectionLayout({}, ["box", "lasso", "points"])).toMatchObject({
      dragmode: "pan",
      clickmode: "event+select",
      hovermode: "closest",
    });
    expect(selectionLayout({}, ["box"])).toMatchObject({ dragmode: "select", clickmode: "event" });
    expect(selectionLayout({}, ["lasso"])).toMatchObject({ dragmode: "lasso" });
    expect(selectionLayout({ dragmode: "zoom" }, ["box"])).toMatchObject({ dragmode: "zoom" });
    expect(selectionLayout({ a: 1 }, [])).toEqual({ a: 1 });
  });
});

describe("the element", () => {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    // jsdom lays nothing out: give the chart's container a width.
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    plotly.handlers.clear();
    plotly.react.mockClear();
    plotly.purge.mockClear();
    loads.asked = [];
    loads.next = null;
  });
  afterEach(() => {
    if (root) act(() => render(null, root!));
    root?.remove();
    root = undefined;
    vi.restoreAllMocks();
  });

  async function draw(store: Store, props: object): Promise<void> {
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "plotly_chart", { spec: SPEC, height: 300, ...props });
    runEnd(store, 1);
    root = document.createElement("div");
    document.body.appendChild(root);
    act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
    for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  }

  const values = (sent: ViewerFrame[]) =>
    sent.flatMap((f) => (f.t === "widget_value" ? [f.value] : []));

  test("draws with plotly.js at the container's width, config passed through", async () => {
    const { store, sent } = recordingStore();
    await draw(store, { width: 400, config: { displayModeBar: false } });
    expect(plotly.react).toHaveBeenCalledTimes(1);
    const [, data, layout, config] = plotly.react.mock.calls[0] as unknown as [
      HTMLElement,
      unknown[],
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(data).toEqual([{ type: "scatter", x: [1, 2, 3], y: [4, 5, 6] }]);
    expect(layout).toMatchObject({ width: 400, height: 300 });
    expect(config).toMatchObject({
      displayModeBar: false,
      displaylogo: false,
      modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"],
    });
    // Not a widget: a selection is only drawn.
    act(() => plotly.handlers.get("plotly_selected")?.({ points: [], selections: [] }));
    expect(values(sent)).toEqual([]);
  });

  test("a selection is sent as the widget value; a double-click clears it", async () => {
    const { store, sent } = recordingStore();
    await draw(store, {
      id: "chart",
      label: "",
      selection_mode: ["box", "points"],
      value: EMPTY_EVENT,
    });
    const layout = plotly.react.mock.calls[0]?.[2] as Record<string, unknown>;
    expect(layout).toMatchObject({ width: 600, dragmode: "pan", clickmode: "event+select" });
    act(() =>
      plotly.handlers.get("plotly_selected")?.({
        points: [{ curveNumber: 0, pointIndex: 2, x: 3, y: 6, data: {} }],
        selections: [{ type: "rect", xref: "x", yref: "y", x0: 2, x1: 4, y0: 5, y1: 7 }],
      }),
    );
    act(() => plotly.handlers.get("plotly_doubleclick")?.(undefined));
    expect(values(sent)).toEqual([
      {
        selection: {
          points: [{ curve_number: 0, point_index: 2, x: 3, y: 6 }],
          point_indices: [2],
          box: [{ xref: "x", yref: "y", x: [2, 4], y: [5, 7] }],
          lasso: [],
        },
      },
      EMPTY_EVENT,
    ]);
  });

  test("the placeholder holds the place until the first drawing; unmounting purges the chart", async () => {
    const { store } = recordingStore();
    await draw(store, {});
    expect(root!.querySelector(".sp-plotly-loading")).toBeNull();
    act(() => render(null, root!));
    for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(plotly.purge).toHaveBeenCalledTimes(1);
  });

  test("the figure's trace types pick the bundle: the basic one for a scatter", async () => {
    const { store } = recordingStore();
    await draw(store, {});
    expect(loads.asked).toEqual(["basic"]);
  });

  test("redrawn by another plotly.js (the full one, loaded for another chart): purged, then drawn anew with its listeners", async () => {
    const { store } = recordingStore();
    await draw(store, { id: "chart", label: "", selection_mode: ["points"], value: EMPTY_EVENT });
    const full = {
      ...plotly,
      react: vi.fn(plotly.react),
      purge: vi.fn(),
    };
    loads.next = full;
    plotly.handlers.clear();
    // A new height redraws the same figure.
    runStart(store, 2);
    upsert(store, 2, ["main", 0], "plotly_chart", {
      spec: SPEC,
      height: 320,
      id: "chart",
      label: "",
      selection_mode: ["points"],
      value: EMPTY_EVENT,
    });
    runEnd(store, 2);
    for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(plotly.purge).toHaveBeenCalledTimes(1);
    expect(full.react).toHaveBeenCalled();
    expect(full.react.mock.calls.at(-1)?.[2]).toMatchObject({ height: 320 });
    expect(plotly.handlers.has("plotly_selected")).toBe(true);
  });
});

describe("choosing the plotly.js bundle", () => {
  test("the smallest bundle that draws every trace; a trace without a type is a scatter", () => {
    expect(bundleFor(traceTypes({ data: [{ type: "bar" }, {}, { type: "pie" }] }))).toBe("basic");
    expect(bundleFor(traceTypes({ data: [{ type: "bar" }, { type: "histogram" }] }))).toBe(
      "cartesian",
    );
    expect(bundleFor(traceTypes({ data: [{ type: "bar" }, { type: "sankey" }] }))).toBe("full");
    expect(bundleFor(traceTypes({ data: [{ type: "scattergl" }] }))).toBe("full");
    // An animation's frames may bring other traces.
    expect(bundleFor(traceTypes({ data: [{}], frames: [{ data: [{ type: "scatter3d" }] }] }))).toBe(
      "full",
    );
    expect(bundleFor(traceTypes({ data: [] }))).toBe("basic");
  });

  test("the page's preload hint names the bundle to start at once", () => {
    const page = document.implementation.createHTMLDocument("");
    expect(hintedBundle(page)).toBeNull();
    const link = page.createElement("link");
    link.rel = "preload";
    link.as = "script";
    // Another script of that name is no hint: the address must be the one the loader uses
    // (the bundle's, beside the chunks' folder).
    link.href = "https://elsewhere.example/plotly-cartesian.min.js";
    page.head.append(link);
    expect(hintedBundle(page)).toBeNull();
    link.href = new URL("../../webview/src/plotly-cartesian.min.js", import.meta.url).href;
    expect(hintedBundle(page)).toBe("cartesian");
    link.href = new URL("../../webview/src/plotly.min.js", import.meta.url).href;
    expect(hintedBundle(page)).toBe("full");
    link.href = new URL("../../webview/src/plotly-basic.min.js", import.meta.url).href;
    expect(hintedBundle(page)).toBe("basic");
  });
});
