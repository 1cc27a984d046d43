// The debug adapter of a `sidepane` session is debugpy inside the Sidepane server: make sure the
// server runs, ask where debugpy listens (`sidepane/startDebug`) and give VS Code that address,
// so VS Code speaks DAP straight to it. Only the script threads stop; the server keeps serving,
// watching files and rerunning on save. The preview opens once the breakpoints are in place (the
// answer to `configurationDone`), so its first run stops at them; an open preview of a launched
// app reruns then. Ending the session detaches: the app keeps running. One debugger at a time
// (a second client would take debugpy over from the first), and a server that goes away ends
// the session with a word of why.

import { basename, resolve } from "node:path";
import * as vscode from "vscode";
import type { SidepaneDebugConfiguration } from "./debugConfig";
import { debugAppConfig } from "./debugConfig";
import type { Log } from "./log";
import type { StartDebugResult } from "./protocol";
import { expandPath } from "./python";
import type { Interpreter } from "./python";
import type { ServerState } from "./server";

/** What the debug sessions need of the language server. */
export interface DebugServer {
  readonly state: ServerState;
  start(): Promise<void>;
  startDebug(): Promise<StartDebugResult>;
}

/** What they need of the previews (by script path). */
export interface DebugPanels {
  isOpen(script: string): boolean;
  /** Opens the preview beside the editor, or reveals it; the focus stays where it is. */
  show(script: string): void;
  rerun(script: string): void;
  /** Run `script` with `args` from its next run; undefined: with sidepane.scriptArgs again. */
  useArgs(script: string, args: string[] | undefined): void;
}

export interface DebugDeps {
  log: Log;
  server: DebugServer;
  panels: DebugPanels;
  /** Starts a debug session (vscode.debug.startDebugging, in the program's workspace folder). */
  start(config: SidepaneDebugConfiguration): Thenable<boolean>;
  /** Ends a debug session (vscode.debug.stopDebugging). */
  stop(session: vscode.DebugSession): Thenable<void>;
  /** Tells the person something they should know (an information message). */
  notify(message: string): void;
  /** `sidepane.scriptArgs`: what the previews run scripts with. */
  scriptArgs(): string[];
  /** For `${workspaceFolder}` and `~` in a configuration's pythonPath. */
  workspaceFolder(): string | undefined;
  home: string;
}

interface LiveSession {
  session: vscode.DebugSession;
  program: string | undefined;
  request: string;
  /** `configurationDone` was answered: breakpoints are set. */
  configured: boolean;
  /** The configuration's own args replace sidepane.scriptArgs while the session lasts. */
  ownArgs: boolean;
}

