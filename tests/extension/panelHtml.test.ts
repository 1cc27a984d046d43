import { afterEach, describe, expect, it } from "vitest";
import type { SessionServer } from "../../extension/src/panel";
import {
  contentSecurityPolicy,
  escapeHtml,
  makeNonce,
  panelHtml,
} from "../../extension/src/panelHtml";
import { Panels, VIEW_TYPE } from "../../extension/src/panels";
import type { ServerState } from "../../extension/src/server";
import { readSettings } from "../../extension/src/settings";
import type * as vscode from "vscode";
import { Uri, stub } from "./vscode_stub";

const page = {
  cspSource: "https://csp.example",
  scriptUri: "https://csp.example/dist/webview/sidepane.js",
  styleUri: "https://csp.example/dist/webview/sidepane.css",
  preloadUris: ["https://csp.example/dist/webview/chunks/main-X.js"],
  nonce: "abc123+/=",
  script: '/work/a "quoted" <app>.py',
  title: "Sidepane: app.py",
};

describe("panelHtml", () => {
  const html = panelHtml(page);

  it("has a strict CSP: nothing by default, scripts only by nonce or from the webview origin", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBe(escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce)));
    const directives = contentSecurityPolicy(page.cspSource, page.nonce).split("; ");
    expect(directives).toEqual([
      "default-src 'none'",
      "script-src 'nonce-abc123+/=' https://csp.example 'wasm-unsafe-eval'",
      "worker-src https://csp.example blob:",
      "style-src https://csp.example 'unsafe-inline'",
      "font-src https://csp.example data: https:",
      "img-src https://csp.example data: blob: https:",
      "media-src https://csp.example blob: https:",
      "connect-src https://csp.example https://basemaps.cartocdn.com https://*.basemaps.cartocdn.com https://*.api.carto.com",
      // As the browser page (servers/web/page.py): st.iframe's and components.iframe's pages,
      // data: URLs and local files, sandboxed by the viewer.
      "frame-src http: https: data: blob:",
    ]);
    expect(directives.join(" ")).not.toMatch(/(?<!wasm-)unsafe-eval|(?<!\/\/)\*/);
  });

  it("loads the bundle as a module with the nonce, and has no inline script", () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const [, attributes, body] = scripts[0]!;
    expect(attributes).toContain(`src="${page.scriptUri}"`);
    expect(attributes).toContain('type="module"');
    expect(attributes).toContain(`nonce="${page.nonce}"`);
    expect(body).toBe("");
    expect(html).not.toMatch(/\son\w+=/); // no inline event handlers either
    expect(html).toContain(`<link rel="stylesheet" href="${page.styleUri}">`);
    expect(html).toContain(
      '<link rel="modulepreload" href="https://csp.example/dist/webview/chunks/main-X.js">',
    );
  });

  it("escapes the script path it keeps for the serializer", () => {
    expect(html).toContain('data-script="/work/a &quot;quoted&quot; &lt;app&gt;.py"');
  });

  it("tells the viewer when the extension runs remotely (a dev server's loopback is not its)", () => {
    expect(panelHtml({ ...page, remote: true })).toMatch(/<body [^>]* data-remote>/);
    expect(html).not.toContain("data-remote");
    expect(panelHtml({ ...page, remote: false })).not.toContain("data-remote");
  });
});

describe("makeNonce", () => {
  it("is fresh, 128 bits, in CSP's base64 alphabet", () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
  });
});

describe("Panels.createOrShow", () => {
  afterEach(() => {
    stub.panels = [];
  });

  const server: SessionServer & { state: ServerState } = {
    state: { kind: "stopped" },
    openSession: () => Promise.reject(new Error("not running")),
    message: () => undefined,
    closeSession: () => undefined,
  };
  const log = { info() {}, warn() {}, error() {}, debug() {}, show() {} };

  it("opens beside the editor, keeps focus there, and may load only the viewer bundle", () => {
    let ensured = 0;
    const panels = new Panels({
      extensionUri: Uri.file("/ext") as unknown as vscode.Uri,
      server,
      settings: () => readSettings(() => undefined),
      log,
      ensureServer: () => ensured++,
    });
    const panel = panels.createOrShow(Uri.file("/w/app.py") as unknown as vscode.Uri);
    const made = stub.panels[0]!;
    expect(made.viewType).toBe(VIEW_TYPE);
    expect(made.title).toBe("Sidepane: app.py");
    expect(made.showOptions).toEqual({ viewColumn: -2, preserveFocus: true });
    expect(made.options).toEqual({
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [Uri.file("/ext/dist/webview")],
    });
    expect(made.webview.html).toContain(
      'src="https://webview.example/ext/dist/webview/sidepane.js"',
    );
    expect(ensured).toBe(1);
    // The same script again reveals the same panel.
    expect(panels.createOrShow(Uri.file("/w/app.py") as unknown as vscode.Uri)).toBe(panel);
    expect(stub.panels).toHaveLength(1);
    expect(panels.forSession(panel.session)).toBe(panel);
  });
});
