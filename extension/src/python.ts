// Which Python runs the server, predictably and said out loud: `sidepane.pythonPath` if set;
// else the interpreter selected in Microsoft's Python extension when it is installed (through its
// public API, no dependency on it); else `python3` on PATH (`python` on Windows).

import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import * as vscode from "vscode";
import { withTimeout } from "./timeout";

export type InterpreterSource = "setting" | "python-extension" | "path";

export interface Interpreter {
  command: string;
  source: InterpreterSource;
  /** Why this one, for the log and the status bar's tooltip. */
  reason: string;
}

export interface InterpreterInputs {
  setting: string;
  /** The Python extension's interpreter, or undefined when it is missing or has none. */
  pythonExtension: () => Promise<string | undefined>;
  platform: NodeJS.Platform;
  workspaceFolder: string | undefined;
  home: string;
}

export async function chooseInterpreter(inputs: InterpreterInputs): Promise<Interpreter> {
  if (inputs.setting) {
    return {
      command: expandPath(inputs.setting, inputs.workspaceFolder, inputs.home),
      source: "setting",
      reason: "set in sidepane.pythonPath",
    };
  }
  let fromExtension: string | undefined;
  let failure = "";
  try {
    fromExtension = await inputs.pythonExtension();
  } catch (error) {
    failure = ` (the Python extension failed: ${String(error)})`;
  }
  if (fromExtension) {
    return {
      command: fromExtension,
      source: "python-extension",
      reason: "the interpreter selected in the Python extension",
    };
  }
  const command = inputs.platform === "win32" ? "python" : "python3";
  return {
    command,
    source: "path",
    reason: `${command} on PATH: sidepane.pythonPath is empty and no Python extension interpreter${failure}`,
  };
}

/** `${workspaceFolder}` and `~` expanded; a relative path with a folder part is the workspace's. */
export function expandPath(
  value: string,
  workspaceFolder: string | undefined,
  home: string,
): string {
  let path = value.replaceAll("${workspaceFolder}", workspaceFolder ?? "");
  if (path === "~" || path.startsWith("~/") || path.startsWith("~\\")) path = home + path.slice(1);
  const bare = !/[\\/]/.test(path); // a command name such as python3.12, looked up on PATH
  if (!bare && !isAbsolute(path) && workspaceFolder) path = join(workspaceFolder, path);
  return path;
}

// ---- the Python extension's API (declared here: we import none of its types) ----

interface EnvironmentPath {
  readonly id: string;
  readonly path: string;
}

interface PythonExtensionApi {
  readonly environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
    resolveEnvironment(
      environment: EnvironmentPath | string,
    ): Promise<{ readonly executable: { readonly uri: vscode.Uri | undefined } } | undefined>;
    readonly onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
}

const PYTHON_EXTENSION = "ms-python.python";
/** The Python extension may take long to activate (it discovers environments); we do not wait. */
const API_TIMEOUT_MS = 5000;

async function pythonApi(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (!extension) return undefined;
  if (extension.isActive) return extension.exports;
  return withTimeout(Promise.resolve(extension.activate()), API_TIMEOUT_MS, "activating");
}

/** The interpreter the Python extension has selected for `resource`, if it is installed. */
export async function pythonExtensionInterpreter(
  resource: vscode.Uri | undefined,
): Promise<string | undefined> {
  const environments = (await pythonApi())?.environments;
  if (!environments) return undefined;
  const active = environments.getActiveEnvironmentPath(resource);
  const resolved = await withTimeout(
    environments.resolveEnvironment(active),
    API_TIMEOUT_MS,
    "resolving its interpreter",
  );
  return resolved?.executable.uri?.fsPath ?? active.path;
}

/** Calls `listener` when the Python extension's selected interpreter changes. */
export async function onPythonExtensionChange(listener: () => void): Promise<vscode.Disposable> {
  const event = (await pythonApi())?.environments?.onDidChangeActiveEnvironmentPath;
  return event ? event(() => listener()) : new vscode.Disposable(() => undefined);
}

/** The interpreter for a script (its workspace folder decides the Python extension's choice). */
export function resolveInterpreter(setting: string, resource?: vscode.Uri): Promise<Interpreter> {
  const folder =
    (resource && vscode.workspace.getWorkspaceFolder(resource)) ??
    vscode.workspace.workspaceFolders?.[0];
  return chooseInterpreter({
    setting,
    pythonExtension: () => pythonExtensionInterpreter(resource ?? folder?.uri),
    platform: process.platform,
    workspaceFolder: folder?.uri.fsPath,
    home: homedir(),
  });
}
