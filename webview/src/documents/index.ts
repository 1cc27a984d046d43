// Diagrams and embedded documents. Importing this module registers them; each heavy library
// (Graphviz, Mermaid, ECharts, pdf.js) is its own chunk, loaded when a script first uses it.

import { registerElement } from "../core/types";
import { EChartsChart } from "./echarts";
import { GraphvizChart } from "./graphviz";
import { Iframe } from "./iframe";
import { Pdf } from "./pdf";

registerElement("graphviz_chart", GraphvizChart);
registerElement("echarts_chart", EChartsChart);
registerElement("pdf", Pdf);
registerElement("iframe", Iframe);
