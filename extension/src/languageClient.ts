// The real LanguageClient behind server.ts: `<python> -m sidepane lsp …` over stdio, Python files
// as its documents (the server publishes diagnostics for them), everything logged to our channel.
// Client id "sidepane", so `sidepane.trace.server` turns on the LSP trace.

import { spawn } from "node:child_process";
import type * as vscode from "vscode";
import type { LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
} from "vscode-languageclient/node";
import type { ClientFactory, ExitInfo } from "./server";

/**
 * The client's own reports of a server that could not start or went away repeat what server.ts
 * logs with the reason (the process's stderr, the package check), so they go to the debug level.
 */
const GENERIC =
  /couldn't create connection|Stopping server failed|connection to server|Server initialization failed/i;

/** Keeps every message in the log: the extension tells the person itself (banner, notification). */
class SidepaneLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    if (GENERIC.test(message)) this.debug(message, data, false);
    else super.error(message, data, false);
  }
}

const STDERR_KEEP = 4000;

export function languageClientFactory(log: vscode.LogOutputChannel): ClientFactory {
  return ({ python, args, cwd, closed, unreadable }) => {
    const exit: ExitInfo = { code: undefined, stderr: "" };
    let exited: () => void = () => undefined;
    const hasExited = new Promise<void>((resolve) => (exited = resolve));
    const serverOptions: ServerOptions = () =>
      new Promise((resolve, reject) => {
        const child = spawn(python, args, {
          cwd,
          env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONIOENCODING: "utf-8" },
          windowsHide: true,
        });
        child.once("error", reject);
        child.once("spawn", () => resolve(child));
        // The client logs stderr line by line; we keep its end to show why the server died.
        child.stderr.on("data", (chunk: Buffer) => {
          exit.stderr = (exit.stderr + chunk.toString("utf8")).slice(-STDERR_KEEP);
        });
        child.once("exit", (code, signal) => {
          exit.code = code ?? signal ?? undefined;
          exited();
        });
      });
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python" }],
      outputChannel: log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationFailedHandler: () => false,
      errorHandler: {
        error: (error, message) => {
          // No message: the reader failed (garbage, a bad header or body from the server); a
          // failed write comes with its message and a closed pipe, which `closed` reports.
          if (message === undefined) unreadable(error.message);
          return { action: ErrorAction.Continue, handled: true };
        },
        closed: () => {
          // The pipe closes a moment before the process reports its exit code.
          const timeout = new Promise<void>((resolve) => setTimeout(resolve, 500));
          void Promise.race([hasExited, timeout]).then(() => closed(exit));
          // We restart it ourselves, with backoff (server.ts).
          return {
            action: CloseAction.DoNotRestart,
            handled: true,
            message: "Connection to server closed (server.ts restarts it).",
          };
        },
      },
    };
    return new SidepaneLanguageClient("sidepane", "Sidepane", serverOptions, clientOptions);
  };
}
