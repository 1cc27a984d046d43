// One preview panel = one session on the language server. The panel forwards the viewer's
// messages to the server and the server's frames to the viewer, holding frames back until the
// viewer is listening ("ready"), and opens its session again whenever a server (re)starts.

import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import type * as vscode from "vscode";
import type {
  FromPanel,
  PanelProblem,
  PanelStatus,
  ToPanel,
} from "../../webview/src/core/vscode_messages";
import type { Log } from "./log";
import type { OpenSessionParams, OpenSessionResult } from "./protocol";
import type { ServerState } from "./server";
import type { Settings } from "./settings";
import { hop } from "./hopTrace";
import { asBytes, commandFrame, visibilityFrame } from "./wire";

/** What a panel needs of the language server. */
export interface SessionServer {
  openSession(params: OpenSessionParams): Promise<OpenSessionResult>;
  message(session: string, bytes: Uint8Array): void;
  closeSession(session: string): void;
}

export interface PanelEnv {
  server: SessionServer;
  settings(): Settings;
  /** The args the script runs with: `sidepane.scriptArgs`, or a debug session's own. */
  scriptArgs(script: string): string[];
  log: Log;
  /** A traceback frame was clicked in this panel. */
  openLocation(panel: PreviewPanel, file: string, line: number): void;
  /** A widget needs what the webview cannot have (camera, microphone): run the app in a browser. */
  openInBrowser(panel: PreviewPanel): void;
  /** The panel was closed. */
  disposed(panel: PreviewPanel): void;
}

/** The part of a vscode.WebviewPanel a PreviewPanel uses. */
export type PanelView = Pick<
  vscode.WebviewPanel,
  "onDidDispose" | "dispose" | "active" | "title"
> & {
  readonly webview: Pick<vscode.Webview, "postMessage" | "onDidReceiveMessage">;
};

export function panelTitle(script: string, page?: string): string {
  return `Sidepane: ${page || basename(script)}`;
}

export class PreviewPanel {
  readonly session = randomUUID();
  private ready = false;
  /** A page asked for (showPage) before the viewer listened. */
  private pagePending: string | undefined;
  /** Frames that came before the viewer listened. */
  private readonly pending: Uint8Array[] = [];
  private status: PanelStatus = "connecting";
  private problem: PanelProblem | undefined;
  /** Counts connect() calls: only the latest may declare the panel connected. */
  private attempt = 0;
  private closed = false;
  private readonly subscriptions: { dispose(): unknown }[] = [];
  /** When the panel opened, and its milestones since: logged once, with the first frames. */
  private readonly openedAt = Date.now();
  private readonly milestones: string[] = [];
  private sawFrames = false;
  /** Whether the panel shows (VS Code keeps a hidden one running: retainContextWhenHidden). */
  private visible = true;

  constructor(
    readonly view: PanelView,
    readonly script: string,
    private readonly env: PanelEnv,
  ) {
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidDispose(() => this.dispose()),
    );
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get isConnected(): boolean {
    return this.status === "connected";
  }

  /** Opens (or reopens, after a server restart) this panel's session, then says "connected". */
  async connect(): Promise<void> {
    if (this.closed) return;
    const attempt = ++this.attempt;
    this.setStatus("connecting");
    const settings = this.env.settings();
    try {
      await this.env.server.openSession({
        session: this.session,
        script: this.script,
        args: this.env.scriptArgs(this.script),
        runOnSave: settings.runOnSave,
      });
    } catch (error) {
      if (attempt !== this.attempt || this.closed) return;
      this.env.log.error(`Opening ${this.script} failed: ${messageOf(error)}`);
      this.setStatus("disconnected");
      this.showProblem({
        message: `Sidepane could not open ${basename(this.script)}.`,
        detail: messageOf(error),
      });
      return;
    }
    if (this.closed) {
      this.env.server.closeSession(this.session);
      return;
    }
    if (attempt !== this.attempt) return;
    this.milestone("session open");
    this.problem = undefined; // the viewer clears its banner on "connected"
    this.setStatus("connected");
    // A session (re)opened for a hidden panel: its run_every fragments wait until it shows.
    if (!this.visible) this.env.server.message(this.session, visibilityFrame(false));
  }

