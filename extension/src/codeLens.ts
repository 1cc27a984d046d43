// "▶ Preview" and "Debug" at the top of Python files that import sidepane or streamlit, and the test the
// extension uses to warm the server up when such a file is opened.

import * as vscode from "vscode";

/** `import sidepane`, `import os, streamlit as st`, `from streamlit.x import y`… on any line. */
const IMPORT_LINE = /^[ \t]*(?:import[ \t]+([^#\n]+)|from[ \t]+([\w.]+)[ \t]+import\b)/gm;
const APP_MODULES = new Set(["sidepane", "streamlit"]);

export function importsApp(text: string): boolean {
  for (const match of text.matchAll(IMPORT_LINE)) {
    const modules = match[1] !== undefined ? match[1].split(",") : [match[2] ?? ""];
    for (const item of modules) {
      const name = item.trim().split(/\s+/)[0] ?? "";
      if (APP_MODULES.has(name.split(".")[0] ?? "")) return true;
    }
  }
  return false;
}

export class PreviewCodeLens implements vscode.CodeLensProvider {
  /** `debugCommand`: also a "Debug" lens beside "▶ Preview". */
  constructor(
    private readonly command: string,
    private readonly debugCommand?: string,
  ) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!importsApp(document.getText())) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, {
        title: "▶ Preview",
        tooltip: "Sidepane: Preview App beside the editor",
        command: this.command,
        arguments: [document.uri],
      }),
    ];
    if (this.debugCommand) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: "Debug",
          tooltip: "Sidepane: Debug App (breakpoints stop its reruns)",
          command: this.debugCommand,
          arguments: [document.uri],
        }),
      );
    }
    return lenses;
  }
}
