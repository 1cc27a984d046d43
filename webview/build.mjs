// Builds the webview bundle: webview/src/boot.ts → python_server/sidepane/static/sidepane.{js,css}
// plus KaTeX's fonts in static/fonts/. `node webview/build.mjs [--watch]`.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "python_server", "sidepane", "static");
const watch = process.argv.includes("--watch");
// A release build (`make vsix`, the wheel) leaves out source maps and the development checks.
const release = process.env.SIDEPANE_BUILD === "release";

/** @type {import("esbuild").BuildOptions} */
const options = {
  entryPoints: { sidepane: join(root, "webview", "src", "boot.ts") },
  bundle: true,
  minify: true,
  sourcemap: !release,
  // SIDEPANE_DEV: every received frame is checked against the schema (core/frame_check.ts).
  define: { SIDEPANE_DEV: JSON.stringify(!release) },
  target: "es2022",
  // ES modules with code splitting: heavy libraries (vega) become chunks loaded on first use.
  format: "esm",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  outdir,
  jsx: "automatic",
  jsxImportSource: "preact",
  // KaTeX's CSS points at fonts/*.woff2 etc.; those files are copied beside sidepane.css below,
  // so the relative URLs stay as they are instead of being inlined into the bundle.
  external: ["*.woff2", "*.woff", "*.ttf"],
  logLevel: "info",
  legalComments: "linked",
};

// The runtime inside a st.components.v2 frame, and the Arrow reader for frames whose data holds
// tables, which the server inlines into the frame's page: classic scripts (no chunks to import).
const v2 = join(root, "webview", "src", "components", "v2");
/** @type {import("esbuild").BuildOptions} */
const frameOptions = {
  entryPoints: {
    components_v2_frame: join(v2, "frame_entry.ts"),
    components_v2_arrow: join(v2, "frame_arrow_entry.ts"),
  },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  outdir,
  logLevel: "info",
};

// loaders.gl's CSV loader for a pydeck layer whose data is a CSV file (webview/src/data/deckCsv.ts,
// loaded by address by deckCatalog.ts): a bundle of its own, not a chunk, since a chunk would share
// Apache Arrow (which the CSV loader uses) with deck.gl's chunk, and every map would load it.
/** @type {import("esbuild").BuildOptions} */
const deckCsvOptions = {
  entryPoints: { "deck-csv": join(root, "webview", "src", "data", "deckCsv.ts") },
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  outdir,
  logLevel: "info",
  legalComments: "linked",
};

// esbuild leaves the last build's files in place: chunks are named by their content's hash, so
// without this each build would add its own (and a release would ship a development build's maps).
rmSync(join(outdir, "chunks"), { recursive: true, force: true });
for (const name of existsSync(outdir) ? readdirSync(outdir) : [])
  if (name.endsWith(".map")) rmSync(join(outdir, name));
mkdirSync(outdir, { recursive: true });
cpSync(join(root, "node_modules", "katex", "dist", "fonts"), join(outdir, "fonts"), {
  recursive: true,
});
// Material Symbols for `:material/name:` icons; a browser downloads it only when one is drawn.
cpSync(
  join(root, "node_modules", "material-symbols", "material-symbols-rounded.woff2"),
  join(outdir, "fonts", "material-symbols-rounded.woff2"),
);

// plotly.js for `st.plotly_chart`, served as the classic scripts they are and loaded on the first
// chart (webview/src/data/plotlyLoader.ts): bundled, they would be parsed twice. The basic
// bundle draws the commonest traces, the cartesian one more; the full one the rest.
cpSync(
  join(root, "node_modules", "plotly.js-basic-dist-min", "plotly-basic.min.js"),
  join(outdir, "plotly-basic.min.js"),
);
cpSync(
  join(root, "node_modules", "plotly.js-dist-min", "plotly.min.js"),
  join(outdir, "plotly.min.js"),
);
cpSync(
  join(root, "node_modules", "plotly.js-cartesian-dist-min", "plotly-cartesian.min.js"),
  join(outdir, "plotly-cartesian.min.js"),
);

// maplibre-gl's worker for a deck.gl chart's base map, loaded from beside the bundle
// (webview/src/data/deckBasemap.ts sets its address).
cpSync(
  join(root, "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs"),
  join(outdir, "maplibre-gl-worker.mjs"),
);

// pdf.js's worker for `st.pdf` (webview/src/documents/pdfDocument.ts), loaded by address.
cpSync(
  join(root, "node_modules", "pdfjs-dist", "build", "pdf.worker.min.mjs"),
  join(outdir, "pdf.worker.min.mjs"),
);

if (watch) {
  for (const o of [options, frameOptions, deckCsvOptions]) await (await esbuild.context(o)).watch();
} else {
  await Promise.all([
    esbuild.build(options),
    esbuild.build(frameOptions),
    esbuild.build(deckCsvOptions),
  ]);
}
