// The viewer's state, fed by the runtime's frames (docs/protocol.md is the contract implemented
// here): each frame is dispatched by its `t` to the part that keeps it — the element tree
// (node_tree.ts), payloads (payloads.ts), widget values and how they travel back
// (widget_values.ts), pages (page_navigation.ts) — and the app-level state the chrome draws
// (running, page config, toasts, banners) is kept here.

import { applyAppConfig } from "./app_theme";
import { NodeTree, keyOf } from "./node_tree";
import { PageNavigation, showQueryParams } from "./page_navigation";
import type { PageEntry, PageMenu } from "./pages";
import { DEFAULT_PAGE_MENU } from "./pages";
import type { IncomingFrame } from "./protocol";
import { showLogo } from "../logo";
import { Payloads } from "./payloads";
import type { TransportProblem, TransportStatus } from "./transport";
import type {
  AuthRedirectFrame,
  ErrorFrame,
  HelloFrame,
  NodeOf,
  PageConfigFrame,
  RunEndFrame,
  RunStartFrame,
  RuntimeFrame,
  ToastFrame,
  TreeNode,
  UploadStatusFrame,
  UpsertFrame,
  ViewerFrame,
  ViewerStore,
  WidgetNode,
  WidgetValueMap,
} from "./types";
import { PROTOCOL_VERSION } from "./types";
import { UploadAnswers } from "./upload";
import { WidgetValues } from "./widget_values";

export { keyOf } from "./node_tree";

export interface Toast {
  id: number;
  body: string;
  icon: string | null;
  duration: number;
}

/** What the app chrome draws; replaced (not mutated) on every change so it can be compared. */
export interface AppState {
  connection: TransportStatus;
  /** The latest run seen (run_start or upsert); 0 before any. */
  run: number;
  running: boolean;
  runStartedAt: number;
  lastStatus: RunEndFrame["status"] | undefined;
  pageConfig: PageConfigFrame | undefined;
  toasts: Toast[];
  error: ErrorFrame | undefined;
  /** Where a debugger holds the run in progress (a `debug` frame), shown as a banner. */
  paused: { file: string; line: number } | undefined;
  /** What keeps the app from running, as the host (VS Code) explains it; shown as a banner. */
  problem: TransportProblem | undefined;
  /** "Source file changed": offer Rerun / Always rerun. Set by a `source_changed` frame. */
  rerunBar: boolean;
  alwaysRerun: boolean;
  /** Roots present (main, sidebar, …): the sidebar is drawn only once it has content. */
  roots: string[];
  /** A multipage app's pages (a `pages` frame; the list is shown when there are two or more). */
  pages: PageEntry[];
  /** The page shown (its URL path, "" for the main page). */
  page: string;
  /** A page asked for that the app does not have (the main page runs): said in a banner. */
  pageNotFound: string | undefined;
  /** Where the page menu is drawn and how far it is collapsed (`st.navigation`'s options). */
  pageMenu: PageMenu;
  /**
   * A fragment's run (docs/protocol.md, "Fragment runs"): the keys of what it may redraw; the
   * rest is current, not stale. Undefined for a run of the whole script.
   */
  scope: string[] | undefined;
  /**
   * `st.login()` in a viewer that cannot leave its page for the provider (the VS Code panel):
   * a banner says sign-in happens in the browser and links to the app there (`appUrl`).
   */
  signIn: { appUrl: string | undefined } | undefined;
}

/** Extra per-node facts the chrome uses (not part of the component contract in types.ts). */
export interface RunInfo {
  /** The run of the latest upsert at this node (0 if none since the last hello). */
  nodeRun(key: string): number;
}

/** The runtime frames this viewer handles; keyed by the union, so the schema's list is all here. */
const KNOWN_FRAMES: Record<RuntimeFrame["t"], true> = {
  run_start: true,
  upsert: true,
  run_end: true,
  payload: true,
  page_config: true,
  app_config: true,
  logo: true,
  pages: true,
  toast: true,
  query_params: true,
  error: true,
  auth_redirect: true,
  source_changed: true,
  debug: true,
  upload_status: true,
};

function isRuntimeFrame(frame: IncomingFrame): frame is RuntimeFrame {
  return Object.hasOwn(KNOWN_FRAMES, frame.t);
}

export interface StoreOptions {
  send: (frame: ViewerFrame) => void;
  openLocation?: (file: string, line: number) => void;
  theme?: "light" | "dark";
  /** The page to ask for in `hello` before the runtime said which one is shown. */
  initialPage?: string;
  /**
   * Keep the page shown where it survives a reload (browser: the URL; VS Code: the panel's
   * state); `push` when it changed from another page, so Back returns there.
   */
  onPage?: (page: string, push: boolean) => void;
  /**
   * Take the whole page to a URL of the app's server (st.login / st.logout); absent where the
   * viewer cannot leave its page (the VS Code panel).
   */
  navigate?: (url: string) => void;
}