  /**
   * The panel was hidden or shown: the runtime pauses the app's `run_every` fragments while it
   * is hidden, so a panel in a background tab does not keep the server ticking.
   */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (this.status === "connected")
      this.env.server.message(this.session, visibilityFrame(visible));
  }

  /** Follows the server: a new server process means opening the session again. */
  serverState(state: ServerState): void {
    switch (state.kind) {
      case "running":
        void this.connect();
        break;
      case "starting":
      case "stopped": // stopped only on the way to a restart, or until a panel starts it
        this.connecting();
        break;
      case "down":
      case "blocked":
        this.disconnected(state.problem);
        break;
    }
  }

  /** The server is gone; `problem` says why, when there is something to say. */
  disconnected(problem?: PanelProblem): void {
    this.attempt++;
    this.setStatus("disconnected");
    if (problem) this.showProblem(problem);
  }

  /** The server is starting. */
  connecting(): void {
    this.attempt++;
    this.setStatus("connecting");
  }

  /** One runtime → viewer message. */
  frames(bytes: Uint8Array): void {
    if (!this.sawFrames) {
      this.sawFrames = true;
      this.milestone("first frames", true);
    }
    if (this.ready) {
      this.post({ type: "frames", bytes });
      hop("ext.post");
    } else this.pending.push(bytes);
  }

  /** Show the app's page that runs `file` (Preview App on a page file of this app). */
  showPage(file: string): void {
    if (this.ready) this.post({ type: "showPage", file });
    else this.pagePending = file;
  }

  showProblem(problem: PanelProblem): void {
    this.problem = problem;
    this.post({ type: "problem", ...problem });
  }

  /** The script's args changed: the server takes them from the next run (a session that is
   * not open yet gets them when it opens). */
  updateArgs(): void {
    if (this.status !== "connected") return;
    this.env.server
      .openSession({
        session: this.session,
        script: this.script,
        args: this.env.scriptArgs(this.script),
      })
      .catch((error: unknown) => {
        this.env.log.warn(`The new args for ${this.script} were not sent: ${messageOf(error)}`);
      });
  }

  /** Sidepane: Rerun / Stop, sent for the viewer (it need not be visible). */
  command(t: "rerun" | "stop"): void {
    if (this.status === "connected") this.env.server.message(this.session, commandFrame(t));
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.env.server.closeSession(this.session);
    this.env.disposed(this);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.view.dispose();
  }

  /** Notes how long the first panel load took to each step (in the log: where time goes). */
  private milestone(name: string, last = false): void {
    if (this.milestones.some((m) => m.startsWith(name))) return;
    this.milestones.push(`${name} ${Date.now() - this.openedAt} ms`);
    if (last) this.env.log.info(`${basename(this.script)}: ${this.milestones.join(", ")}`);
  }

  private setStatus(status: PanelStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.post({ type: "status", status });
  }

  /** Status and problems wait for "ready" as state, not as a queue: the viewer gets the latest. */
  private post(message: ToPanel): void {
    if (!this.ready || this.closed) return;
    void this.view.webview.postMessage(message);
  }

  private receive(data: unknown): void {
    if (typeof data !== "object" || data === null) return;
    const message = data as FromPanel;
    switch (message.type) {
      case "ready":
        // Also after the page reloads: it starts afresh and says hello again at "connected".
        this.ready = true;
        this.milestone("viewer ready");
        this.post({ type: "status", status: this.status });
        if (this.problem) this.post({ type: "problem", ...this.problem });
        for (const bytes of this.pending.splice(0)) this.post({ type: "frames", bytes });
        if (this.pagePending !== undefined) this.post({ type: "showPage", file: this.pagePending });
        this.pagePending = undefined;
        break;
      case "message": {
        hop("ext.in");
        const bytes = asBytes(message.bytes);
        if (bytes && this.status === "connected") this.env.server.message(this.session, bytes);
        break;
      }
      case "title":
        // The page shown (a multipage app's page label, or set_page_config's title).
        if (typeof message.title === "string") {
          this.view.title = panelTitle(this.script, message.title.slice(0, 200));
        }
        break;
      case "openLocation":
        if (typeof message.file === "string" && Number.isFinite(message.line)) {
          this.env.openLocation(this, message.file, Math.max(1, Math.floor(message.line)));
        }
        break;
      case "openInBrowser":
        this.env.openInBrowser(this);
        break;
      default:
        break;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
