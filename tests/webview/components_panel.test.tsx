// Custom components in VS Code's panel with the language server's components server (its address
// in <body data-component-base>): frames load from there, sandboxed without allow-same-origin,
// and speak the same protocol; what the panel's CSP would block still offers the browser.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { ViewerFrame } from "../../webview/src/core/types";
import {
  componentSrc,
  frameAllowed,
  sandboxFor,
  servedBySidepane,
} from "../../webview/src/components/frame_policy";
import "../../webview/src/components/index";
import "../../webview/src/documents/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const BASE = "http://127.0.0.1:4100";
const PROXIED = "https://code.example/proxy/4100";
const WEBVIEW = "vscode-webview://abc/index.html?id=1";

const vscode = vi.hoisted(() => ({ api: undefined as { postMessage: () => void } | undefined }));
vi.mock("../../webview/src/core/vscode_transport", async (original) => ({
  ...(await original<typeof import("../../webview/src/core/vscode_transport")>()),
  vsCodeApi: () => vscode.api,
}));

describe("frame policy in the panel", () => {
  beforeEach(() => {
    vscode.api = { postMessage: vi.fn() };
  });
  afterEach(() => {
    vscode.api = undefined;
  });

  it("frames the components server, and never gives it the panel's origin", () => {
    for (const base of [BASE, PROXIED]) {
      const page = `${base}/component/pkg.menu/index.html`;
      expect(frameAllowed(page, WEBVIEW, base)).toBe(true);
      expect(servedBySidepane(page, WEBVIEW, base)).toBe(true);
      expect(sandboxFor(page, WEBVIEW, base)).not.toContain("allow-same-origin");
      // Not a prefix that merely starts alike (another port, another proxied port).
      expect(servedBySidepane(`${base}0/component/x/index.html`, WEBVIEW, base)).toBe(false);
    }
    // Without the address, Sidepane's pages (paths on the webview's origin) are nowhere.
    expect(frameAllowed("/component/x/index.html", WEBVIEW, undefined)).toBe(false);
  });

  it("in a browser tab nothing changes", () => {
    vscode.api = undefined;
    expect(frameAllowed("https://example.com/", "http://127.0.0.1:8501/", undefined)).toBe(true);
    expect(componentSrc("pkg.menu", undefined, "http://127.0.0.1:8501/")).toMatch(
      /^\/component\/pkg\.menu\/index\.html\?streamlitUrl=/,
    );
  });
});

describe("in VS Code's panel with a components server", () => {
  let host: HTMLDivElement;
  beforeEach(() => {
    vscode.api = { postMessage: vi.fn() };
    document.body.dataset.componentBase = PROXIED;
    host = document.createElement("div");
    document.body.appendChild(host);
  });
  afterEach(() => {
    act(() => render(null, host));
    host.remove();
    vscode.api = undefined;
    delete document.body.dataset.componentBase;
  });

  it("draws components from it, and a component's value becomes the widget's", () => {
    const { store, sent } = recordingStore();
    runStart(store, 1);
    upsert(store, 1, ["main", 0], "component_instance", {
      id: "c1",
      label: "",
      name: "pkg.menu",
      args: { default: null, key: null },
      value: null,
    });
    upsert(store, 1, ["main", 1], "component_frame", { html_id: "abc", height: 150 });
    upsert(store, 1, ["main", 2], "component_frame", { src: "https://example.com", height: 9 });
    upsert(store, 1, ["main", 3], "iframe", { html_id: "def", height: 100 });
    upsert(store, 1, ["main", 4], "component_instance", {
      id: "c2",
      label: "",
      name: "dev.served",
      url: "http://localhost:3001",
      args: {},
      value: null,
    });
    runEnd(store, 1);
    act(() =>
      render(
        <>
          {[0, 1, 2, 3, 4].map((i) => (
            <NodeView nodeKey={`main/${i}`} store={store} />
          ))}
        </>,
        host,
      ),
    );
    const [instance, html, page, iframe, dev] = Array.from(host.querySelectorAll("iframe"));
    expect(instance!.getAttribute("src")).toMatch(
      /^https:\/\/code\.example\/proxy\/4100\/component\/pkg\.menu\/index\.html\?streamlitUrl=/,
    );
    expect(html!.getAttribute("src")).toBe(`${PROXIED}/component/_html/abc`);
    expect(iframe!.getAttribute("src")).toBe(`${PROXIED}/component/_html/def`);
    for (const frame of [instance!, html!, iframe!]) {
      expect(frame.getAttribute("sandbox")).toContain("allow-scripts");
      expect(frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
    }
    // A page elsewhere and a local dev server's `url=` component are framed as in the browser,
    // with their own origins.
    expect(page!.getAttribute("src")).toBe("https://example.com");
    expect(dev!.getAttribute("src")).toMatch(/^http:\/\/localhost:3001\/\?streamlitUrl=/);
    for (const frame of [page!, dev!]) {
      expect(frame.getAttribute("sandbox")).toContain("allow-same-origin");
    }
    expect(host.textContent).not.toContain("cannot show");

    const posted = vi.fn();
    const win = { postMessage: posted };
    Object.defineProperty(instance, "contentWindow", { value: win });
    const fromFrame = (data: Record<string, unknown>) =>
      act(() => {
        window.dispatchEvent(
          new MessageEvent("message", {
            data: { isStreamlitMessage: true, ...data },
            source: win as unknown as Window,
          }),
        );
      });
    fromFrame({ type: "streamlit:componentReady", apiVersion: 1 });
    expect(posted.mock.calls.at(-1)![0]).toMatchObject({ type: "streamlit:render" });
    fromFrame({ type: "streamlit:setFrameHeight", height: 42 });
    expect(instance!.style.height).toBe("42px");
    fromFrame({ type: "streamlit:setComponentValue", value: "Home", dataType: "json" });
    const values = sent.flatMap((f: ViewerFrame) =>
      f.t === "widget_value" ? [[f.id, f.value]] : [],
    );
    expect(values).toEqual([["c1", "Home"]]);
  });
});
