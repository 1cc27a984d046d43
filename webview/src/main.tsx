// Entry point: pick a transport, wire it to the store, draw the app.

import { render } from "preact";
import { App } from "./app";
import { decodeFrames, encodeFrame } from "./core/protocol";
import { Store } from "./core/store";
import type { Transport } from "./core/transport";
import { WebSocketTransport } from "./core/transport";
import "./elements/index";
import "./widgets/index";
import "./data/index";
import "./media/index";
import "katex/dist/katex.min.css";
import "highlight.js/styles/github.css";
import "./styles/base.css";
import "./styles/elements.css";
import "./styles/widgets.css";

/**
 * The hook for the VS Code webview: the extension's webview page defines
 * `window.sidepaneTransport` (a postMessage-based Transport) before this bundle runs. Without
 * it we are in a browser tab and talk to `sidepane run` over a WebSocket.
 */
declare global {
  interface Window {
    sidepaneTransport?: Transport;
    sidepaneOpenLocation?: (file: string, line: number) => void;
  }
}

function currentTheme(): "light" | "dark" {
  const forced = document.documentElement.dataset.theme;
  if (forced === "light" || forced === "dark") return forced;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function start(): void {
  const transport: Transport = window.sidepaneTransport ?? new WebSocketTransport();
  const store = new Store({
    send: (frame) => transport.send(encodeFrame(frame)),
    openLocation: (file, line) => window.sidepaneOpenLocation?.(file, line),
    theme: currentTheme(),
  });
  transport.onMessage((bytes) => {
    for (const frame of decodeFrames(bytes)) store.apply(frame);
  });
  transport.onStatus((status) => {
    store.setConnection(status);
    if (status !== "connected") return;
    const hello = store.hello({
      theme: currentTheme(),
      viewport: { w: window.innerWidth, h: window.innerHeight },
      query: location.search.replace(/^\?/, ""),
    });
    transport.send(encodeFrame(hello));
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
