import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as vscode from "vscode";
import type { DebugDeps, DebugServer } from "../../extension/src/debugAdapter";
import { DebugSessions } from "../../extension/src/debugAdapter";
import type { SidepaneDebugConfiguration } from "../../extension/src/debugConfig";
import type { StartDebugResult } from "../../extension/src/protocol";
import type { ServerState } from "../../extension/src/server";
import { recordingLog } from "./fakes";

// The shared `vscode` stub has no debug API: add the one class the factory makes.
vi.mock("vscode", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  DebugAdapterServer: class {
    constructor(
      readonly port: number,
      readonly host?: string,
    ) {}
  },
}));

const PYTHON = { command: "/v/bin/python", source: "setting" as const, reason: "set" };

class FakeServer implements DebugServer {
  state: ServerState = { kind: "stopped" };
  starts = 0;
  debugAsked = 0;
  onStart: ServerState = { kind: "running", interpreter: PYTHON };
  endpoint: StartDebugResult | Error = { host: "127.0.0.1", port: 5678 };

  start(): Promise<void> {
    this.starts++;
    this.state = this.onStart;
    return Promise.resolve();
  }

  startDebug(): Promise<StartDebugResult> {
    this.debugAsked++;
    const endpoint = this.endpoint;
    return endpoint instanceof Error ? Promise.reject(endpoint) : Promise.resolve(endpoint);
  }
}

function session(
  id: string,
  configuration: Partial<SidepaneDebugConfiguration> = {},
): vscode.DebugSession {
  return {
    id,
    name: `Sidepane: ${id}`,
    configuration: {
      type: "sidepane",
      request: "launch",
      name: "x",
      program: "/w/app.py",
      ...configuration,
    },
  } as unknown as vscode.DebugSession;
}

function setup(open: string[] = []) {
  const server = new FakeServer();
  const log = recordingLog();
  const calls: string[] = [];
  const started: SidepaneDebugConfiguration[] = [];
  const stopped: string[] = [];
  const notes: string[] = [];
  const openPanels = new Set(open);
  const deps: DebugDeps = {
    log,
    server,
    panels: {
      isOpen: (script) => openPanels.has(script),
      show: (script) => {
        openPanels.add(script);
        calls.push(`show ${script}`);
      },
      rerun: (script) => calls.push(`rerun ${script}`),
      useArgs: (script, args) => calls.push(`args ${script} ${JSON.stringify(args)}`),
    },
    start: (config) => {
      started.push(config);
      return Promise.resolve(true);
    },
    stop: (s) => {
      stopped.push(s.id);
      return Promise.resolve();
    },
    notify: (message) => notes.push(message),
    scriptArgs: () => [],
    workspaceFolder: () => "/w",
    home: "/home/me",
  };
  return { sessions: new DebugSessions(deps), server, log, calls, started, stopped, notes };
}

/** debugpy answers `configurationDone`: the breakpoints are set. */
function configured(sessions: DebugSessions, s: vscode.DebugSession): void {
  sessions.createDebugAdapterTracker(s).onDidSendMessage?.({
    type: "response",
    command: "configurationDone",
    success: true,
  });
}

