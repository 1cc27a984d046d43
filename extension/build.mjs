// Builds the VS Code extension: extension/src/extension.ts → dist/extension.cjs (one CommonJS
// file, `vscode` external; .cjs because the top-level package.json says "type": "module"), and
// copies the viewer bundle (python_server/sidepane/static, made by webview/build.mjs) to
// dist/webview/, the only folder the panel may load from (only the files the page can load).
// `node extension/build.mjs [--watch] [--production]`.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  watch as watchFolder,
  writeFileSync,
} from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const staticDir = join(root, "python_server", "sidepane", "static");
const webviewDir = join(dist, "webview");
const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

/** @type {import("esbuild").BuildOptions} */
const options = {
  entryPoints: [join(root, "extension", "src", "extension.ts")],
  outfile: join(dist, "extension.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  // VS Code 1.91 (our engines minimum) runs extensions on Node 20.
  target: "node20",
  external: ["vscode"],
  minify: production,
  sourcemap: true,
  logLevel: "info",
};

const STATIC_IMPORT = /(?:from|import)\s*["'](\.\.?\/[^"']+?\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.\.?\/[^"']+?\.js)["']\s*\)/g;
// A file a module loads by address, beside it (plotly.js, a classic script: data/plotlyLoader.ts).
const MODULE_ASSET = /new URL\(\s*["'](\.\.?\/[^"']+?)["']\s*,\s*import\.meta\.url\s*\)/g;

/** The modules `file` imports (paths relative to the static folder). */
function importsOf(file, pattern) {
  const text = readFileSync(join(staticDir, file), "utf8");
  return [...text.matchAll(pattern)]
    .map(([, ref]) => posix.normalize(posix.join(posix.dirname(file), ref)))
    .filter((target) => existsSync(join(staticDir, target)));
}

/** `roots` and every module they import statically. */
function staticClosure(roots) {
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const target of importsOf(queue.pop(), STATIC_IMPORT)) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/**
 * The viewer files the page can load: the entry script and stylesheet, every chunk reachable
 * from the entry by import (the static folder may still hold chunks of earlier builds) and the
 * files those chunks load by address (`new URL("../x", import.meta.url)`), the
 * .woff2 fonts the stylesheet names (VS Code's Chromium takes those, listed first) and the
 * bundled libraries' license notices.
 */
function viewerFiles() {
  const files = new Set(["sidepane.js", "sidepane.css"]);
  const scripts = ["sidepane.js"];
  while (scripts.length > 0) {
    const file = scripts.pop();
    for (const target of [...importsOf(file, STATIC_IMPORT), ...importsOf(file, DYNAMIC_IMPORT)]) {
      if (files.has(target)) continue;
      files.add(target);
      scripts.push(target);
    }
    for (const asset of importsOf(file, MODULE_ASSET)) files.add(asset);
  }
  const css = readFileSync(join(staticDir, "sidepane.css"), "utf8");
  for (const [, ref] of css.matchAll(/url\(["']?([^"')]+\.woff2)["']?\)/g)) files.add(ref);
  for (const file of [...files]) {
    if (existsSync(join(staticDir, `${file}.LEGAL.txt`))) files.add(`${file}.LEGAL.txt`);
  }
  return [...files].sort();
}

/**
 * The modules of the first paint besides the entry: its static imports and the app chunk it
 * loads at once (with their imports). The panel's page preloads them, so they download beside
 * the entry instead of one after another (dist/webview/preload.json, read by panelHtml.ts).
 */
function firstPaintModules() {
  const modules = staticClosure(["sidepane.js", ...importsOf("sidepane.js", DYNAMIC_IMPORT)]);
  modules.delete("sidepane.js");
  return [...modules].sort();
}

function copyViewer() {
  if (!existsSync(join(staticDir, "sidepane.js"))) {
    console.error(
      `extension/build.mjs: no viewer bundle in ${staticDir}; run \`make build\` first`,
    );
    process.exitCode = 1;
    return;
  }
  rmSync(webviewDir, { recursive: true, force: true });
  for (const file of viewerFiles()) {
    mkdirSync(dirname(join(webviewDir, file)), { recursive: true });
    copyFileSync(join(staticDir, file), join(webviewDir, file));
  }
  writeFileSync(join(webviewDir, "preload.json"), JSON.stringify(firstPaintModules()));
}

mkdirSync(dist, { recursive: true });
copyViewer();
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  // Follow `node webview/build.mjs --watch`: copy the viewer again after it rebuilds.
  mkdirSync(staticDir, { recursive: true });
  let timer;
  watchFolder(staticDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        copyViewer();
      } catch (error) {
        console.error(
          `extension/build.mjs: copying the viewer failed (${error}); next change retries`,
        );
      }
    }, 200);
  });
} else {
  await esbuild.build(options);
}
