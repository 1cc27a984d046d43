// plotly.js itself, loaded as the classic script the package ships (copied beside the bundle as
// static/plotly.min.js by webview/build.mjs), not bundled into a chunk: wrapped in a bundler's
// CommonJS function its 4.8 MB are parsed twice (lazily, then when called), which made the first
// chart ~40% slower to appear. A classic script is compiled as it streams in. The page's CSP
// allows it: it comes from the bundle's own origin (`'self'`, or the VS Code panel's cspSource).

import type * as PlotlyTypes from "plotly.js-dist-min";

export type PlotlyModule = typeof PlotlyTypes;

let loading: Promise<PlotlyModule> | null = null;

/** The script's address: static/plotly.min.js, beside this chunk's folder. */
function scriptUrl(): string {
  return new URL("../plotly.min.js", import.meta.url).href;
}

/** plotly.js (`window.Plotly`), loaded once. */
export function loadPlotly(): Promise<PlotlyModule> {
  loading ??= new Promise<PlotlyModule>((resolve, reject) => {
    const ready = (window as { Plotly?: PlotlyModule }).Plotly;
    if (ready !== undefined) {
      resolve(ready);
      return;
    }
    const script = document.createElement("script");
    script.src = scriptUrl();
    script.async = true;
    script.onload = () => {
      const plotly = (window as { Plotly?: PlotlyModule }).Plotly;
      if (plotly === undefined) reject(new Error("plotly.js did not load"));
      else resolve(plotly);
    };
    script.onerror = () => {
      loading = null; // a later chart may try again
      reject(new Error("plotly.js could not be loaded"));
    };
    document.head.appendChild(script);
  });
  return loading;
}
