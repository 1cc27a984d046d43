// The app, loaded by boot.ts: pick a transport, wire it to the store, draw the app.

import { render } from "preact";
import { App } from "./app";
import { decodeFrames, encodeFrame } from "./core/protocol";
import { Store } from "./core/store";
import type { Transport } from "./core/transport";
import { EarlyTransport, WebSocketTransport } from "./core/transport";
import "./elements/index";
import "./widgets/index";
import "./data/index";
import "./media/index";
import "./components/index";
import "./documents/index";
import { currentTheme, helloFields } from "./core/theme";
import { basePath } from "./core/base_path";
import { pageFromPath, showPageInUrl } from "./core/pages";
import { startHintedPlotly } from "./data/plotly";

/**
 * The transport boot.ts opened: a postMessage-based one in a VS Code webview
 * (core/vscode_transport.ts), else an early WebSocket to `sidepane run`. Without it (tests,
 * another page) we open a WebSocket here.
 */
declare global {
  interface Window {
    sidepaneTransport?: Transport;
    sidepaneOpenLocation?: (file: string, line: number) => void;
  }
}

// A development build checks every received frame against the schema (core/frame_check.ts).
const checkFrame = SIDEPANE_DEV ? (await import("./core/frame_check")).checkFrame : undefined;

/** A path on this server (`/auth/login?…`), not a full URL. */
function onThisServer(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

function start(): void {
  const transport: Transport = window.sidepaneTransport ?? new WebSocketTransport();
  // The page of a multipage app lives in the URL in a browser tab, in the panel's state in VS Code.
  const inUrl = transport.keepPage === undefined;
  const store = new Store({
    send: (frame) => transport.send(encodeFrame(frame)),
    openLocation: (file, line) => window.sidepaneOpenLocation?.(file, line),
    theme: currentTheme(),
    initialPage: inUrl ? pageFromPath(location.pathname) : transport.savedPage?.(),
    onPage: inUrl ? showPageInUrl : (page) => transport.keepPage?.(page),
    // st.login / st.logout leave the page for the server's sign-in routes (not in VS Code).
    // The sign-in routes are the server's: under its base path (server.baseUrlPath).
    navigate: inUrl
      ? (url) => location.assign(onThisServer(url) ? basePath() + url : url)
      : undefined,
  });
  if (inUrl) {
    // Back / Forward between pages: run the page (and query string) the URL now names.
    // (An anchor link also fires popstate: the same page is no reason to rerun.)
    window.addEventListener("popstate", () => {
      const page = pageFromPath(location.pathname);
      if (page === store.getApp().page) return;
      store.goToPage(page, location.search.replace(/^\?/, ""), true);
    });
  }
  transport.onProblem?.((problem) => store.setProblem(problem));
  transport.keepWidgetValues?.(() => store.widgetValues());
  transport.onStatus((status) => {
    store.setConnection(status);
    if (status !== "connected") return;
    const hello = store.hello(helloFields());
    // The boot module may have said hello for this connection already (store.hello still
    // resets the store's bookkeeping for it).
    if (transport.takeSentHello?.() === true) return;
    transport.send(encodeFrame(hello));
  });
  // Once the hello is out, plotly.js the page names evaluates while the script runs: the first
  // connection's hello rides in its handshake (the boot module's EarlyTransport), so at once.
  if (transport instanceof EarlyTransport) startHintedPlotly();
  else transport.onStatus((status) => status === "connected" && startHintedPlotly());
  // After the status listener: an early transport replays `connected` first, so the store's
  // hello bookkeeping comes before the frames it buffered.
  transport.onMessage((bytes) => {
    let corrupt = false;
    for (const frame of decodeFrames(bytes, () => (corrupt = true))) {
      checkFrame?.(frame);
      store.apply(frame);
    }
    if (corrupt) {
      // Part of a message was lost, so the tree may differ from what the runtime thinks this
      // viewer holds: a new hello makes it resend everything (docs/protocol.md, `hello`).
      console.error("sidepane: a message from the runtime was not msgpack; resynchronising");
      transport.send(encodeFrame(store.hello(helloFields())));
    }
  });
  let root = document.getElementById("sidepane-root") ?? document.getElementById("root");
  if (!root) {
    root = document.createElement("div");
    root.id = "sidepane-root";
    document.body.appendChild(root);
  }
  render(<App store={store} />, root);
  transport.start();
}

start();
