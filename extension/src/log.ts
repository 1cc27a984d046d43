// One log for everything: the extension's own lines, the language server's window/logMessage,
// its stderr and the LSP trace (Output → "Sidepane"; "Sidepane: Show Server Log" opens it).

import * as vscode from "vscode";

/** The part of a LogOutputChannel the modules use (tests pass a plain object). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  show(preserveFocus?: boolean): void;
}

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel("Sidepane", { log: true });
}