export class Store implements ViewerStore, RunInfo {
  readonly theme: "light" | "dark";
  private readonly sender: (frame: ViewerFrame) => void;
  private readonly opener: ((file: string, line: number) => void) | undefined;
  private readonly navigate: ((url: string) => void) | undefined;
  private readonly appListeners = new Set<() => void>();
  private app: AppState;
  private nextToast = 1;
  private readonly tree: NodeTree;
  private readonly payloads = new Payloads();
  private readonly widgets: WidgetValues;
  private readonly pages: PageNavigation;
  private readonly uploads = new UploadAnswers();

  constructor(options: StoreOptions) {
    this.sender = options.send;
    this.opener = options.openLocation;
    this.navigate = options.navigate;
    this.theme = options.theme ?? "light";
    this.app = {
      connection: "connecting",
      run: 0,
      running: false,
      runStartedAt: 0,
      lastStatus: undefined,
      pageConfig: undefined,
      toasts: [],
      error: undefined,
      paused: undefined,
      problem: undefined,
      rerunBar: false,
      alwaysRerun: false,
      roots: ["main"],
      pages: [],
      page: options.initialPage ?? "",
      pageNotFound: undefined,
      pageMenu: DEFAULT_PAGE_MENU,
      scope: undefined,
      signIn: undefined,
    };
    this.widgets = new WidgetValues({
      getNode: (key) => this.tree.get(key),
      nodeRun: (key) => this.tree.nodeRun(key),
      run: () => this.app.run,
      notify: (key) => this.tree.notify(key),
      send: (frame) => this.send(frame),
    });
    this.tree = new NodeTree({
      rootAdded: (name) => {
        if (!this.app.roots.includes(name)) this.setApp({ roots: [...this.app.roots, name] });
      },
      upserted: (node) => this.widgets.index(node),
      forgotten: (node) => this.widgets.forget(node),
    });
    this.pages = new PageNavigation({
      app: () => this.app,
      setApp: (patch) => this.setApp(patch),
      send: (frame) => this.send(frame),
      clearMain: () => this.tree.clearRoot("main"),
      onPage: options.onPage,
    });
  }

  // ---- app state ----

  getApp(): AppState {
    return this.app;
  }

  subscribeApp(listener: () => void): () => void {
    this.appListeners.add(listener);
    return () => this.appListeners.delete(listener);
  }

  private setApp(patch: Partial<AppState>): void {
    this.app = { ...this.app, ...patch };
    for (const listener of [...this.appListeners]) listener();
  }

  setConnection(status: TransportStatus): void {
    if (status !== "connected") this.uploads.failAll("The connection to the server was lost.");
    if (status !== this.app.connection) this.setApp({ connection: status });
  }

  setProblem(problem: TransportProblem | undefined): void {
    if (problem !== this.app.problem) this.setApp({ problem });
  }

  dismissToast(id: number): void {
    this.setApp({ toasts: this.app.toasts.filter((t) => t.id !== id) });
  }

  dismissRerunBar(): void {
    this.setApp({ rerunBar: false });
  }

  /**
   * The Rerun / Always rerun buttons of the "source file changed" bar. "Always" turns on the
   * server's run-on-save (`run_on_save` frame), which also applies the pending change.
   */
  rerun(always = false): void {
    this.setApp({ rerunBar: false, alwaysRerun: this.app.alwaysRerun || always });
    this.send(always ? { t: "run_on_save", enabled: true } : { t: "rerun" });
  }

  stop(): void {
    this.send({ t: "stop" });
  }

  /** Show another page (see PageNavigation.goTo). */
  goToPage(name: string, query = "", fromUrl = false): void {
    this.pages.goTo(name, query, fromUrl);
  }

  dismissSignIn(): void {
    this.setApp({ signIn: undefined });
  }

  dismissPageNotFound(): void {
    this.setApp({ pageNotFound: undefined });
  }

  // ---- frames from the runtime ----

  /** Apply one frame. Unknown frame types are ignored (docs/protocol.md). */
  apply(frame: IncomingFrame): void {
    if (!isRuntimeFrame(frame)) return;
    switch (frame.t) {
      case "upsert":
        this.upsert(frame);
        break;
      case "run_start":
        this.runStart(frame);
        break;
      case "run_end":
        this.runEnd(frame);
        break;
      case "payload":
        this.payloads.received(frame);
        break;
      case "page_config":
        this.setApp({ pageConfig: frame });
        break;
      case "app_config":
        applyAppConfig(frame);
        break;
      case "logo":
        showLogo(frame);
        break;
      case "pages":
        this.pages.received(frame);
        break;
      case "toast":
        this.toast(frame);
        break;
      case "query_params":
        showQueryParams(frame.params);
        break;
      case "error":
        this.setApp({ error: frame });
        break;
      case "auth_redirect":
        this.authRedirect(frame);
        break;
      case "debug": {
        const { paused, file, line } = frame;
        this.setApp({ paused: paused && file ? { file, line: line ?? 0 } : undefined });
        break;
      }
      case "upload_status":
        this.uploads.answered(frame);
        break;
      case "source_changed":
        // The script or a module it uses was saved while run-on-save is off (docs/protocol.md).
        if (this.app.alwaysRerun) this.send({ t: "rerun" });
        else this.setApp({ rerunBar: true });
        break;
      default: {
        // Every RuntimeFrame is handled above (a new one in the schema fails to compile here).
        const unhandled: never = frame;
        return unhandled;
      }
    }
  }

