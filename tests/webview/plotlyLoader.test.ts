// Loading plotly.js: each bundle once, as a classic script beside the bundle; the cartesian one
// only until the full one is asked for (tests/e2e/test_plotly.py loads the real scripts).
import { afterEach, beforeEach, expect, test, vi } from "vitest";

type Loader = typeof import("../../webview/src/data/plotlyLoader");

/** A fresh loader module (its bundles load once per module). */
async function freshLoader(): Promise<Loader> {
  vi.resetModules();
  return import("../../webview/src/data/plotlyLoader");
}

// The scripts the loader puts in the page, kept out of jsdom's document (it loads no scripts,
// it fails them): the tests play the browser.
let scripts: HTMLScriptElement[] = [];

beforeEach(() => {
  scripts = [];
  vi.spyOn(document.head, "appendChild").mockImplementation(<T extends Node>(node: T): T => {
    scripts.push(node as unknown as HTMLScriptElement);
    return node;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { Plotly?: object }).Plotly;
});

/** The plotly.js scripts the loader has put in the page, by file name. */
function injected(): string[] {
  return scripts.map((s) => s.src.split("/").at(-1) ?? "");
}

/** The browser runs the script named `file`: it sets window.Plotly, then its load event fires. */
function run(file: string, plotly: object): void {
  (window as { Plotly?: object }).Plotly = plotly;
  scripts.find((s) => s.src.endsWith(file))?.dispatchEvent(new Event("load"));
}

test("each bundle is one script, loaded once; a chart gets the instance its bundle made", async () => {
  const { loadPlotly } = await freshLoader();
  const first = loadPlotly("cartesian");
  const again = loadPlotly("cartesian");
  expect(injected()).toEqual(["plotly-cartesian.min.js"]);
  const cartesian = { version: "cartesian" };
  run("plotly-cartesian.min.js", cartesian);
  expect(await first).toBe(cartesian);
  expect(await again).toBe(cartesian);
});

test("once the full bundle is asked for, every chart uses it", async () => {
  const { loadPlotly } = await freshLoader();
  const cartesianLoad = loadPlotly("cartesian");
  const fullLoad = loadPlotly("full");
  const cartesian = { version: "cartesian" };
  const full = { version: "full" };
  run("plotly-cartesian.min.js", cartesian);
  expect(await cartesianLoad).toBe(cartesian);
  run("plotly.min.js", full);
  expect(await fullLoad).toBe(full);
  // window.Plotly is the full one now either way; a cartesian chart is drawn by it too.
  expect(await loadPlotly("cartesian")).toBe(full);
  expect(injected()).toEqual(["plotly-cartesian.min.js", "plotly.min.js"]);
});

test("a script that failed to load is tried again by the next chart", async () => {
  const { loadPlotly } = await freshLoader();
  const failed = loadPlotly("full");
  scripts[0]?.dispatchEvent(new Event("error"));
  await expect(failed).rejects.toThrow("could not be loaded");
  void loadPlotly("full");
  expect(injected()).toEqual(["plotly.min.js", "plotly.min.js"]);
});

test("a smaller bundle is not loaded once a larger one was asked for", async () => {
  const { loadPlotly } = await freshLoader();
  const basicLoad = loadPlotly("basic");
  const basic = { version: "basic" };
  run("plotly-basic.min.js", basic);
  expect(await basicLoad).toBe(basic);
  const cartesianLoad = loadPlotly("cartesian");
  const cartesian = { version: "cartesian" };
  run("plotly-cartesian.min.js", cartesian);
  expect(await cartesianLoad).toBe(cartesian);
  expect(await loadPlotly("basic")).toBe(cartesian);
  expect(injected()).toEqual(["plotly-basic.min.js", "plotly-cartesian.min.js"]);
});

test("the bundle the boot module started is taken, not loaded again", async () => {
  const { loadPlotly } = await freshLoader();
  vi.restoreAllMocks(); // this script is in the page, as boot.ts puts it there
  const started = document.createElement("script");
  started.src = new URL("../../webview/src/plotly-cartesian.min.js", import.meta.url).href;
  document.head.append(started);
  try {
    const load = loadPlotly("cartesian");
    const cartesian = { version: "cartesian" };
    (window as { Plotly?: object }).Plotly = cartesian;
    started.dataset.loaded = "true";
    started.dispatchEvent(new Event("load"));
    expect(await load).toBe(cartesian);
    expect(document.querySelectorAll("script")).toHaveLength(1);
  } finally {
    started.remove();
  }
});
