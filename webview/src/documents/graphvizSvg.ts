// Graphviz (compiled to WebAssembly by @hpcc-js/wasm-graphviz): its own chunk, loaded when the
// first graph is drawn. The WASM is inlined in the module; compiling it needs the page CSP's
// 'wasm-unsafe-eval' (servers/web/page.py).

import { Graphviz } from "@hpcc-js/wasm-graphviz";
import type { Engine } from "@hpcc-js/wasm-graphviz";

let loading: Promise<Graphviz> | null = null;

const ENGINES: readonly string[] = [
  "circo",
  "dot",
  "fdp",
  "sfdp",
  "neato",
  "osage",
  "patchwork",
  "twopi",
  "nop",
  "nop2",
];

/**
 * The graph as SVG text. Graphviz paints a white page and black lines where the DOT sets no
 * colour; those defaults become transparent and the text colour, so an uncoloured graph reads
 * in a dark theme too (colours the graph sets are kept).
 */
export async function graphvizSvg(dot: string, engine: string): Promise<string> {
  loading ??= Graphviz.load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  const graphviz = await loading;
  if (!ENGINES.includes(engine)) throw new Error(`Unknown Graphviz engine: ${engine}`);
  const svg = graphviz.layout(dot, "svg", engine as Engine);
  return svg
    .replace(
      /(<g id="graph0" class="graph"[^>]*>\s*(?:<title>[^<]*<\/title>\s*)?<polygon) fill="white"/,
      '$1 fill="transparent"',
    )
    .replace(/ (fill|stroke)="black"/g, ' $1="currentColor"');
}
