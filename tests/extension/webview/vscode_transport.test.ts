// @vitest-environment happy-dom
// The webview side of the VS Code transport (webview/src/core/vscode_transport.ts).
import { decode } from "@msgpack/msgpack";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TransportStatus } from "../../../webview/src/core/transport";
import type { FromPanel, ToPanel } from "../../../webview/src/core/vscode_messages";
import { VsCodeTransport, vsCodeApi } from "../../../webview/src/core/vscode_transport";
import type { VsCodeApi } from "../../../webview/src/core/vscode_transport";

function fakeApi(state?: unknown) {
  const api = {
    posted: [] as FromPanel[],
    state,
    postMessage(message: FromPanel) {
      api.posted.push(message);
    },
    getState: () => api.state,
    setState(value: unknown) {
      api.state = structuredClone(value);
    },
  };
  return api;
}

// happy-dom has no window.origin; a webview page has its host's (VS Code posts with it).
Object.defineProperty(window, "origin", { value: "https://webview.example", configurable: true });

/** The extension posts a message to the page. */
function fromExtension(message: ToPanel, origin = window.origin): void {
  window.dispatchEvent(new MessageEvent("message", { data: message, origin }));
}

const hello = (widgets?: Record<string, unknown>) =>
  new TextEncoder().encode(`hello ${JSON.stringify(widgets ?? {})}`);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("VsCodeTransport", () => {
  it("says ready once, when started", () => {
    const api = fakeApi();
    const transport = new VsCodeTransport(api, hello, "/w/app.py");
    expect(api.posted).toEqual([]);
    transport.start();
    transport.start();
    expect(api.posted).toEqual([{ type: "ready" }]);
    expect(api.state).toEqual({ script: "/w/app.py" });
  });

  it("says hello itself when connected before the app listens, then the app does not", () => {
    const api = fakeApi({ script: "/w/app.py", widgets: { x: 3 } });
    const transport = new VsCodeTransport(api, hello, "/w/app.py");
    transport.start();
    fromExtension({ type: "status", status: "connected" });
    expect(api.posted[1]).toEqual({ type: "message", bytes: hello({ x: 3 }) });
    const seen: TransportStatus[] = [];
    transport.onStatus((status) => seen.push(status));
    expect(seen).toEqual(["connected"]);
    expect(transport.takeSentHello()).toBe(true);
    expect(transport.takeSentHello()).toBe(false);
  });

  it("says the first hello even when the app already listens (a restored panel's values)", () => {
    const api = fakeApi({ script: "/w/app.py", widgets: { x: 5 } });
    const transport = new VsCodeTransport(api, hello);
    transport.onStatus(() => undefined);
    transport.start();
    fromExtension({ type: "status", status: "connected" });
    expect(api.posted).toEqual([{ type: "ready" }, { type: "message", bytes: hello({ x: 5 }) }]);
    expect(transport.takeSentHello()).toBe(true);
  });

  it("leaves later hellos to the app once it listens (a server restart)", () => {
    const api = fakeApi();
    const transport = new VsCodeTransport(api, hello);
    transport.onStatus(() => undefined);
    fromExtension({ type: "status", status: "connected" });
    transport.takeSentHello();
    fromExtension({ type: "status", status: "disconnected" });
    fromExtension({ type: "status", status: "connected" });
    expect(api.posted).toHaveLength(1);
    expect(transport.takeSentHello()).toBe(false);
  });

  it("buffers frames until the app listens, then delivers them in order", () => {
    const transport = new VsCodeTransport(fakeApi(), hello);
    fromExtension({ type: "frames", bytes: Uint8Array.from([1]) });
    fromExtension({ type: "frames", bytes: Uint8Array.from([2]) });
    const got: number[][] = [];
    transport.onMessage((bytes) => got.push([...bytes]));
    fromExtension({ type: "frames", bytes: Uint8Array.from([3]) });
    expect(got).toEqual([[1], [2], [3]]);
  });

  it("ignores messages from other origins (an iframe inside the app)", () => {
    const transport = new VsCodeTransport(fakeApi(), hello);
    const got: Uint8Array[] = [];
    transport.onMessage((bytes) => got.push(bytes));
    fromExtension({ type: "frames", bytes: Uint8Array.from([1]) }, "https://evil.example");
    expect(got).toEqual([]);
  });

  it("sends only while connected, and keeps the widget values for a reload", () => {
    const api = fakeApi();
    const transport = new VsCodeTransport(api, hello, "/w/app.py");
    let widgets: Record<string, unknown> = { slider: 1 };
    transport.keepWidgetValues(() => widgets);
    transport.send(Uint8Array.from([1]));
    expect(api.posted).toEqual([]);
    transport.onStatus(() => undefined);
    fromExtension({ type: "status", status: "connected" });
    api.posted.length = 0; // the first hello
    transport.send(Uint8Array.from([2]));
    widgets = { slider: 2 };
    transport.send(Uint8Array.from([3]));
    expect(api.posted).toEqual([
      { type: "message", bytes: Uint8Array.from([2]) },
      { type: "message", bytes: Uint8Array.from([3]) },
    ]);
    expect(api.state).toEqual({ script: "/w/app.py" });
    vi.advanceTimersByTime(300);
    expect(api.state).toEqual({ script: "/w/app.py", widgets: { slider: 2 } });
  });

  it("posts a view of a bigger buffer as bytes of its own (VS Code would send the whole buffer)", () => {
    const api = fakeApi();
    const transport = new VsCodeTransport(api, hello);
    transport.onStatus(() => undefined);
    fromExtension({ type: "status", status: "connected" });
    api.posted.length = 0;
    const work = new Uint8Array(2048);
    work.set([7, 8, 9], 100);
    transport.send(work.subarray(100, 103));
    const posted = api.posted[0] as { bytes: Uint8Array };
    expect(posted.bytes).toEqual(Uint8Array.from([7, 8, 9]));
    expect(posted.bytes.buffer.byteLength).toBe(3);
  });

  it("reports a problem until the next connection", () => {
    const transport = new VsCodeTransport(fakeApi(), hello);
    fromExtension({ type: "problem", message: "No sidepane", detail: "Install it" });
    const problems: unknown[] = [];
    transport.onProblem((problem) => problems.push(problem));
    fromExtension({ type: "status", status: "connected" });
    expect(problems).toEqual([{ message: "No sidepane", detail: "Install it" }, undefined]);
  });

  it("posts traceback clicks for the extension", () => {
    const api = fakeApi();
    new VsCodeTransport(api, hello).openLocation("/w/app.py", 7);
    expect(api.posted).toEqual([{ type: "openLocation", file: "/w/app.py", line: 7 }]);
  });
});