export class DebugSessions
  implements vscode.DebugAdapterDescriptorFactory, vscode.DebugAdapterTrackerFactory
{
  private readonly live = new Map<string, LiveSession>();

  constructor(private readonly deps: DebugDeps) {}

  /** Whether a `sidepane` debug session is attached now. */
  get active(): boolean {
    return this.live.size > 0;
  }

  /**
   * Sidepane: Debug App. With a session attached already, debugpy serves the whole server, so
   * the app's preview only needs to show (and a launch reruns it); else a new session starts.
   */
  async debugApp(program: string, args: string[]): Promise<void> {
    const sessions = [...this.live.values()];
    if (sessions.length > 0) {
      // A session still setting its breakpoints opens its preview when they are set.
      if (sessions.some((s) => !s.configured)) return;
      const { panels } = this.deps;
      if (panels.isOpen(program)) {
        panels.show(program);
        panels.rerun(program);
      } else panels.show(program);
      return;
    }
    const started = await this.deps.start(debugAppConfig(program, args));
    if (!started) this.deps.log.warn(`The debug session for ${program} did not start.`);
  }

  async createDebugAdapterDescriptor(
    session: vscode.DebugSession,
  ): Promise<vscode.DebugAdapterDescriptor> {
    const { log, server } = this.deps;
    const config = session.configuration as SidepaneDebugConfiguration;
    const program = typeof config.program === "string" ? resolve(config.program) : undefined;
    for (const other of [...this.live.values()]) {
      log.info(`Ending the debug session "${other.session.name}": one debugger at a time.`);
      this.forget(other, false);
      await this.deps.stop(other.session);
    }
    await server.start();
    const state = server.state;
    if (state.kind !== "running") {
      const why =
        state.kind === "down" || state.kind === "blocked"
          ? state.problem.message
          : "The Sidepane server is not running.";
      throw new Error(`${why} (Sidepane: Show Server Log has the details.)`);
    }
    this.checkInterpreter(config.pythonPath, state.interpreter);
    let endpoint: StartDebugResult;
    try {
      endpoint = await server.startDebug();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(message);
      throw new Error(message, { cause: error });
    }
    this.live.set(session.id, {
      session,
      program,
      request: session.configuration.request,
      configured: false,
      ownArgs: this.useOwnArgs(program, config.args),
    });
    log.info(
      `Debugging${program ? ` ${program}` : ""}: VS Code attaches to debugpy in the Sidepane server at ${endpoint.host}:${endpoint.port}.`,
    );
    // An open preview comes forward now; a new one opens once the breakpoints are set.
    if (program && this.deps.panels.isOpen(program)) this.deps.panels.show(program);
    return new vscode.DebugAdapterServer(endpoint.port, endpoint.host);
  }

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker {
    return {
      onDidSendMessage: (message: unknown) => {
        if (isResponse(message, "configurationDone")) this.configured(session.id);
      },
    };
  }

  /** VS Code ended a session (Stop, Disconnect, or the connection closed). */
  ended(session: vscode.DebugSession): void {
    const live = this.live.get(session.id);
    if (!live) return;
    this.forget(live, true);
    this.deps.log.info(
      `The debug session "${session.name}" ended: detached, the app keeps running without a debugger.`,
    );
  }

  /** The server changed state: a server that is not running has no debugger to talk to. */
  serverState(state: ServerState): void {
    if (state.kind === "running" || this.live.size === 0) return;
    const sessions = [...this.live.values()].map((s) => s.session);
    for (const live of [...this.live.values()]) this.forget(live, false);
    for (const session of sessions) void this.deps.stop(session);
    const message =
      state.kind === "down"
        ? "The Sidepane server stopped, so the debug session ended. Run Sidepane: Debug App again once the preview is back."
        : "The Sidepane server restarted, so the debug session ended. Run Sidepane: Debug App again to debug the new one.";
    this.deps.log.warn(message);
    this.deps.notify(message);
  }

  /** Breakpoints are in place: show the app, so its run stops at them. */
  private configured(id: string): void {
    const live = this.live.get(id);
    if (!live || live.configured) return;
    live.configured = true;
    const program = live.program;
    if (!program) return;
    const panels = this.deps.panels;
    if (!panels.isOpen(program)) panels.show(program);
    else if (live.request === "launch") panels.rerun(program);
  }

  /**
   * A configuration's `args` other than sidepane.scriptArgs: the preview runs the script with
   * them while the session lasts. Whether it does.
   */
  private useOwnArgs(program: string | undefined, args: unknown): boolean {
    if (!program || !Array.isArray(args)) return false;
    const own = args.map(String);
    const setting = this.deps.scriptArgs();
    if (sameArgs(own, setting)) return false;
    this.deps.panels.useArgs(program, own);
    this.deps.log.info(
      `${basename(program)} runs with the debug configuration's args ${JSON.stringify(own)} while debugging, then with sidepane.scriptArgs ${JSON.stringify(setting)} again.`,
    );
    return true;
  }

  /** A session is over: its args give way to sidepane.scriptArgs (rerun: the app shows that). */
  private forget(live: LiveSession, rerun: boolean): void {
    this.live.delete(live.session.id);
    if (!live.ownArgs || !live.program) return;
    this.deps.panels.useArgs(live.program, undefined);
    if (rerun && this.deps.panels.isOpen(live.program)) this.deps.panels.rerun(live.program);
  }

  /** The app runs in the server's interpreter; a different one asked for is only mentioned. */
  private checkInterpreter(pythonPath: unknown, interpreter: Interpreter): void {
    if (typeof pythonPath !== "string" || pythonPath.trim() === "") return;
    const asked = expandPath(pythonPath.trim(), this.deps.workspaceFolder(), this.deps.home);
    if (asked === interpreter.command) return;
    this.deps.log.warn(
      `The debug configuration asks for pythonPath ${asked}, but the app runs inside the Sidepane server, in ${interpreter.command} (${interpreter.reason}). Set sidepane.pythonPath to change it.`,
    );
  }
}

function sameArgs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((arg, i) => arg === b[i]);
}

function isResponse(message: unknown, command: string): boolean {
  if (typeof message !== "object" || message === null) return false;
  const m = message as { type?: unknown; command?: unknown; success?: unknown };
  return m.type === "response" && m.command === command && m.success === true;
}
