// The language server's lifecycle: one `<python> -m sidepane lsp` per window. Start (choosing
// the interpreter and checking its sidepane version meanwhile), restart on request (debounced for
// settings changes), restart with backoff when the process dies, stop. Frames and statuses from
// the server go to a listener; nothing here waits for a script's run.

import type { PanelProblem } from "../../webview/src/core/vscode_messages";
import { Backoff } from "./backoff";
import { hop } from "./hopTrace";
import type { PackageCheck } from "./install";
import { describeCheck } from "./install";
import type { Log } from "./log";
import type {
  ConfigureParams,
  OpenSessionParams,
  OpenSessionResult,
  RunOnSaveChangedParams,
  ServeComponentsResult,
  StartDebugResult,
  StatusParams,
} from "./protocol";
import {
  CLOSE_SESSION,
  CONFIGURE,
  FRAMES,
  MESSAGE,
  OPEN_SESSION,
  RUN_ON_SAVE_CHANGED,
  SERVE_COMPONENTS,
  START_DEBUG,
  STATUS,
} from "./protocol";
import type { Interpreter } from "./python";
import type { Settings } from "./settings";
import { decodeBase64, encodeBase64 } from "./wire";

export type ServerState =
  | { kind: "stopped" }
  | { kind: "starting" }
  | { kind: "running"; interpreter: Interpreter }
  /** The process died; it is restarted after `retryInMs`. */
  | { kind: "down"; problem: PanelProblem; retryInMs: number }
  /** It cannot run until the person acts (no Python, no or another sidepane). */
  | { kind: "blocked"; problem: PanelProblem; interpreter: Interpreter; check: PackageCheck };

/** How the process ended, as far as known when the connection closed. */
export interface ExitInfo {
  code: number | string | undefined;
  stderr: string;
  /** The server is alive but sent bytes that are not JSON-RPC (why they could not be read). */
  unreadable?: string;
}

/** The part of a LanguageClient this module uses (tests pass a fake). */
export interface ServerClient {
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  sendNotification(method: string, params: unknown): Promise<void>;
  onNotification(method: string, handler: (params: unknown) => void): unknown;
}

export type ClientFactory = (options: {
  python: string;
  args: string[];
  cwd: string;
  /** The connection closed without our asking (the process died). */
  closed: (exit: ExitInfo) => void;
  /**
   * A message from the server could not be read: what the panels were sent may have lost a
   * frame, so the server is restarted as if it had died.
   */
  unreadable: (reason: string) => void;
}) => ServerClient;

export interface ServerListener {
  frames(session: string, bytes: Uint8Array): void;
  status(params: StatusParams): void;
  runOnSaveChanged(params: RunOnSaveChangedParams): void;
  state(state: ServerState): void;
}

export interface ServerDeps {
  log: Log;
  /** The sidepane version this extension needs (its own). */
  version: string;
  settings: () => Settings;
  cwd: () => string;
  interpreter: (settings: Settings) => Promise<Interpreter>;
  check: (python: string, version: string, cwd: string) => Promise<PackageCheck>;
  createClient: ClientFactory;
  listener: ServerListener;
  /** Delay before a settings-triggered restart, so a burst of edits restarts once. */
  restartDelayMs?: number;
  backoff?: Backoff;
}

export class SidepaneServer {
  private client: ServerClient | undefined;
  private current: ServerState = { kind: "stopped" };
  /** Bumped whenever a process is abandoned: late callbacks of an older one are ignored. */
  private generation = 0;
  private starting: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly backoff: Backoff;

  constructor(private readonly deps: ServerDeps) {
    this.backoff = deps.backoff ?? new Backoff();
  }

  get state(): ServerState {
    return this.current;
  }

  /** Starts the server unless it is running or starting; resolves once it runs (or cannot). */
  start(): Promise<void> {
    if (this.current.kind === "running") return Promise.resolve();
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** A restart after settings changed: once, after the edits stop. */
  restartSoon(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => void this.restart(), this.deps.restartDelayMs ?? 1000);
  }

  async restart(): Promise<void> {
    clearTimeout(this.restartTimer);
    await this.stop();
    this.backoff.reset();
    await this.start();
  }

  async stop(): Promise<void> {
    this.generation++;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.setState({ kind: "stopped" });
    if (client) await this.quietStop(client);
  }

  openSession(params: OpenSessionParams): Promise<OpenSessionResult> {
    const client = this.runningClient();
    if (!client) return Promise.reject(new Error("the Sidepane server is not running"));
    return client.sendRequest<OpenSessionResult>(OPEN_SESSION, params);
  }

  /** Where the server's debug adapter listens (`sidepane/startDebug`: started on first call). */
  startDebug(): Promise<StartDebugResult> {
    const client = this.runningClient();
    if (!client) return Promise.reject(new Error("the Sidepane server is not running"));
    return client.sendRequest<StartDebugResult>(START_DEBUG, {});
  }

  /** Serve custom components for the panels on `port` (`sidepane/serveComponents`). */
  serveComponents(port: number): Promise<ServeComponentsResult> {
    const client = this.runningClient();
    if (!client) return Promise.reject(new Error("the Sidepane server is not running"));
    return client.sendRequest<ServeComponentsResult>(SERVE_COMPONENTS, { port });
  }

