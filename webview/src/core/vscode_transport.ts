// The transport inside a VS Code webview panel: frames arrive from the extension by postMessage
// (as a Uint8Array, no base64), messages for the runtime leave the same way. The extension says
// when its language server holds this panel's session ("connected"), as a WebSocket's open would
// (docs/protocol.md, "VS Code").

import { encodeFrame } from "./protocol";
import type { Transport, TransportStatus } from "./transport";
import type { FromPanel, PanelProblem, PanelState, ToPanel } from "./vscode_messages";

/** What `acquireVsCodeApi()` returns (the part we use). */
export interface VsCodeApi {
  postMessage(message: FromPanel): void;
  getState(): unknown;
  setState(state: unknown): void;
}

let acquired: VsCodeApi | undefined;

/** VS Code's API object, acquired once (a second `acquireVsCodeApi()` throws); undefined in a browser tab. */
export function vsCodeApi(): VsCodeApi | undefined {
  if (acquired) return acquired;
  const acquire = (globalThis as { acquireVsCodeApi?: () => VsCodeApi }).acquireVsCodeApi;
  if (typeof acquire === "function") acquired = acquire();
  return acquired;
}

/** Saved widget values are written this long after the last message sent (off the keypress path). */
const SAVE_DELAY_MS = 250;

export class VsCodeTransport implements Transport {
  private readonly messageListeners: ((bytes: Uint8Array) => void)[] = [];
  private readonly statusListeners: ((status: TransportStatus) => void)[] = [];
  private readonly problemListeners: ((problem: PanelProblem | undefined) => void)[] = [];
  private readonly buffered: Uint8Array[] = [];
  private readonly state: PanelState;
  private status: TransportStatus = "connecting";
  private problem: PanelProblem | undefined;
  private started = false;
  private helloSent = false;
  private firstConnection = true;
  private readWidgets: (() => Record<string, unknown>) | undefined;
  /** A page asked for by its script (Preview App on a page file), for the next hello or rerun. */
  private pageFile: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `hello` builds this connection's hello when the transport must say it itself: the boot
   * module creates the transport before the app's code has loaded, so the script can run
   * meanwhile. `script` (from the page) is kept in the webview state for the reload serializer.
   */
  constructor(
    private readonly api: VsCodeApi,
    private readonly hello?: (
      widgets?: Record<string, unknown>,
      page?: string,
      pageFile?: string,
    ) => Uint8Array,
    script?: string,
    pageFile?: string,
  ) {
    const saved = api.getState();
    this.state = isPanelState(saved) ? { ...saved } : {};
    if (script) this.state.script = script;
    api.setState(this.state);
    this.pageFile = pageFile;
    this.followTitle();
    window.addEventListener("message", (event: MessageEvent<unknown>) => {
      // Only the webview host talks to us; an iframe inside the app (an `html` element) cannot.
      if (event.origin !== window.origin) return;
      this.receive(event.data);
    });
  }

  send(bytes: Uint8Array): void {
    if (this.status !== "connected") return;
    this.api.postMessage({ type: "message", bytes: tight(bytes) });
    this.scheduleSave();
  }

  onMessage(listener: (bytes: Uint8Array) => void): void {
    this.messageListeners.push(listener);
    for (const bytes of this.buffered.splice(0)) listener(bytes);
  }

  onStatus(listener: (status: TransportStatus) => void): void {
    this.statusListeners.push(listener);
    listener(this.status);
  }

  onProblem(listener: (problem: PanelProblem | undefined) => void): void {
    this.problemListeners.push(listener);
    if (this.problem) listener(this.problem);
  }

  /** Tells the extension we listen; it then sends what it held back. Safe to call twice. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.api.postMessage({ type: "ready" });
  }

  takeSentHello(): boolean {
    const sent = this.helloSent;
    this.helloSent = false;
    return sent;
  }

  keepWidgetValues(read: () => Record<string, unknown>): void {
    this.readWidgets = read;
  }

  savedPage(): string | undefined {
    return this.state.page;
  }

  keepPage(page: string): void {
    if (this.state.page === page) return;
    this.state.page = page;
    this.api.setState(this.state);
  }

  openLocation(file: string, line: number): void {
    this.api.postMessage({ type: "openLocation", file, line });
  }

  private receive(data: unknown): void {
    if (typeof data !== "object" || data === null) return;
    const message = data as ToPanel;
    switch (message.type) {
      case "frames":
        if (!(message.bytes instanceof Uint8Array)) return;
        if (this.messageListeners.length === 0) this.buffered.push(message.bytes);
        else for (const listener of this.messageListeners) listener(message.bytes);
        break;
      case "status":
        this.setStatus(message.status);
        break;
      case "showPage":
        if (typeof message.file !== "string") return;
        this.pageFile = message.file;
        if (this.status === "connected") this.sendPageFile();
        break;
      case "problem":
        this.setProblem({
          message: String(message.message),
          detail: typeof message.detail === "string" ? message.detail : undefined,
        });
        break;
      default:
        break;
    }
  }

  private setStatus(status: TransportStatus): void {
    this.status = status;
    if (status === "connected") {
      this.setProblem(undefined);
      // The page's first hello is ours to say, with the widget values a restored panel kept
      // (the app holds none yet), and so is any hello before the app listens; after that, the
      // app says hello itself with the values it shows.
      this.helloSent = false;
      const first = this.firstConnection;
      this.firstConnection = false;
      if ((first || this.statusListeners.length === 0) && this.hello) {
        const { widgets, page } = this.state;
        const hello = this.hello(widgets, page, this.pageFile);
        this.pageFile = undefined;
        this.api.postMessage({ type: "message", bytes: tight(hello) });
        this.helloSent = true;
      }
    }
    for (const listener of this.statusListeners) listener(status);
    // A page asked for while the app said hello itself (a reconnection): it runs next.
    if (status === "connected" && this.pageFile !== undefined) this.sendPageFile();
  }

  private sendPageFile(): void {
    const file = this.pageFile;
    this.pageFile = undefined;
    if (file === undefined) return;
    this.api.postMessage({ type: "message", bytes: encodeFrame({ t: "rerun", page_file: file }) });
  }

  /** The panel's title follows the document's: the page shown (its label, or the title
   * st.set_page_config gave), as a browser tab's does. */
  private followTitle(): void {
    let last = document.title;
    new MutationObserver(() => {
      if (document.title === last) return;
      last = document.title;
      this.api.postMessage({ type: "title", title: last });
    }).observe(document.head, { subtree: true, childList: true, characterData: true });
  }

  private setProblem(problem: PanelProblem | undefined): void {
    if (problem === undefined && this.problem === undefined) return;
    this.problem = problem;
    for (const listener of this.problemListeners) listener(problem);
  }

  private scheduleSave(): void {
    if (!this.readWidgets || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (!this.readWidgets) return;
      this.state.widgets = this.readWidgets();
      this.api.setState(this.state);
    }, SAVE_DELAY_MS);
  }
}

/**
 * `bytes` in a buffer of its own size. The msgpack encoder hands out a view of its 2 KB work
 * buffer, and VS Code sends a view's whole buffer on to the extension host.
 */
function tight(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

function isPanelState(value: unknown): value is PanelState {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
