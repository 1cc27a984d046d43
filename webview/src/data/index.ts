// Data elements: tables, charts, metrics, JSON and help. Importing this module registers them.

import { registerElement } from "../core/types";
import { DeckChart } from "./deck";
import { Dataframe } from "./grid";
import { Help } from "./help";
import { Json } from "./json";
import { Metric } from "./metric";
import { PlotlyChart } from "./plotly";
import { VegaLite } from "./vega";

registerElement("dataframe", Dataframe);
// `st.data_editor`: the same grid, editable (docs/protocol.md, "Data editor").
registerElement("data_editor", Dataframe);
registerElement("vega_lite", VegaLite);
registerElement("plotly_chart", PlotlyChart);
// `st.pydeck_chart` and `st.map` (docs/protocol.md, "deck.gl charts").
registerElement("deck_gl_json_chart", DeckChart);
registerElement("metric", Metric);
registerElement("json", Json);
registerElement("help", Help);
