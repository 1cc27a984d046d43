// The bundle's entry: in a browser tab it connects and says hello at once, so the script runs
// while the app's code (a separate chunk) is still loading; then it loads the app. All styles
// are imported here: the page links only the entry's stylesheet.

import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./styles/base.css";
import "./styles/elements.css";
import "./styles/widgets.css";
import "./styles/data.css";
import { encodeFrame } from "./core/protocol";
import { helloFields } from "./core/theme";
import { EarlyTransport } from "./core/transport";
import { PROTOCOL_VERSION } from "./core/types";

// A VS Code webview provides its own transport before this runs; a browser tab gets a WebSocket.
window.sidepaneTransport ??= new EarlyTransport(() =>
  encodeFrame({ t: "hello", v: PROTOCOL_VERSION, ...helloFields() }),
);
void import("./main");
