// The `sidepane.*` settings, read and checked in one place.

import * as vscode from "vscode";
import type { ConfigureParams, RunOnSave } from "./protocol";

export const SECTION = "sidepane";

export interface Settings {
  /** An interpreter path, or "" to pick one (python.ts). */
  pythonPath: string;
  runOnSave: RunOnSave;
  scriptArgs: string[];
  serverArgs: string[];
  /** A multipage app's entry script (workspace-relative or absolute): "" to find it. */
  entryFile: string;
}

/** Settings whose change needs a new server process; the others travel in `sidepane/configure`. */
export const RESTART_KEYS = ["pythonPath", "serverArgs"] as const;
export const CONFIGURE_KEYS = ["runOnSave", "scriptArgs"] as const;

const RUN_ON_SAVE: readonly RunOnSave[] = ["always", "ask", "never"];

/** Reads the settings through `get` (a WorkspaceConfiguration's), falling back on the defaults. */
export function readSettings(get: (key: string) => unknown): Settings {
  const pythonPath = get("pythonPath");
  const runOnSave = get("runOnSave");
  const entryFile = get("entryFile");
  return {
    pythonPath: typeof pythonPath === "string" ? pythonPath.trim() : "",
    runOnSave: RUN_ON_SAVE.includes(runOnSave as RunOnSave) ? (runOnSave as RunOnSave) : "always",
    scriptArgs: stringArray(get("scriptArgs")),
    serverArgs: stringArray(get("serverArgs")),
    entryFile: typeof entryFile === "string" ? entryFile.trim() : "",
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function getSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings((key) => config.get(key));
}

/** What `sidepane/configure` carries for these settings. */
export function configureParams(settings: Settings): ConfigureParams {
  return { runOnSave: settings.runOnSave, args: settings.scriptArgs };
}

/** Which of our settings a configuration change touched. */
export function changedKeys(
  event: { affectsConfiguration(section: string): boolean },
  keys: readonly string[],
): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}

/**
 * The viewer's "Always rerun" was clicked: remember it in the workspace when a folder is open
 * (the person chose it for this project), else in the user settings.
 */
export async function persistRunOnSaveAlways(): Promise<void> {
  const target =
    (vscode.workspace.workspaceFolders?.length ?? 0) > 0
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update("runOnSave", "always", target);
}