  private upsert(frame: UpsertFrame): void {
    if (frame.run > this.app.run) this.setApp({ run: frame.run });
    this.tree.upsert(frame);
  }

  private runStart(frame: RunStartFrame): void {
    this.setApp({
      run: frame.run,
      running: true,
      runStartedAt: Date.now(),
      error: undefined,
      paused: undefined,
      scope: frame.fragment !== undefined ? (frame.scope ?? []).map(keyOf) : undefined,
    });
  }

  private runEnd(frame: RunEndFrame): void {
    for (const path of frame.remove) this.tree.remove(path.join("/"));
    if (frame.status === "interrupted") {
      this.setApp({ lastStatus: frame.status, paused: undefined });
      return;
    }
    // A fragment's run says nothing of the rest of the app: what it did not redraw is current.
    const scope = frame.fragment !== undefined ? (this.app.scope ?? []) : undefined;
    if (scope === undefined) {
      this.tree.resynced();
      // A dialog the person closed opens again when a full run still draws it (blocks/dialog).
      this.tree.touchChildren("event");
    }
    this.widgets.runEnded(frame.run, scope);
    this.setApp({ running: false, lastStatus: frame.status, paused: undefined });
  }

  private authRedirect({ url, app_url }: AuthRedirectFrame): void {
    if (this.navigate) {
      this.navigate(url);
    } else if (url.startsWith("/auth/logout")) {
      // Nobody signed in here (no cookie in the panel): the run already emptied st.user, and
      // a rerun shows the app signed out, as the reload after a logout does in a browser.
      this.send({ t: "rerun" });
    } else {
      this.setApp({ signIn: { appUrl: app_url } });
    }
  }

  private toast({ body, icon, duration }: ToastFrame): void {
    const toast = { id: this.nextToast++, body, icon: icon ?? null, duration };
    this.setApp({ toasts: [...this.app.toasts, toast] });
  }

  // ---- ViewerStore ----

  subscribeNode(key: string, listener: () => void): () => void {
    return this.tree.subscribe(key, listener);
  }

  getNode(key: string): TreeNode | undefined {
    return this.tree.get(key);
  }

  nodeRun(key: string): number {
    return this.tree.nodeRun(key);
  }

  getPayload(hash: string): unknown {
    return this.payloads.get(hash);
  }

  subscribePayload(hash: string, listener: () => void): () => void {
    return this.payloads.subscribe(hash, listener);
  }

  mediaUrl(hash: string, mimetype: string): string | undefined {
    return this.payloads.mediaUrl(hash, mimetype);
  }

  widgetValue<N extends WidgetNode>(node: N): N["props"]["value"] {
    return this.widgets.value(node);
  }

  setWidgetValue<N extends WidgetNode>(
    node: N,
    value: WidgetValueMap[N["type"]],
    options?: { send?: boolean },
  ): void {
    this.widgets.set(node, value, options);
  }

  sendTrigger(id: string, value: unknown): void {
    this.widgets.trigger(id, value);
  }

  submitForm(formId: string, button: NodeOf<"button">): void {
    this.widgets.submitForm(formId, button);
  }

  send(frame: ViewerFrame): void {
    this.sender(frame);
  }

  uploadStatus(id: string, hash: string): Promise<UploadStatusFrame> {
    return this.uploads.wait(id, hash);
  }

  openLocation(file: string, line: number): void {
    this.opener?.(file, line);
  }

  // ---- connection ----

  /** The widget values this viewer shows, as a `hello` carries them (no triggers, no uploads). */
  widgetValues(): Record<string, unknown> {
    return this.widgets.shown();
  }

  /**
   * The `hello` for a (re)connect, with the widget values this viewer shows so nothing the
   * person set is lost. The runtime then forgets what we hold and resends the whole tree (its
   * run numbers may start again at 1), so run bookkeeping starts afresh.
   */
  hello(extra: {
    theme?: "light" | "dark";
    viewport?: { w: number; h: number };
    query?: string;
  }): HelloFrame {
    const widgets = this.widgets.shown();
    this.widgets.reconnected();
    this.tree.resync();
    this.pages.reconnected();
    this.setApp({ run: 0, running: false });
    const frame: HelloFrame = { t: "hello", v: PROTOCOL_VERSION, ...extra };
    if (this.app.page !== "") frame.page = this.app.page; // absent: the main page
    if (Object.keys(widgets).length > 0) frame.widgets = widgets;
    return frame;
  }
}
