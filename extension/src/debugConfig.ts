// Debug configurations of type `sidepane`: the one Sidepane: Debug App starts, the one F5 gets
// with no launch.json, the ones offered for launch.json, and the checks before a session starts
// (a clear message instead of a debugger that never stops).

import { existsSync } from "node:fs";
import { basename, extname, isAbsolute, join, resolve } from "node:path";
import type * as vscode from "vscode";
import type { Settings } from "./settings";

export const DEBUG_TYPE = "sidepane";

export interface SidepaneDebugConfiguration extends vscode.DebugConfiguration {
  /** The app script: its preview opens, and its first run stops at the breakpoints. */
  program?: string;
  /** `sys.argv[1:]` of the script (default: `sidepane.scriptArgs`). */
  args?: string[];
  /** Informational: the app runs in the Sidepane server's interpreter (`sidepane.pythonPath`). */
  pythonPath?: string;
  justMyCode?: boolean;
}

/** What **Sidepane: Debug App** starts for `program`. */
export function debugAppConfig(program: string, args: string[]): SidepaneDebugConfiguration {
  return {
    type: DEBUG_TYPE,
    request: "launch",
    name: `Sidepane: ${basename(program)}`,
    program,
    args,
    justMyCode: true,
  };
}

/** The configurations a new launch.json gets (and the Run view's "Sidepane…" entries). */
export function launchJsonConfigs(): SidepaneDebugConfiguration[] {
  return [
    {
      type: DEBUG_TYPE,
      request: "launch",
      name: "Sidepane: Debug App",
      program: "${file}",
      justMyCode: true,
    },
  ];
}

/** The file in front of the person: the active editor's, else the active preview's script. */
export interface ActiveFile {
  path: string;
  /** A Python document (or a preview's script). */
  python: boolean;
  /** A document never saved (nothing on disk to run). */
  untitled?: boolean;
}

export type Checked = { ok: true; program: string } | { ok: false; message: string };

const OPEN_ONE = "Open the app's .py file and run Sidepane: Debug App again";

/** Which file a configuration debugs, as an absolute path, or why it cannot be debugged. */
export function checkProgram(program: unknown, folder: string | undefined): Checked {
  if (typeof program !== "string" || program.trim() === "") {
    return {
      ok: false,
      message: `Sidepane: Debug App needs a Python app to debug. ${OPEN_ONE} (or set "program" in launch.json).`,
    };
  }
  let path = program.trim();
  if (!isAbsolute(path)) path = folder ? join(folder, path) : resolve(path);
  if (extname(path).toLowerCase() !== ".py") {
    return {
      ok: false,
      message: `Sidepane debugs Python apps (.py files); ${basename(path)} is not one. ${OPEN_ONE}.`,
    };
  }
  if (!existsSync(path)) {
    return {
      ok: false,
      message: `Sidepane cannot debug ${path}: no such file (save it first, or fix "program" in launch.json).`,
    };
  }
  return { ok: true, program: path };
}

/** The program to debug when none was given: the file in front of the person. */
export function activeProgram(active: ActiveFile | undefined): Checked {
  if (!active) return checkProgram(undefined, undefined);
  if (active.untitled) {
    return { ok: false, message: "Save the file first: Sidepane debugs a .py file on disk." };
  }
  if (!active.python) {
    return {
      ok: false,
      message: `Sidepane debugs Python apps; ${basename(active.path)} is not a Python file. ${OPEN_ONE}.`,
    };
  }
  return checkProgram(active.path, undefined);
}

export interface ConfigDeps {
  activeFile(): ActiveFile | undefined;
  settings(): Settings;
  showError(message: string): void;
}

/** The Run view's "Sidepane…" list: Debug App for the file in front of the person. */
export function dynamicConfigurations(
  deps: Pick<ConfigDeps, "activeFile" | "settings">,
): vscode.DebugConfigurationProvider {
  return {
    provideDebugConfigurations: () => {
      const active = activeProgram(deps.activeFile());
      return active.ok ? [debugAppConfig(active.program, deps.settings().scriptArgs)] : [];
    },
  };
}

/**
 * Fills and checks `sidepane` configurations, and gives a new launch.json its configuration.
 * F5 with no launch.json arrives here as an empty configuration: it debugs the active Python
 * file, like Debug App.
 */
export class SidepaneDebugConfigurations implements vscode.DebugConfigurationProvider {
  constructor(private readonly deps: ConfigDeps) {}

  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return launchJsonConfigs();
  }

  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    const given = config as SidepaneDebugConfiguration;
    const empty = !given.type && !given.request && !given.name;
    let program = given.program;
    if (program === undefined || program === "") {
      const active = activeProgram(this.deps.activeFile());
      if (!active.ok) {
        this.deps.showError(active.message);
        return undefined; // undefined: the session does not start (null would open launch.json)
      }
      program = active.program;
    }
    const base = empty ? debugAppConfig(program, this.deps.settings().scriptArgs) : given;
    return {
      ...base,
      type: DEBUG_TYPE,
      request: given.request === "attach" ? "attach" : "launch",
      name: base.name || `Sidepane: ${basename(program)}`,
      program,
      args: Array.isArray(base.args) ? base.args : this.deps.settings().scriptArgs,
      justMyCode: typeof base.justMyCode === "boolean" ? base.justMyCode : true,
    };
  }

  resolveDebugConfigurationWithSubstitutedVariables(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    const checked = checkProgram(config.program, folder?.uri.fsPath);
    if (!checked.ok) {
      this.deps.showError(checked.message);
      return undefined;
    }
    // The debuggee is the Sidepane server itself: only the thread at a breakpoint may stop,
    // or the server would stop answering (debugpy would otherwise honour this option).
    return { ...config, program: checked.program, stopAllThreadsOnSuspend: false };
  }
}
