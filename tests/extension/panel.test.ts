import { decode } from "@msgpack/msgpack";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PanelEnv, PanelView, SessionServer } from "../../extension/src/panel";
import { PreviewPanel } from "../../extension/src/panel";
import type { OpenSessionParams } from "../../extension/src/protocol";
import { SidepaneServer } from "../../extension/src/server";
import { readSettings } from "../../extension/src/settings";
import { decodeBase64 } from "../../extension/src/wire";
import { FakeClient, recordingLog } from "./fakes";
import { FakeWebviewPanel } from "./vscode_stub";

function fakeServer() {
  return {
    opened: [] as OpenSessionParams[],
    sent: [] as { session: string; bytes: Uint8Array }[],
    closed: [] as string[],
    fail: undefined as Error | undefined,
    openSession(params: OpenSessionParams) {
      this.opened.push(params);
      return this.fail
        ? Promise.reject(this.fail)
        : Promise.resolve({ session: params.session, script: params.script, version: "0.1.0" });
    },
    message(session: string, bytes: Uint8Array) {
      this.sent.push({ session, bytes });
    },
    closeSession(session: string) {
      this.closed.push(session);
    },
  };
}

function makePanel<S extends SessionServer>(server: S) {
  const view = new FakeWebviewPanel("sidepane.preview", "Sidepane: app.py", {}, {});
  const opened: { file: string; line: number }[] = [];
  const disposed: PreviewPanel[] = [];
  const browser: PreviewPanel[] = [];
  const env: PanelEnv = {
    server,
    settings: () => readSettings((key) => ({ scriptArgs: ["--n", "3"], runOnSave: "ask" })[key]),
    scriptArgs: () => ["--n", "3"],
    log: recordingLog(),
    openLocation: (_panel, file, line) => opened.push({ file, line }),
    openInBrowser: (panel) => browser.push(panel),
    disposed: (panel) => disposed.push(panel),
  };
  const panel = new PreviewPanel(view as unknown as PanelView, "/w/app.py", env);
  return { panel, view, server, opened, disposed, browser };
}

const kinds = (posted: unknown[]) => posted.map((m) => (m as { type: string }).type);

describe("PreviewPanel", () => {
  it("holds frames until the viewer is ready, then sends the status and them in order", async () => {
    const { panel, view } = makePanel(fakeServer());
    await panel.connect();
    panel.frames(Uint8Array.from([1]));
    panel.frames(Uint8Array.from([2]));
    expect(view.posted).toEqual([]);
    view.receive({ type: "ready" });
    expect(view.posted).toEqual([
      { type: "status", status: "connected" },
      { type: "frames", bytes: Uint8Array.from([1]) },
      { type: "frames", bytes: Uint8Array.from([2]) },
    ]);
    panel.frames(Uint8Array.from([3]));
    expect(view.posted.at(-1)).toEqual({ type: "frames", bytes: Uint8Array.from([3]) });
  });

  it("opens its session with the script, its args and the run-on-save mode", async () => {
    const { panel, view, server } = makePanel(fakeServer());
    view.receive({ type: "ready" });
    await panel.connect();
    expect(server.opened).toEqual([
      { session: panel.session, script: "/w/app.py", args: ["--n", "3"], runOnSave: "ask" },
    ]);
    expect(view.posted).toEqual([
      { type: "status", status: "connecting" },
      { type: "status", status: "connected" },
    ]);
  });

  it("sends the script's new args (a debug session's) without reconnecting", async () => {
    const server = fakeServer();
    const args = { now: ["--n", "3"] };
    const view = new FakeWebviewPanel("sidepane.preview", "Sidepane: app.py", {}, {});
    const env: PanelEnv = {
      server,
      settings: () => readSettings(() => undefined),
      scriptArgs: () => args.now,
      log: recordingLog(),
      openLocation: () => undefined,
      openInBrowser: () => undefined,
      disposed: () => undefined,
    };
    const panel = new PreviewPanel(view as unknown as PanelView, "/w/app.py", env);
    panel.updateArgs(); // not open yet: connect() will send them
    expect(server.opened).toEqual([]);
    await panel.connect();
    args.now = ["--debug-data"];
    view.receive({ type: "ready" });
    view.posted.length = 0;
    panel.updateArgs();
    expect(server.opened.at(-1)).toEqual({
      session: panel.session,
      script: "/w/app.py",
      args: ["--debug-data"],
    });
    expect(view.posted).toEqual([]); // no "connecting" flash
  });

  it("forwards the viewer's messages only while connected", async () => {
    const { panel, view, server } = makePanel(fakeServer());
    view.receive({ type: "ready" });
    view.receive({ type: "message", bytes: Uint8Array.from([9]) });
    expect(server.sent).toEqual([]);
    await panel.connect();
    view.receive({ type: "message", bytes: Uint8Array.from([7, 8]) });
    expect(server.sent).toEqual([{ session: panel.session, bytes: Uint8Array.from([7, 8]) }]);
  });

  it("sends Rerun and Stop as frames of its session", async () => {
    const { panel, server } = makePanel(fakeServer());
    await panel.connect();
    panel.command("rerun");
    panel.command("stop");
    expect(server.sent.map((s) => decode(s.bytes))).toEqual([{ t: "rerun" }, { t: "stop" }]);
  });

  it("tells the runtime when the panel is hidden or shown (run_every pauses meanwhile)", async () => {
    const { panel, server } = makePanel(fakeServer());
    panel.setVisible(false); // not open yet: said when it opens
    expect(server.sent).toEqual([]);
    await panel.connect();
    panel.setVisible(false); // no change, nothing sent
    panel.setVisible(true);
    expect(server.sent.map((s) => decode(s.bytes))).toEqual([
      { t: "visibility", visible: false },
      { t: "visibility", visible: true },
    ]);
  });

  it("passes traceback clicks on", () => {
    const { view, opened } = makePanel(fakeServer());
    view.receive({ type: "openLocation", file: "/w/app.py", line: 12 });
    view.receive({ type: "openLocation", file: "/w/app.py", line: "x" });
    view.receive({ type: "openLocation", file: "/w/lib.py", line: 0 });
    expect(opened).toEqual([
      { file: "/w/app.py", line: 12 },
      { file: "/w/lib.py", line: 1 },
    ]);
  });

  it("passes a camera or microphone widget's 'Open in browser' on", () => {
    const { panel, view, browser } = makePanel(fakeServer());
    view.receive({ type: "openInBrowser" });
    expect(browser).toEqual([panel]);
  });

  it("shows why a session could not open", async () => {
    const server = fakeServer();
    server.fail = new Error("script not found: /w/app.py");
    const { panel, view } = makePanel(server);
    view.receive({ type: "ready" });
    await panel.connect();
    expect(view.posted.at(-1)).toEqual({
      type: "problem",
      message: "Sidepane could not open app.py.",
      detail: "script not found: /w/app.py",
    });
    expect(panel.isConnected).toBe(false);
  });

  it("keeps a problem for a viewer that is not ready yet", () => {
    const { panel, view } = makePanel(fakeServer());
    panel.disconnected({ message: "No Python", detail: "Set sidepane.pythonPath." });
    view.receive({ type: "ready" });
    expect(view.posted).toEqual([
      { type: "status", status: "disconnected" },
      { type: "problem", message: "No Python", detail: "Set sidepane.pythonPath." },
    ]);
  });

  it("closes its session when the panel closes", () => {
    const { panel, view, server, disposed } = makePanel(fakeServer());
    view.dispose();
    expect(server.closed).toEqual([panel.session]);
    expect(disposed).toEqual([panel]);
    expect(panel.isClosed).toBe(true);
  });
});

