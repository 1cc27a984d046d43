// plotly.js itself, loaded as the classic script the package ships (copied beside the bundle by
// webview/build.mjs), not bundled into a chunk: wrapped in a bundler's CommonJS function its
// megabytes are parsed twice (lazily, then when called), which made the first chart ~40% slower
// to appear. A classic script is compiled as it streams in. The page's CSP allows it: it comes
// from the bundle's own origin (`'self'`, or the VS Code panel's cspSource).
//
// Three builds, each drawing every trace the one before it draws: plotly's basic bundle (1.2 MB:
// scatter, bar, pie — most charts), the cartesian one (1.5 MB: box, heatmap, histogram, …) and
// the full one (4.8 MB: everything, evaluating in about three times the cartesian one's time).
// A chart loads the smallest that draws all its traces; once a larger one is asked for, every
// chart uses it.

import type * as PlotlyTypes from "plotly.js-dist-min";

export type PlotlyModule = typeof PlotlyTypes;
export type PlotlyBundle = "basic" | "cartesian" | "full";

/** Smallest first: each draws what the ones before it draw. */
const BUNDLES: readonly PlotlyBundle[] = ["basic", "cartesian", "full"];

/** The trace types plotly.js-basic-dist-min registers (its README's list; tests/e2e/test_plotly.py
 * checks it against the bundle itself). */
export const BASIC_TRACES: ReadonlySet<string> = new Set(["bar", "pie", "scatter"]);

/**
 * The trace types plotly.js-cartesian-dist-min registers: its README's list, which is also its
 * `Plotly.PlotSchema.get().traces` (tests/e2e/test_plotly.py checks this list against the
 * bundle itself).
 */
export const CARTESIAN_TRACES: ReadonlySet<string> = new Set([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);

/** The scripts' addresses, beside the chunks' folder. Each a literal `new URL`: the VS Code
 * extension's build copies the files so named into the panel's folder (extension/build.mjs). */
const SCRIPT_URLS: Record<PlotlyBundle, () => string> = {
  basic: () => new URL("../plotly-basic.min.js", import.meta.url).href,
  cartesian: () => new URL("../plotly-cartesian.min.js", import.meta.url).href,
  full: () => new URL("../plotly.min.js", import.meta.url).href,
};

const loads = new Map<PlotlyBundle, Promise<PlotlyModule>>();

/** The bundle that draws every trace of these types (a trace without a type is a scatter). */
export function bundleFor(types: Iterable<string>): PlotlyBundle {
  let bundle: PlotlyBundle = "basic";
  for (const type of types) {
    if (!CARTESIAN_TRACES.has(type)) return "full";
    if (!BASIC_TRACES.has(type)) bundle = "cartesian";
  }
  return bundle;
}

/** The trace types of a figure's data and of its animation frames' data. */
export function traceTypes(figure: { data: unknown[]; frames?: unknown[] }): Set<string> {
  const types = new Set<string>();
  const add = (traces: unknown): void => {
    if (!Array.isArray(traces)) return;
    for (const trace of traces) {
      const type = (trace as { type?: unknown } | null)?.type;
      types.add(typeof type === "string" ? type : "scatter");
    }
  };
  add(figure.data);
  for (const frame of figure.frames ?? []) add((frame as { data?: unknown } | null)?.data);
  return types;
}

function inject(bundle: PlotlyBundle): Promise<PlotlyModule> {
  return new Promise<PlotlyModule>((resolve, reject) => {
    const src = SCRIPT_URLS[bundle]();
    const current = (): PlotlyModule | undefined => (window as { Plotly?: PlotlyModule }).Plotly;
    // The boot module starts the bundle the page names (boot.ts): take that script, unless it
    // failed (a new one tries again).
    const started = [...document.scripts].find(
      (s) => s.src === src && s.dataset.loaded !== "failed",
    );
    if (started?.dataset.loaded === "true" && current() !== undefined) {
      resolve(current() as PlotlyModule);
      return;
    }
    const script = started ?? document.createElement("script");
    script.addEventListener("load", () => {
      // Each bundle sets window.Plotly as it runs; its load event follows at once, so this is
      // the instance it just made even when the other bundle loads too.
      const plotly = current();
      if (plotly === undefined) reject(new Error("plotly.js did not load"));
      else resolve(plotly);
    });
    script.addEventListener("error", () => {
      loads.delete(bundle); // a later chart may try again
      reject(new Error("plotly.js could not be loaded"));
    });
    if (started === undefined) {
      script.src = src;
      script.async = true;
      document.head.appendChild(script);
    }
  });
}

/** plotly.js, each bundle loaded once, and a smaller one only while no larger one was asked for
 * (which draws its traces too). */
export function loadPlotly(bundle: PlotlyBundle = "full"): Promise<PlotlyModule> {
  const wanted = BUNDLES.filter((b) => b === bundle || loads.has(b)).at(-1) ?? bundle;
  let load = loads.get(wanted);
  if (load === undefined) {
    load = inject(wanted);
    loads.set(wanted, load);
  }
  return load;
}

/**
 * The bundle the page asks to have ready (`<link rel="preload" as="script">` naming one: the
 * server adds it when the app's script imports plotly, servers/web/page.py), or null.
 */
export function hintedBundle(doc: Document = document): PlotlyBundle | null {
  const hints = doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="script"]');
  for (const link of hints) {
    for (const bundle of BUNDLES) if (link.href === SCRIPT_URLS[bundle]()) return bundle;
  }
  return null;
}
