// The status bar item: the server's and the latest run's state (running / idle / error / paused
// in the debugger, the last run's time in ms), which interpreter runs it in the tooltip; a click
// opens the log.

import { basename } from "node:path";
import * as vscode from "vscode";
import type { StatusParams } from "./protocol";
import type { Interpreter } from "./python";
import type { ServerState } from "./server";

export interface StatusView {
  text: string;
  tooltip: string;
  /** Shown with the status bar's error or warning colours. */
  tone: "normal" | "warning" | "error";
}

export function describeStatus(
  server: ServerState,
  run: StatusParams | undefined,
  interpreter: Interpreter | undefined,
): StatusView {
  const python = interpreter ? `\nPython: ${interpreter.command} (${interpreter.reason})` : "";
  const footer = `${python}\nClick to show the Sidepane log.`;
  switch (server.kind) {
    case "stopped":
      return {
        text: "$(circle-slash) Sidepane",
        tooltip: `Sidepane: server stopped${footer}`,
        tone: "normal",
      };
    case "starting":
      return {
        text: "$(loading~spin) Sidepane",
        tooltip: `Sidepane: starting the server…${footer}`,
        tone: "normal",
      };
    case "down":
      return {
        text: "$(warning) Sidepane: restarting",
        tooltip: `${server.problem.message}${footer}`,
        tone: "warning",
      };
    case "blocked":
      return {
        text: "$(error) Sidepane: not running",
        tooltip: `${server.problem.message}${footer}`,
        tone: "error",
      };
    case "running":
      break;
  }
  if (!run)
    return {
      text: "$(check) Sidepane",
      tooltip: `Sidepane: server running${footer}`,
      tone: "normal",
    };
  const script = basename(run.script);
  const ms = run.ms === undefined ? "" : ` ${formatMs(run.ms)} ms`;
  switch (run.state) {
    case "running":
      return {
        text: "$(sync~spin) Sidepane: running",
        tooltip: `${script}: run ${run.run} in progress${footer}`,
        tone: "normal",
      };
    case "error":
      return {
        text: `$(error) Sidepane: error${ms}`,
        tooltip: `${script}: run ${run.run} raised an exception (see Problems)${footer}`,
        tone: "error",
      };
    case "paused": {
      const where = `${basename(run.file ?? run.script)}:${run.line ?? "?"}`;
      return {
        text: `$(debug-pause) Sidepane: paused at ${where}`,
        tooltip: `${script}: run ${run.run} is held by the debugger at ${where}; continue or stop it in the debugger${footer}`,
        tone: "normal",
      };
    }
    case "idle":
      return {
        text: `$(check) Sidepane${ms}`,
        tooltip: `${script}: run ${run.run} took${ms}${footer}`,
        tone: "normal",
      };
  }
}

/** 0.4 → "0.4", 12.4 → "12": a fast rerun still shows a number that means something. */
export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

/**
 * A run shows as "running" only once it has taken this long: a quick rerun (each slider step)
 * goes straight from the last time to the new one, without a spinner flickering in the status
 * bar and without a workbench update racing the panel's on every step.
 */
export const SHOW_RUNNING_AFTER_MS = 300;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  private server: ServerState = { kind: "stopped" };
  private run: StatusParams | undefined;
  private interpreter: Interpreter | undefined;
  private runningTimer: ReturnType<typeof setTimeout> | undefined;
  /** The run that shows as "running" if it is still going when the timer fires. */
  private pending: StatusParams | undefined;

  constructor(command: string) {
    this.item.name = "Sidepane";
    this.item.command = command;
  }

  setServer(state: ServerState): void {
    this.server = state;
    if (state.kind === "running") this.interpreter = state.interpreter;
    if (state.kind === "blocked") this.interpreter = state.interpreter;
    if (state.kind !== "running") this.run = undefined;
    this.render();
  }

  setRun(params: StatusParams): void {
    if (params.state === "running") {
      this.pending = params;
      this.runningTimer ??= setTimeout(() => {
        this.run = this.pending;
        this.render();
      }, SHOW_RUNNING_AFTER_MS);
      return;
    }
    this.run = params;
    this.render();
  }

  dispose(): void {
    clearTimeout(this.runningTimer);
    this.item.dispose();
  }

  private render(): void {
    clearTimeout(this.runningTimer);
    this.runningTimer = undefined;
    const view = describeStatus(this.server, this.run, this.interpreter);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor =
      view.tone === "normal"
        ? undefined
        : new vscode.ThemeColor(`statusBarItem.${view.tone}Background`);
    this.item.show();
  }
}