describe("a server restart", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reopens the same session and says connected, so the viewer says hello again", async () => {
    const clients: FakeClient[] = [];
    const panels: PreviewPanel[] = [];
    const server = new SidepaneServer({
      log: recordingLog(),
      version: "0.1.0",
      settings: () => readSettings(() => undefined),
      cwd: () => "/w",
      interpreter: () => Promise.resolve({ command: "python3", source: "path", reason: "PATH" }),
      check: () => Promise.resolve({ kind: "ok", executable: "python3", version: "0.1.0" }),
      createClient: (options) => {
        const client = new FakeClient(options);
        clients.push(client);
        return client;
      },
      listener: {
        frames: (session, bytes) => panels.find((p) => p.session === session)?.frames(bytes),
        status: () => undefined,
        runOnSaveChanged: () => undefined,
        state: (state) => panels.forEach((p) => p.serverState(state)),
      },
    });
    const { panel, view } = makePanel(server);
    panels.push(panel);
    view.receive({ type: "ready" });
    await server.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(clients[0]!.requests).toEqual([
      {
        method: "sidepane/openSession",
        params: {
          session: panel.session,
          script: "/w/app.py",
          args: ["--n", "3"],
          runOnSave: "ask",
        },
      },
    ]);
    // The viewer's hello reaches the server; frames come back to this panel as bytes.
    view.receive({ type: "message", bytes: Uint8Array.from([1]) });
    expect(clients[0]!.notifications).toEqual([
      { method: "sidepane/message", params: { session: panel.session, data: "AQ==" } },
    ]);
    clients[0]!.notify("sidepane/frames", { session: panel.session, data: "Ag==" });
    expect(view.posted.at(-1)).toEqual({ type: "frames", bytes: decodeBase64("Ag==") });

    view.posted.length = 0;
    clients[0]!.die(-9, "Killed");
    expect(kinds(view.posted)).toEqual(["status", "problem"]);
    expect(view.posted[0]).toEqual({ type: "status", status: "disconnected" });
    await vi.advanceTimersByTimeAsync(500);
    expect(clients).toHaveLength(2);
    expect(clients[1]!.requests).toEqual([
      expect.objectContaining({
        method: "sidepane/openSession",
        params: expect.objectContaining({ session: panel.session }),
      }),
    ]);
    expect(view.posted.slice(-2)).toEqual([
      { type: "status", status: "connecting" },
      { type: "status", status: "connected" },
    ]);
  });
});

describe("PreviewPanel and the pages of a multipage app", () => {
  it("takes its title from the page shown, and asks the viewer for a page file", () => {
    const { panel, view } = makePanel(fakeServer());
    panel.showPage("/w/views/sales.py"); // before the viewer listens: held until ready
    view.receive({ type: "ready" });
    expect(view.posted).toContainEqual({ type: "showPage", file: "/w/views/sales.py" });
    panel.showPage("/w/views/costs.py");
    expect(view.posted.at(-1)).toEqual({ type: "showPage", file: "/w/views/costs.py" });
    view.receive({ type: "title", title: "Sales report" });
    expect(view.title).toBe("Sidepane: Sales report");
    view.receive({ type: "title", title: "" });
    expect(view.title).toBe("Sidepane: app.py");
  });
});
