// The bundle's entry: it connects and says hello at once (a WebSocket in a browser tab,
// postMessage in a VS Code webview), so the script runs while the app's code (a separate chunk)
// is still loading; then it loads the app. All styles are imported here: the page links only the
// entry's stylesheet.

import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./styles/base.css";
import "./styles/elements.css";
import "./styles/decorations.css";
import "./styles/widgets.css";
import "./styles/button_groups.css";
import "./styles/chat.css";
import "./styles/layout.css";
import "./styles/data.css";
import "./styles/documents.css";
import "./styles/vscode.css";
import "./styles/pages.css";
import "./styles/dialog.css";
import { pageFromPath } from "./core/pages";
import { encodeFrame } from "./core/protocol";
import { helloFields } from "./core/theme";
import { EarlyTransport } from "./core/transport";
import { PROTOCOL_VERSION } from "./core/types";
import { followVsCodeTheme } from "./core/vscode_theme";
import { VsCodeTransport, vsCodeApi } from "./core/vscode_transport";

const hello = (widgets?: Record<string, unknown>, page?: string, pageFile?: string): Uint8Array =>
  encodeFrame({
    t: "hello",
    v: PROTOCOL_VERSION,
    ...helloFields(),
    ...(page !== undefined && { page }),
    ...(pageFile !== undefined && { page_file: pageFile }),
    ...(widgets && { widgets }),
  });

const vscode = vsCodeApi();
if (vscode) {
  // A VS Code webview panel: VS Code's theme, postMessage to the extension (which holds the
  // session), traceback links open the file in the editor.
  followVsCodeTheme();
  const transport = new VsCodeTransport(
    vscode,
    hello,
    document.body.dataset.script,
    document.body.dataset.pageFile,
  );
  transport.start();
  window.sidepaneTransport ??= transport;
  window.sidepaneOpenLocation ??= (file, line) => transport.openLocation(file, line);
} else {
  // A page's URL (`/page1`) asks for that page of a multipage app.
  window.sidepaneTransport ??= new EarlyTransport(() =>
    hello(undefined, pageFromPath(location.pathname)),
  );
  // The hello is on its way, so the script runs on the server: a library the page names (plotly.js
  // when the script imports plotly: servers/web/page.py) evaluates meanwhile, before the app's
  // own code, which would only wait for it to draw the chart (data/plotlyLoader.ts takes it).
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="script"]'))
    startScript(link.href);
}
void import("./main");

function startScript(src: string): void {
  const script = document.createElement("script");
  script.src = src;
  script.async = true;
  const settle = (state: string) => () => (script.dataset.loaded = state);
  script.addEventListener("load", settle("true"), { once: true });
  script.addEventListener("error", settle("failed"), { once: true });
  document.head.appendChild(script);
}
