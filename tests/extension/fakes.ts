// Test doubles for the extension's collaborators: a LanguageClient, a log.
import type { Log } from "../../extension/src/log";
import type { ExitInfo, ServerClient } from "../../extension/src/server";

export class FakeClient implements ServerClient {
  readonly handlers = new Map<string, (params: unknown) => void>();
  readonly requests: { method: string; params: unknown }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  started = false;
  stopped = false;
  startResult: Promise<void> = Promise.resolve();

  constructor(
    readonly options: {
      python: string;
      args: string[];
      cwd: string;
      closed: (exit: ExitInfo) => void;
      unreadable: (reason: string) => void;
    },
  ) {}

  start(): Promise<void> {
    this.started = true;
    return this.startResult;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  sendRequest<R>(method: string, params: unknown): Promise<R> {
    this.requests.push({ method, params });
    const { session, script } = params as { session: string; script: string };
    return Promise.resolve({ session, script, version: "0.1.0" } as R);
  }

  sendNotification(method: string, params: unknown): Promise<void> {
    this.notifications.push({ method, params });
    return Promise.resolve();
  }

  onNotification(method: string, handler: (params: unknown) => void): void {
    this.handlers.set(method, handler);
  }

  /** The server sends a notification. */
  notify(method: string, params: unknown): void {
    this.handlers.get(method)?.(params);
  }

  /** The process dies. */
  die(code: number, stderr = ""): void {
    this.options.closed({ code, stderr });
  }

  /** The server sends bytes the client cannot read as JSON-RPC. */
  garble(reason: string): void {
    this.options.unreadable(reason);
  }
}

export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const put = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  return {
    lines,
    info: put("info"),
    warn: put("warn"),
    error: put("error"),
    debug: put("debug"),
    show: () => undefined,
  };
}