describe("DebugSessions as the adapter factory", () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it("starts the server, asks sidepane/startDebug, and connects VS Code to that port", async () => {
    const descriptor = await t.sessions.createDebugAdapterDescriptor(session("a"));
    expect(t.server.starts).toBe(1);
    expect(t.server.debugAsked).toBe(1);
    expect(descriptor).toMatchObject({ port: 5678, host: "127.0.0.1" });
    expect(t.sessions.active).toBe(true);
  });

  it("opens the preview once the breakpoints are set, so the first run stops at them", async () => {
    const s = session("a");
    await t.sessions.createDebugAdapterDescriptor(s);
    expect(t.calls).toEqual([]);
    t.sessions.createDebugAdapterTracker(s).onDidSendMessage?.({
      type: "response",
      command: "setBreakpoints",
      success: true,
    });
    expect(t.calls).toEqual([]);
    configured(t.sessions, s);
    configured(t.sessions, s);
    expect(t.calls).toEqual(["show /w/app.py"]);
  });

  it("reruns an open preview of a launched app, and only reveals it for an attach", async () => {
    const launched = setup(["/w/app.py"]);
    const s = session("a");
    await launched.sessions.createDebugAdapterDescriptor(s);
    expect(launched.calls).toEqual(["show /w/app.py"]); // comes forward at once
    configured(launched.sessions, s);
    expect(launched.calls).toEqual(["show /w/app.py", "rerun /w/app.py"]);

    const attached = setup(["/w/app.py"]);
    const a = session("b", { request: "attach" });
    await attached.sessions.createDebugAdapterDescriptor(a);
    configured(attached.sessions, a);
    expect(attached.calls).toEqual(["show /w/app.py"]);
  });

  it("fails with the server's problem when it cannot run", async () => {
    t.server.onStart = {
      kind: "blocked",
      problem: { message: "sidepane is not installed in /v/bin/python." },
      interpreter: PYTHON,
      check: { kind: "missing", executable: "/v/bin/python", detail: "" },
    };
    await expect(t.sessions.createDebugAdapterDescriptor(session("a"))).rejects.toThrow(
      /sidepane is not installed in \/v\/bin\/python\..*Show Server Log/,
    );
    expect(t.server.debugAsked).toBe(0);
    expect(t.sessions.active).toBe(false);
  });

  it("fails with the server's reason when debugpy cannot start", async () => {
    t.server.endpoint = new Error("Sidepane could not start the debugger: pip install debugpy");
    await expect(t.sessions.createDebugAdapterDescriptor(session("a"))).rejects.toThrow(
      "pip install debugpy",
    );
    expect(t.log.lines.some((l) => l.startsWith("error:") && l.includes("debugpy"))).toBe(true);
  });

  it("notes a pythonPath other than the server's, and uses the server's", async () => {
    await t.sessions.createDebugAdapterDescriptor(
      session("a", { pythonPath: "${workspaceFolder}/.venv/bin/python" }),
    );
    const warning = t.log.lines.find((l) => l.startsWith("warn:"));
    expect(warning).toContain("/w/.venv/bin/python");
    expect(warning).toContain("runs inside the Sidepane server, in /v/bin/python");

    const same = setup();
    await same.sessions.createDebugAdapterDescriptor(session("b", { pythonPath: "/v/bin/python" }));
    expect(same.log.lines.filter((l) => l.startsWith("warn:"))).toEqual([]);
  });

  it("runs the app with launch.json args other than sidepane.scriptArgs while it lasts", async () => {
    const t = setup(["/w/app.py"]);
    const s = session("a", { args: ["--big"] });
    await t.sessions.createDebugAdapterDescriptor(s);
    configured(t.sessions, s);
    expect(t.calls).toEqual(['args /w/app.py ["--big"]', "show /w/app.py", "rerun /w/app.py"]);
    expect(t.log.lines.find((l) => l.startsWith("info:") && l.includes("--big"))).toContain(
      "while debugging",
    );
    t.calls.length = 0;
    t.sessions.ended(s);
    expect(t.calls).toEqual(["args /w/app.py undefined", "rerun /w/app.py"]);
  });

  it("leaves the args alone when launch.json has none or the same", async () => {
    await t.sessions.createDebugAdapterDescriptor(session("a"));
    await t.sessions.createDebugAdapterDescriptor(session("b", { args: [] }));
    t.sessions.ended(session("b"));
    expect(t.calls.filter((c) => c.startsWith("args"))).toEqual([]);
  });

  it("ends an earlier session first: debugpy serves one client at a time", async () => {
    await t.sessions.createDebugAdapterDescriptor(session("a"));
    await t.sessions.createDebugAdapterDescriptor(session("b"));
    expect(t.stopped).toEqual(["a"]);
  });
});

describe("DebugSessions over a session's life", () => {
  it("forgets a session VS Code ended (Stop detaches; the app keeps running)", async () => {
    const t = setup();
    const s = session("a");
    await t.sessions.createDebugAdapterDescriptor(s);
    t.sessions.ended(s);
    expect(t.sessions.active).toBe(false);
    expect(t.log.lines.at(-1)).toContain("the app keeps running");
  });

  it("ends its sessions with a word of why when the server restarts or dies", async () => {
    const t = setup();
    await t.sessions.createDebugAdapterDescriptor(session("a"));
    t.sessions.serverState({ kind: "running", interpreter: PYTHON });
    expect(t.stopped).toEqual([]);
    t.sessions.serverState({ kind: "stopped" });
    expect(t.stopped).toEqual(["a"]);
    expect(t.notes).toEqual([expect.stringMatching(/server restarted.*Debug App again/)]);
    t.sessions.serverState({ kind: "starting" }); // nothing left to end
    expect(t.notes).toHaveLength(1);

    const down = setup();
    await down.sessions.createDebugAdapterDescriptor(session("b"));
    down.sessions.serverState({ kind: "down", problem: { message: "died" }, retryInMs: 500 });
    expect(down.notes).toEqual([expect.stringMatching(/server stopped/)]);
  });

  it("gives the args back to sidepane.scriptArgs when a session ends without VS Code's word", async () => {
    const t = setup();
    await t.sessions.createDebugAdapterDescriptor(session("a", { args: ["--x"] }));
    t.sessions.serverState({ kind: "stopped" });
    expect(t.calls).toEqual(['args /w/app.py ["--x"]', "args /w/app.py undefined"]);
  });
});

describe("DebugSessions.debugApp (Sidepane: Debug App)", () => {
  it("starts a launch of the file with the given args", async () => {
    const t = setup();
    await t.sessions.debugApp("/w/app.py", ["--a"]);
    expect(t.started).toEqual([
      {
        type: "sidepane",
        request: "launch",
        name: "Sidepane: app.py",
        program: "/w/app.py",
        args: ["--a"],
        justMyCode: true,
      },
    ]);
  });

  it("with a session attached, shows and reruns the app instead of a second session", async () => {
    const t = setup(["/w/app.py"]);
    const s = session("a", { program: "/w/other.py" });
    await t.sessions.createDebugAdapterDescriptor(s);
    configured(t.sessions, s);
    t.calls.length = 0;
    await t.sessions.debugApp("/w/app.py", []);
    await t.sessions.debugApp("/w/third.py", []);
    expect(t.started).toEqual([]);
    expect(t.calls).toEqual(["show /w/app.py", "rerun /w/app.py", "show /w/third.py"]);
  });
});
