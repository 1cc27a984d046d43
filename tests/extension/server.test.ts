import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PackageCheck } from "../../extension/src/install";
import type { StatusParams } from "../../extension/src/protocol";
import type { ServerDeps, ServerState } from "../../extension/src/server";
import { SidepaneServer } from "../../extension/src/server";
import { readSettings } from "../../extension/src/settings";
import { FakeClient, recordingLog } from "./fakes";

const OK: PackageCheck = { kind: "ok", executable: "/venv/bin/python", version: "0.1.0" };

function setup(over: Partial<ServerDeps> = {}) {
  const clients: FakeClient[] = [];
  const states: ServerState["kind"][] = [];
  const frames: { session: string; bytes: Uint8Array }[] = [];
  const statuses: StatusParams[] = [];
  let check: PackageCheck | Promise<PackageCheck> = OK;
  const server = new SidepaneServer({
    log: recordingLog(),
    version: "0.1.0",
    settings: () =>
      readSettings((key) => (key === "serverArgs" ? ["--log-level", "debug"] : undefined)),
    cwd: () => "/work",
    interpreter: () =>
      Promise.resolve({ command: "/venv/bin/python", source: "setting", reason: "set" }),
    check: () => Promise.resolve(check),
    createClient: (options) => {
      const client = new FakeClient(options);
      clients.push(client);
      return client;
    },
    listener: {
      frames: (session, bytes) => frames.push({ session, bytes }),
      status: (params) => statuses.push(params),
      runOnSaveChanged: () => undefined,
      state: (state) => states.push(state.kind),
    },
    restartDelayMs: 1000,
    ...over,
  });
  return {
    server,
    clients,
    states,
    frames,
    statuses,
    setCheck: (c: PackageCheck | Promise<PackageCheck>) => (check = c),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("SidepaneServer", () => {
  it("starts `<python> -m sidepane lsp <serverArgs>` once, however often asked", async () => {
    const { server, clients, states } = setup();
    await Promise.all([server.start(), server.start()]);
    expect(clients).toHaveLength(1);
    expect(clients[0]!.options).toMatchObject({
      python: "/venv/bin/python",
      args: ["-m", "sidepane", "lsp", "--log-level", "debug"],
      cwd: "/work",
    });
    expect(states).toEqual(["starting", "running"]);
    await server.start();
    expect(clients).toHaveLength(1);
  });

  it("decodes each frames notification once into bytes for its session", async () => {
    const { server, clients, frames } = setup();
    await server.start();
    const data = Buffer.from([0x81, 0xa1, 0x74, 0xa3, 0x72, 0x75, 0x6e]).toString("base64");
    clients[0]!.notify("sidepane/frames", { session: "s1", data });
    clients[0]!.notify("sidepane/frames", { session: "s1" }); // malformed: ignored
    expect(frames).toHaveLength(1);
    expect(frames[0]!.session).toBe("s1");
    expect(frames[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect([...frames[0]!.bytes]).toEqual([0x81, 0xa1, 0x74, 0xa3, 0x72, 0x75, 0x6e]);
  });

  it("passes run statuses on", async () => {
    const { server, clients, statuses } = setup();
    await server.start();
    const status = { session: "s", script: "/w/app.py", state: "idle", run: 3, ms: 12.5 };
    clients[0]!.notify("sidepane/status", status);
    expect(statuses).toEqual([status]);
  });

  it("sends viewer messages as base64, and drops them while not running", async () => {
    const { server, clients } = setup();
    server.message("s", Uint8Array.from([1, 2, 3]));
    await server.start();
    server.message("s", Uint8Array.from([1, 2, 3]));
    server.configure({ runOnSave: "ask", args: [] });
    server.closeSession("s");
    expect(clients[0]!.notifications).toEqual([
      { method: "sidepane/message", params: { session: "s", data: "AQID" } },
      { method: "sidepane/configure", params: { runOnSave: "ask", args: [] } },
      { method: "sidepane/closeSession", params: { session: "s" } },
    ]);
  });

  it("restarts a dead server with backoff, telling why", async () => {
    const { server, clients, states } = setup();
    await server.start();
    clients[0]!.die(1, "Traceback...\nRuntimeError: boom\n");
    expect(server.state.kind).toBe("down");
    const down = server.state as Extract<ServerState, { kind: "down" }>;
    expect(down.retryInMs).toBe(500);
    expect(down.problem.message).toBe(
      "The Sidepane server stopped (exit code 1); restarting in 0.5 s.",
    );
    expect(down.problem.detail).toContain("RuntimeError: boom");
    await vi.advanceTimersByTimeAsync(499);
    expect(clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(clients).toHaveLength(2);
    expect(server.state.kind).toBe("running");
    clients[1]!.die(1);
    expect((server.state as { retryInMs: number }).retryInMs).toBe(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(clients).toHaveLength(3);
    expect(states).toEqual([
      "starting",
      "running",
      "down",
      "starting",
      "running",
      "down",
      "starting",
      "running",
    ]);
  });

  it("restarts a server whose output cannot be read, telling why, once per server", async () => {
    const { server, clients } = setup();
    await server.start();
    clients[0]!.garble("Unexpected token 'x' in JSON");
    clients[0]!.garble("Header must provide a Content-Length property.");
    expect(clients[0]!.stopped).toBe(true);
    const down = server.state as Extract<ServerState, { kind: "down" }>;
    expect(down.problem.message).toBe(
      "The Sidepane server sent a message that is not JSON-RPC (Unexpected token 'x' in JSON); restarting in 0.5 s.",
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(clients).toHaveLength(2);
    expect(server.state.kind).toBe("running");
  });

  it("waits for the person when the interpreter lacks sidepane, even if the process died first", async () => {
    const { server, clients, setCheck } = setup();
    let finish: (c: PackageCheck) => void = () => undefined;
    setCheck(new Promise<PackageCheck>((resolve) => (finish = resolve)));
    const starting = server.start();
    await vi.advanceTimersByTimeAsync(0);
    clients[0]!.die(1, "No module named sidepane");
    finish({
      kind: "missing",
      executable: "/usr/bin/python3",
      detail: "No module named 'sidepane'",
    });
    await starting;
    expect(server.state.kind).toBe("blocked");
    const blocked = server.state as Extract<ServerState, { kind: "blocked" }>;
    expect(blocked.problem.message).toBe(
      "The Python at /usr/bin/python3 does not have the sidepane package.",
    );
    expect(blocked.problem.detail).toContain("Interpreter: /venv/bin/python (set).");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clients).toHaveLength(1); // no crash loop
    expect(clients[0]!.stopped).toBe(true);
  });

  it("stops the server when another sidepane version answers", async () => {
    const { server, clients, setCheck } = setup();
    setCheck({ kind: "mismatch", executable: "/venv/bin/python", version: "0.0.9" });
    await server.start();
    expect(server.state.kind).toBe("blocked");
    expect(clients[0]!.stopped).toBe(true);
    await expect(server.openSession({ session: "s", script: "/w/app.py" })).rejects.toThrow(
      /not running/,
    );
  });

  it("ignores the old process after a deliberate restart", async () => {
    const { server, clients, states } = setup();
    await server.start();
    await server.restart();
    expect(clients).toHaveLength(2);
    expect(clients[0]!.stopped).toBe(true);
    clients[0]!.die(0);
    expect(server.state.kind).toBe("running");
    expect(states).toEqual(["starting", "running", "stopped", "starting", "running"]);
  });

  it("restarts once after a burst of settings changes", async () => {
    const { server, clients } = setup();
    await server.start();
    server.restartSoon();
    await vi.advanceTimersByTimeAsync(500);
    server.restartSoon();
    server.restartSoon();
    await vi.advanceTimersByTimeAsync(999);
    expect(clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(clients).toHaveLength(2);
  });
});