describe("vsCodeApi", () => {
  afterEach(() => {
    delete (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi;
  });

  it("acquires VS Code's API once (a second acquire would throw)", () => {
    let calls = 0;
    const api: VsCodeApi = fakeApi();
    (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi = () => {
      calls++;
      if (calls > 1) throw new Error("already acquired");
      return api;
    };
    expect(vsCodeApi()).toBe(api);
    expect(vsCodeApi()).toBe(api);
    expect(calls).toBe(1);
  });
});

describe("VsCodeTransport and the pages of a multipage app", () => {
  it("says hello with the page file the panel was opened at, then reruns at showPage", () => {
    const api = fakeApi();
    const pageHello = vi.fn((_w?: Record<string, unknown>, _p?: string, file?: string) =>
      new TextEncoder().encode(`hello ${file ?? ""}`),
    );
    const transport = new VsCodeTransport(api, pageHello, "/w/app.py", "/w/views/sales.py");
    transport.start();
    fromExtension({ type: "status", status: "connected" });
    expect(pageHello).toHaveBeenLastCalledWith(undefined, undefined, "/w/views/sales.py");
    transport.onStatus(() => undefined);
    fromExtension({ type: "showPage", file: "/w/views/costs.py" });
    const rerun = api.posted.at(-1) as { type: string; bytes: Uint8Array };
    expect(rerun.type).toBe("message");
    expect(decode(rerun.bytes)).toEqual({ t: "rerun", page_file: "/w/views/costs.py" });
  });

  it("tells the extension the document's title when it changes", async () => {
    vi.useRealTimers();
    document.title = "Sidepane: app.py";
    const api = fakeApi();
    new VsCodeTransport(api, hello, "/w/app.py");
    document.title = "Sales report";
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.posted).toContainEqual({ type: "title", title: "Sales report" });
  });
});