  /** One viewer → runtime message; dropped while the server is not running. */
  message(session: string, bytes: Uint8Array): void {
    this.notify(MESSAGE, { session, data: encodeBase64(bytes) });
    hop("ext.out");
  }

  closeSession(session: string): void {
    this.notify(CLOSE_SESSION, { session });
  }

  configure(params: ConfigureParams): void {
    this.notify(CONFIGURE, params);
  }

  dispose(): Promise<void> {
    clearTimeout(this.restartTimer);
    return this.stop();
  }

  private runningClient(): ServerClient | undefined {
    return this.current.kind === "running" ? this.client : undefined;
  }

  private notify(method: string, params: unknown): void {
    const client = this.runningClient();
    if (!client) return;
    client.sendNotification(method, params).catch((error: unknown) => {
      this.deps.log.warn(`${method} was not sent: ${String(error)}`);
    });
  }

  private setState(state: ServerState): void {
    this.current = state;
    this.deps.listener.state(state);
  }

  private async launch(): Promise<void> {
    clearTimeout(this.retryTimer);
    const generation = ++this.generation;
    const { log } = this.deps;
    this.setState({ kind: "starting" });
    const settings = this.deps.settings();
    const interpreter = await this.deps.interpreter(settings);
    if (generation !== this.generation) return;
    log.info(`Python: ${interpreter.command} (${interpreter.reason})`);
    const cwd = this.deps.cwd();
    const args = ["-m", "sidepane", "lsp", ...settings.serverArgs];
    // The version check and the server start together: the check costs no time when all is
    // well, and explains the failure when the server cannot start.
    const checking = this.deps.check(interpreter.command, this.deps.version, cwd);
    // A process that dies before the check is done waits for it: a missing package is for the
    // person to fix, not a crash to retry.
    let checked = false;
    let earlyExit: ExitInfo | undefined;
    const client = this.deps.createClient({
      python: interpreter.command,
      args,
      cwd,
      closed: (exit) => {
        if (checked) this.died(generation, exit);
        else earlyExit = exit;
      },
      unreadable: (reason) => {
        if (checked) this.died(generation, { code: undefined, stderr: "", unreadable: reason });
      },
    });
    this.client = client;
    this.listen(client, generation);
    log.info(`Starting: ${interpreter.command} ${args.join(" ")} (in ${cwd})`);
    const started = client.start().then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    const check = await checking;
    checked = true;
    if (generation !== this.generation) return;
    if (check.kind !== "ok") {
      this.generation++;
      this.client = undefined;
      void started.then(() => this.quietStop(client));
      const problem = describeCheck(check, interpreter, this.deps.version);
      log.error(`${problem.message}\n${problem.detail ?? ""}`);
      this.setState({ kind: "blocked", problem, interpreter, check });
      return;
    }
    log.info(`sidepane ${check.version} found in ${check.executable}`);
    if (earlyExit) {
      this.died(generation, earlyExit);
      return;
    }
    const failed = await started;
    if (generation !== this.generation) return;
    if (failed) {
      this.died(generation, earlyExit ?? { code: undefined, stderr: failed.message });
      return;
    }
    this.backoff.started();
    log.info("The Sidepane server is running.");
    this.setState({ kind: "running", interpreter });
  }

  private listen(client: ServerClient, generation: number): void {
    const { listener } = this.deps;
    const live = (): boolean => generation === this.generation;
    client.onNotification(FRAMES, (params) => {
      hop("ext.frames");
      const p = params as { session?: unknown; data?: unknown };
      if (!live() || typeof p.session !== "string" || typeof p.data !== "string") return;
      listener.frames(p.session, decodeBase64(p.data));
    });
    client.onNotification(STATUS, (params) => {
      if (live()) listener.status(params as StatusParams);
    });
    client.onNotification(RUN_ON_SAVE_CHANGED, (params) => {
      if (live()) listener.runOnSaveChanged(params as RunOnSaveChangedParams);
    });
  }

  /** The process of `generation` died: restart it after the backoff's delay. */
  private died(generation: number, exit: ExitInfo): void {
    if (generation !== this.generation) return;
    this.generation++;
    const client = this.client;
    this.client = undefined;
    if (client) void this.quietStop(client);
    const wait = this.backoff.next();
    const how =
      exit.code === undefined
        ? ""
        : typeof exit.code === "string"
          ? ` (killed by ${exit.code})`
          : ` (exit code ${exit.code})`;
    const seconds = (wait / 1000).toFixed(wait < 1000 ? 1 : 0);
    const stderr = lastLines(exit.stderr, 12);
    const problem: PanelProblem = {
      message: exit.unreadable
        ? `The Sidepane server sent a message that is not JSON-RPC (${exit.unreadable}); restarting in ${seconds} s.`
        : `The Sidepane server stopped${how}; restarting in ${seconds} s.`,
      detail: `${stderr ? `${stderr}\n` : ""}Sidepane: Show Server Log has the whole log.`,
    };
    this.deps.log.error(problem.message);
    this.setState({ kind: "down", problem, retryInMs: wait });
    this.retryTimer = setTimeout(() => void this.start(), wait);
  }

  private async quietStop(client: ServerClient): Promise<void> {
    try {
      await client.stop(2000);
    } catch (error) {
      this.deps.log.debug(`Stopping the old server: ${String(error)}`);
    }
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join("\n");
}
