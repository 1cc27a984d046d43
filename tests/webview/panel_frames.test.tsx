// Web pages in VS Code's panel, as in the browser: st.iframe's and components.iframe's URLs,
// data: URLs and local files (blob:) are framed (the panel's CSP allows them), sandboxed as the
// browser page sandboxes them; the notice stays only where the frame would be empty.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import { frameAllowed, sandboxFor } from "../../webview/src/components/frame_policy";
import "../../webview/src/components/index";
import "../../webview/src/documents/index";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const DESKTOP = "vscode-webview://abc/index.html?id=1";
const CODE_SERVER = "http://127.0.0.1:8080/stable-1/static/out/vs/webview/pre/index.html";
const CODE_SERVER_TLS = "https://code.example/stable-1/static/out/vs/webview/pre/index.html";
const PROXIED = "https://code.example/proxy/4100";

const vscode = vi.hoisted(() => ({ api: undefined as { postMessage: () => void } | undefined }));
vi.mock("../../webview/src/core/vscode_transport", async (original) => ({
  ...(await original<typeof import("../../webview/src/core/vscode_transport")>()),
  vsCodeApi: () => vscode.api,
}));

beforeEach(() => {
  vscode.api = { postMessage: vi.fn() };
});
afterEach(() => {
  vscode.api = undefined;
});

describe("frameAllowed in the panel", () => {
  it("frames https pages, data: URLs and the panel's own blob: URLs", () => {
    for (const here of [DESKTOP, CODE_SERVER, CODE_SERVER_TLS]) {
      for (const base of [undefined, PROXIED]) {
        expect(frameAllowed("https://docs.streamlit.io/", here, base)).toBe(true);
        expect(frameAllowed("data:text/html,<p>x</p>", here, base)).toBe(true);
        expect(frameAllowed(`blob:${new URL(here).origin}/0c1d`, here, base)).toBe(true);
      }
    }
  });

  it("frames http pages unless an https panel would block them as mixed content", () => {
    expect(frameAllowed("http://example.com/", CODE_SERVER)).toBe(true);
    expect(frameAllowed("http://example.com/", DESKTOP)).toBe(true);
    expect(frameAllowed("http://example.com/", CODE_SERVER_TLS)).toBe(false);
    // Loopback is never mixed content.
    for (const url of ["http://127.0.0.1:8000/", "http://localhost:3001/", "http://[::1]:9/"]) {
      expect(frameAllowed(url, DESKTOP)).toBe(true);
      expect(frameAllowed(url, CODE_SERVER_TLS)).toBe(true);
    }
  });

  it("refuses what would be an empty frame: a path with no app server, other schemes", () => {
    expect(frameAllowed("/component/_html/abc", DESKTOP, undefined)).toBe(false);
    expect(frameAllowed("/component/_html/abc", CODE_SERVER, undefined)).toBe(false);
    expect(frameAllowed("http://127.0.0.1:8080/", CODE_SERVER, undefined)).toBe(false);
    expect(frameAllowed("javascript:alert(1)", DESKTOP)).toBe(false);
    expect(frameAllowed("file:///etc/passwd", DESKTOP)).toBe(false);
    // The components server is there when the extension gave its address.
    expect(frameAllowed(`${PROXIED}/component/_html/abc`, CODE_SERVER_TLS, PROXIED)).toBe(true);
  });

  it("keeps a url= component's loopback dev server to a panel on the script's machine", () => {
    const dev = "http://localhost:3001/?streamlitUrl=x";
    expect(frameAllowed(dev, DESKTOP, undefined, { devServer: true, remote: false })).toBe(true);
    expect(frameAllowed(dev, DESKTOP, undefined, { devServer: true, remote: true })).toBe(false);
    // A page anywhere else, or st.iframe of loopback (the viewer's, as in Streamlit), is framed.
    const hosted = "https://components.example/menu/";
    expect(frameAllowed(hosted, DESKTOP, undefined, { devServer: true, remote: true })).toBe(true);
    expect(frameAllowed(dev, DESKTOP, undefined, { devServer: false, remote: true })).toBe(true);
  });

  it("sandboxes as the browser page: a page elsewhere keeps its origin, the panel's never", () => {
    expect(sandboxFor("https://docs.streamlit.io/", DESKTOP, undefined)).toContain(
      "allow-same-origin",
    );
    const blob = `blob:${new URL(DESKTOP).origin}/0c1d`;
    expect(sandboxFor(blob, DESKTOP, undefined)).not.toContain("allow-same-origin");
    // Under code-server, a page proxied on the workbench's own origin.
    expect(
      sandboxFor("https://code.example/proxy/9000/", CODE_SERVER_TLS, undefined),
    ).not.toContain("allow-same-origin");
  });
});

describe("web pages drawn in the panel", () => {
  let host: HTMLDivElement;
  beforeEach(() => {
    host = document.createElement("div");
    document.body.appendChild(host);
  });
  afterEach(() => {
    act(() => render(null, host));
    host.remove();
    delete document.body.dataset.remote;
  });

  function draw(elements: [string, Record<string, unknown>][]): void {
    const { store } = recordingStore();
    runStart(store, 1);
    elements.forEach(([type, props], i) => upsert(store, 1, ["main", i], type, props));
    runEnd(store, 1);
    act(() =>
      render(
        <>
          {elements.map((_, i) => (
            <NodeView nodeKey={`main/${i}`} store={store} />
          ))}
        </>,
        host,
      ),
    );
  }

  it("st.iframe and components.iframe of a URL, even with no components server", () => {
    draw([
      ["iframe", { src: "https://docs.streamlit.io", height: 400 }],
      ["component_frame", { src: "http://127.0.0.1:8765/page.html", height: 120 }],
      ["iframe", { src: "data:text/html,<p>hi</p>", height: 100 }],
    ]);
    const frames = Array.from(host.querySelectorAll("iframe"));
    expect(frames.map((f) => f.getAttribute("src"))).toEqual([
      "https://docs.streamlit.io",
      "http://127.0.0.1:8765/page.html",
      "data:text/html,<p>hi</p>",
    ]);
    for (const frame of frames) expect(frame.getAttribute("sandbox")).toContain("allow-scripts");
    expect(host.textContent).not.toContain("cannot show");
  });

  it("an HTML page with no components server, and a remote dev server, offer the browser", () => {
    document.body.dataset.remote = "";
    draw([
      ["iframe", { html_id: "abc", height: "content" }],
      [
        "component_instance",
        { id: "c1", label: "", name: "dev.menu", url: "http://localhost:3001", args: {} },
      ],
    ]);
    expect(host.querySelectorAll("iframe")).toHaveLength(0);
    expect(host.textContent).toContain("VS Code's panel cannot show st.iframe.");
    expect(host.textContent).toContain("VS Code's panel cannot show the dev.menu component.");
  });
});
