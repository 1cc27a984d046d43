// Custom components in the panel: the port the extension chooses, the address VS Code gives for
// it, the server asked to serve there, and the panel's page that may frame exactly that address.
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as vscode from "vscode";
import { ComponentHost, componentBase } from "../../extension/src/componentHost";
import type { ComponentHostDeps } from "../../extension/src/componentHost";
import type { SessionServer } from "../../extension/src/panel";
import { contentSecurityPolicy, panelHtml } from "../../extension/src/panelHtml";
import { Panels } from "../../extension/src/panels";
import type { ServerState } from "../../extension/src/server";
import { readSettings } from "../../extension/src/settings";
import { Uri, stub } from "./vscode_stub";

const log = { info: vi.fn(), warn: vi.fn(), error() {}, debug() {}, show() {} };

function host(over: Partial<ComponentHostDeps> = {}): {
  host: ComponentHost;
  deps: ComponentHostDeps;
  asked: number[];
} {
  const asked: number[] = [];
  const deps: ComponentHostDeps = {
    freePort: vi.fn(() => Promise.resolve(4100)),
    externalUri: (local) => Promise.resolve(local),
    serve: (port) => {
      asked.push(port);
      return Promise.resolve(port);
    },
    log,
    ...over,
  };
  return { host: new ComponentHost(deps), deps, asked };
}

describe("componentBase", () => {
  it("is what VS Code answers, without its trailing slash", () => {
    expect(componentBase("http://127.0.0.1:4100/")).toBe("http://127.0.0.1:4100");
    // code-server's proxy (the path prefix is part of the address).
    expect(componentBase("https://code.example/proxy/4100/")).toBe(
      "https://code.example/proxy/4100",
    );
    expect(componentBase("https://4100-x.proxy.example/?tkn=1")).toBe(
      "https://4100-x.proxy.example",
    );
    expect(() => componentBase("vscode-webview://x/")).toThrow(/not an http/);
  });
});

describe("ComponentHost", () => {
  it("chooses the port once and asks each new server for it", async () => {
    const {
      host: h,
      deps,
      asked,
    } = host({
      externalUri: (local) => Promise.resolve(local.replace("127.0.0.1", "fwd.example")),
    });
    expect(await h.base()).toBe("http://fwd.example:4100");
    expect(await h.serverRunning()).toBe(false);
    expect(await h.serverRunning()).toBe(false); // a restart
    expect(asked).toEqual([4100, 4100]);
    expect(deps.freePort).toHaveBeenCalledTimes(1);
  });

  it("follows the server to another port when the chosen one was taken", async () => {
    const { host: h } = host({ serve: () => Promise.resolve(4200) });
    expect(await h.base()).toBe("http://127.0.0.1:4100");
    expect(await h.serverRunning()).toBe(true);
    expect(await h.port()).toBe(4200);
    expect(await h.base()).toBe("http://127.0.0.1:4200");
  });

  it("has no address when VS Code gives none, and says why", async () => {
    log.warn.mockClear();
    const { host: h } = host({ externalUri: () => Promise.reject(new Error("no tunnel")) });
    expect(await h.base()).toBeUndefined();
    expect(String(log.warn.mock.calls[0]?.[0])).toContain("no tunnel");
  });

  it("an old server without the method: a warning, nothing else", async () => {
    log.warn.mockClear();
    const { host: h } = host({ serve: () => Promise.reject(new Error("Unhandled method")) });
    expect(await h.serverRunning()).toBe(false);
    expect(String(log.warn.mock.calls[0]?.[0])).toContain("Unhandled method");
  });
});

const page = {
  cspSource: "https://csp.example",
  scriptUri: "https://csp.example/dist/webview/sidepane.js",
  styleUri: "https://csp.example/dist/webview/sidepane.css",
  preloadUris: [],
  nonce: "abc",
  script: "/w/app.py",
  title: "Sidepane: app.py",
};

describe("the panel's page with a components address", () => {
  it("may frame that address (an http(s) one, as any); the viewer reads it from the body", () => {
    const base = "https://code.example/proxy/4100";
    const csp = contentSecurityPolicy(page.cspSource, page.nonce).split("; ");
    expect(csp).toContain("frame-src http: https: data: blob:");
    const html = panelHtml({ ...page, componentBase: base });
    expect(html).toContain('data-component-base="https://code.example/proxy/4100"');
    expect(panelHtml(page)).not.toContain("data-component-base");
  });
});

describe("Panels with a ComponentHost", () => {
  afterEach(() => {
    stub.panels = [];
  });

  const server: SessionServer & { state: ServerState } = {
    state: { kind: "stopped" },
    openSession: () => Promise.reject(new Error("not running")),
    message: () => undefined,
    closeSession: () => undefined,
  };

  it("makes the page once the address is known, again when the server moves it", async () => {
    let port = 4100;
    const { host: h } = host({ serve: () => Promise.resolve(port) });
    const panels = new Panels({
      extensionUri: Uri.file("/ext") as unknown as vscode.Uri,
      server,
      settings: () => readSettings(() => undefined),
      log,
      ensureServer: () => undefined,
      components: h,
    });
    panels.createOrShow(Uri.file("/w/app.py") as unknown as vscode.Uri);
    const made = stub.panels[0]!;
    await vi.waitFor(() =>
      expect(made.webview.html).toContain('data-component-base="http://127.0.0.1:4100"'),
    );
    const running: ServerState = {
      kind: "running",
      interpreter: { command: "python", reason: "test", source: "setting" },
    } as ServerState;
    panels.serverState(running);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(made.webview.html).toContain('data-component-base="http://127.0.0.1:4100"');
    port = 4200; // the next server found 4100 taken
    panels.serverState(running);
    await vi.waitFor(() =>
      expect(made.webview.html).toContain('data-component-base="http://127.0.0.1:4200"'),
    );
    panels.dispose();
  });
});
