// The viewer's state: the element tree patched by frames, payloads, widget values the person set,
// and app-level state (running, page config, toasts…). Components subscribe per node, so a frame
// re-renders only what it touches (docs/protocol.md is the contract implemented here).

import type { PageEntry, PagesFrame } from "./pages";
import { UploadAnswers } from "./upload";
import type { TransportProblem, TransportStatus } from "./transport";
import type {
  DebugFrame,
  ErrorFrame,
  PageConfigFrame,
  Path,
  PayloadFrame,
  RunEndFrame,
  TreeNode,
  UploadStatusFrame,
  UpsertFrame,
  ViewerFrame,
  ViewerStore,
} from "./types";
import { PROTOCOL_VERSION } from "./types";

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
}

/** Extra per-node facts the chrome uses (not part of the component contract in types.ts). */
export interface RunInfo {
  /** The run of the latest upsert at this node (0 if none since the last hello). */
  nodeRun(key: string): number;
}

interface LocalValue {
  value: unknown;
  /** The run the viewer showed when the person set it. */
  sentAtRun: number;
  /** Set for a form field: held (unsent) until its form's submit button. */
  form?: string;
  /** `ignore_rerun`: kept, and sent along with the next widget_value. */
  deferred?: boolean;
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
}

/** Widget types whose value is a one-run trigger: never held as a local value. */
const TRIGGERS = new Set(["button", "download_button", "chat_input"]);

export function keyOf(path: Path): string {
  return path.join("/");
}

export class Store implements ViewerStore, RunInfo {
  readonly theme: "light" | "dark";
  private readonly sender: (frame: ViewerFrame) => void;
  private readonly opener: ((file: string, line: number) => void) | undefined;
  private readonly onPage: ((page: string, push: boolean) => void) | undefined;
  private readonly nodes = new Map<string, TreeNode>();
  private readonly nodeListeners = new Map<string, Set<() => void>>();
  private readonly runs = new Map<string, number>();
  private readonly payloads = new Map<string, unknown>();
  private readonly payloadListeners = new Map<string, Set<() => void>>();
  private readonly urls = new Map<string, string>();
  private readonly locals = new Map<string, LocalValue>();
  /** Widget id → node key, and form id → form node key, from the latest upserts. */
  private readonly widgetKeys = new Map<string, string>();
  private readonly formKeys = new Map<string, string>();
  private readonly appListeners = new Set<() => void>();
  private app: AppState;
  private nextToast = 1;
  private readonly uploads = new UploadAnswers();
  /** The page the runtime last said it shows (undefined: none since the last hello). */
  private shownPage: string | undefined;
  /** After a hello the runtime resends everything: nodes it does not resend are gone. */
  private touchedSinceHello: Set<string> | undefined;

  constructor(options: StoreOptions) {
    this.sender = options.send;
    this.opener = options.openLocation;
    this.onPage = options.onPage;
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
    };
    this.ensureRoot("main");
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
   * server's run-on-save (`run_on_save` frame of `sidepane run`, which also applies the pending
   * change); it is not in protocol v1's ViewerFrame union, hence the cast.
   */
  rerun(always = false): void {
    this.setApp({ rerunBar: false, alwaysRerun: this.app.alwaysRerun || always });
    if (always) this.sender({ t: "run_on_save", enabled: true });
    else this.send({ t: "rerun" });
  }

  stop(): void {
    this.send({ t: "stop" });
  }

  /**
   * Show another page with the query string `query` (by default none, as Streamlit clears query
   * parameters on a page change): a click in the page list or on a page link, or the browser's
   * Back / Forward (`fromUrl`: the URL already names the page and its query).
   */
  goToPage(name: string, query = "", fromUrl = false): void {
    const changed = name !== this.app.page;
    this.setApp({ page: name, pageNotFound: undefined });
    if (!fromUrl) {
      this.queryParams([...new URLSearchParams(query)]);
      this.onPage?.(name, changed);
    }
    this.send(query ? { t: "rerun", page: name, query } : { t: "rerun", page: name });
  }

  dismissPageNotFound(): void {
    this.setApp({ pageNotFound: undefined });
  }

  private pagesFrame(frame: PagesFrame): void {
    const changed = frame.current !== this.app.page;
    if (this.shownPage !== undefined && frame.current !== this.shownPage) {
      // Another page: the body of the page left goes now, as in Streamlit (the runtime sends
      // the new page whole); the sidebar stays until the run ends.
      const main = this.nodes.get("main");
      if (main) for (const child of [...main.children.values()]) this.remove(child.key);
    }
    this.shownPage = frame.current;
    this.setApp({
      pages: Array.isArray(frame.pages) ? frame.pages : [],
      page: frame.current,
      pageNotFound: frame.not_found ?? (changed ? undefined : this.app.pageNotFound),
    });
    // A page the runtime moved to (st.switch_page) is a new history entry; a page not found
    // is replaced by the main page's URL.
    this.onPage?.(frame.current, changed && frame.not_found === undefined);
  }

  // ---- frames from the runtime ----

  /** Apply one frame. Unknown frame types are ignored (docs/protocol.md). */
  apply(frame: { t: string }): void {
    switch (frame.t) {
      case "upsert":
        this.upsert(frame as UpsertFrame);
        break;
      case "run_start": {
        const run = (frame as unknown as { run: number }).run;
        this.setApp({
          run,
          running: true,
          runStartedAt: Date.now(),
          error: undefined,
          paused: undefined,
        });
        break;
      }
      case "run_end":
        this.runEnd(frame as RunEndFrame);
        break;
      case "payload":
        this.payload(frame as PayloadFrame);
        break;
      case "page_config":
        this.setApp({ pageConfig: frame as PageConfigFrame });
        break;
      case "pages":
        this.pagesFrame(frame as PagesFrame);
        break;
      case "toast": {
        const { body, icon, duration } = frame as unknown as Toast;
        const toast = { id: this.nextToast++, body, icon: icon ?? null, duration };
        this.setApp({ toasts: [...this.app.toasts, toast] });
        break;
      }
      case "query_params":
        this.queryParams((frame as unknown as { params: [string, string][] }).params);
        break;
      case "error":
        this.setApp({ error: frame as ErrorFrame });
        break;
      case "debug": {
        const { paused, file, line } = frame as DebugFrame;
        this.setApp({ paused: paused && file ? { file, line: line ?? 0 } : undefined });
        break;
      }
      case "upload_status":
        this.uploads.answered(frame as UploadStatusFrame);
        break;
      case "source_changed":
        // The script or a module it uses was saved while run-on-save is off (docs/protocol.md).
        if (this.app.alwaysRerun) this.send({ t: "rerun" });
        else this.setApp({ rerunBar: true });
        break;
      default:
        break;
    }
  }

  private ensureRoot(name: string): TreeNode {
    let root = this.nodes.get(name);
    if (!root) {
      root = { key: name, path: [name], type: "root", props: {}, children: new Map(), version: 0 };
      this.nodes.set(name, root);
      if (this.app && !this.app.roots.includes(name)) {
        this.setApp({ roots: [...this.app.roots, name] });
      }
    }
    return root;
  }

  private upsert(frame: UpsertFrame): void {
    const { path, type, props, run } = frame;
    if (path.length < 2 || typeof path[0] !== "string") return;
    const key = keyOf(path);
    const parentKey = keyOf(path.slice(0, -1));
    const parent = path.length === 2 ? this.ensureRoot(path[0]) : this.nodes.get(parentKey);
    const index = path[path.length - 1];
    if (!parent || typeof index !== "number") {
      console.warn("sidepane: upsert without its parent", path);
      return;
    }
    if (run > this.app.run) this.setApp({ run });
    this.runs.set(key, run);
    this.touchedSinceHello?.add(key);
    this.index(key, type, props);
    const existing = this.nodes.get(key);
    if (existing && existing.type === type) {
      existing.props = props;
      existing.version++;
      this.notify(key);
      return;
    }
    if (existing) this.dropDescendants(existing);
    const node: TreeNode = { key, path, type, props, children: new Map(), version: 0 };
    this.nodes.set(key, node);
    parent.children.set(index, node);
    if (!existing) {
      parent.version++;
      this.notify(parentKey);
    }
    this.notify(key);
  }

  /** Keep the widget id / form id → node key maps current. */
  private index(key: string, type: string, props: Record<string, unknown>): void {
    if (typeof props.id === "string") {
      if (type === "form") this.formKeys.set(props.id, key);
      else if ("value" in props || TRIGGERS.has(type)) this.widgetKeys.set(props.id, key);
    }
  }

  private runEnd(frame: RunEndFrame): void {
    for (const path of frame.remove) this.remove(keyOf(path));
    if (frame.status === "interrupted") {
      this.setApp({ lastStatus: frame.status, paused: undefined });
      return;
    }
    if (this.touchedSinceHello) {
      this.removeUntouched(this.touchedSinceHello);
      this.touchedSinceHello = undefined;
    }
    // A finished run newer than a change has drawn that change (or overruled it), and what it
    // did not resend the viewer already holds: the frames are the truth again.
    for (const [id, local] of this.locals) {
      if (local.form === undefined && !local.deferred && local.sentAtRun < frame.run) {
        this.locals.delete(id);
        const key = this.widgetKeys.get(id);
        if (key) this.notify(key);
      }
    }
    this.setApp({ running: false, lastStatus: frame.status, paused: undefined });
  }

  private removeUntouched(touched: Set<string>): void {
    const stale: string[] = [];
    const walk = (node: TreeNode): void => {
      for (const child of node.children.values()) {
        if (touched.has(child.key)) walk(child);
        else stale.push(child.key);
      }
    };
    for (const root of this.app.roots) {
      const node = this.nodes.get(root);
      if (node) walk(node);
    }
    for (const key of stale) this.remove(key);
  }

  private remove(key: string): void {
    const node = this.nodes.get(key);
    if (!node || node.path.length < 2) return;
    const parentKey = keyOf(node.path.slice(0, -1));
    const parent = this.nodes.get(parentKey);
    const index = node.path[node.path.length - 1];
    this.dropDescendants(node);
    this.forget(node);
    if (parent && typeof index === "number") {
      parent.children.delete(index);
      parent.version++;
      this.notify(parentKey);
    }
    this.notify(key);
  }

  private dropDescendants(node: TreeNode): void {
    for (const child of node.children.values()) {
      this.dropDescendants(child);
      this.forget(child);
    }
    node.children.clear();
  }

  private forget(node: TreeNode): void {
    this.nodes.delete(node.key);
    this.runs.delete(node.key);
    const id = node.props.id;
    if (typeof id === "string") {
      if (this.widgetKeys.get(id) === node.key) {
        this.widgetKeys.delete(id);
        this.locals.delete(id);
      }
      if (this.formKeys.get(id) === node.key) this.formKeys.delete(id);
    }
  }

  private payload(frame: PayloadFrame): void {
    this.payloads.set(frame.hash, frame.data);
    const listeners = this.payloadListeners.get(frame.hash);
    if (listeners) for (const listener of [...listeners]) listener();
  }

  private queryParams(params: [string, string][]): void {
    const search = new URLSearchParams();
    for (const [k, v] of params) search.append(k, v);
    const query = search.toString();
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  // ---- ViewerStore ----

  subscribeNode(key: string, listener: () => void): () => void {
    let set = this.nodeListeners.get(key);
    if (!set) {
      set = new Set();
      this.nodeListeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.nodeListeners.delete(key);
    };
  }

  private notify(key: string): void {
    const set = this.nodeListeners.get(key);
    if (set) for (const listener of [...set]) listener();
  }

  getNode(key: string): TreeNode | undefined {
    return this.nodes.get(key);
  }

  nodeRun(key: string): number {
    return this.runs.get(key) ?? 0;
  }

  getPayload(hash: string): unknown {
    return this.payloads.get(hash);
  }

  subscribePayload(hash: string, listener: () => void): () => void {
    let set = this.payloadListeners.get(hash);
    if (!set) {
      set = new Set();
      this.payloadListeners.set(hash, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.payloadListeners.delete(hash);
    };
  }

  mediaUrl(hash: string, mimetype: string): string | undefined {
    const known = this.urls.get(hash);
    if (known) return known;
    const data = this.payloads.get(hash);
    if (!(data instanceof Uint8Array)) return undefined;
    const url = URL.createObjectURL(
      new Blob([data as Uint8Array<ArrayBuffer>], { type: mimetype }),
    );
    this.urls.set(hash, url);
    return url;
  }

  widgetValue(node: TreeNode): unknown {
    const id = node.props.id;
    const local = typeof id === "string" ? this.locals.get(id) : undefined;
    if (!local) return node.props.value;
    if (local.form !== undefined || local.deferred) return local.value;
    // A frame from a run that started after the change wins; an older one never overwrites it.
    return this.nodeRun(node.key) > local.sentAtRun ? node.props.value : local.value;
  }

  setWidgetValue(node: TreeNode, value: unknown, options?: { send?: boolean }): void {
    const id = node.props.id;
    if (typeof id !== "string") return;
    const run = this.app.run;
    if (TRIGGERS.has(node.type)) {
      this.sendWidget(id, value, {});
      return;
    }
    const form = typeof node.props.form === "string" ? node.props.form : undefined;
    if (form !== undefined) {
      this.locals.set(id, { value, sentAtRun: run, form });
    } else if (options?.send === false || node.props.ignore_rerun === true) {
      this.locals.set(id, { value, sentAtRun: run, deferred: true });
    } else {
      this.locals.set(id, { value, sentAtRun: run });
      this.sendWidget(id, value, {});
    }
    this.notify(node.key);
  }

  sendTrigger(id: string, value: unknown): void {
    this.sendWidget(id, value, {});
  }

  submitForm(formId: string, buttonNode: TreeNode): void {
    const id = buttonNode.props.id;
    if (typeof id !== "string") return;
    const formKey = this.formKeys.get(formId);
    const clear = formKey !== undefined && this.nodes.get(formKey)?.props.clear_on_submit === true;
    const values: Record<string, unknown> = {};
    const touched: string[] = [];
    for (const [wid, key] of this.widgetKeys) {
      const node = this.nodes.get(key);
      if (!node || node.props.form !== formId || TRIGGERS.has(node.type)) continue;
      values[wid] = this.widgetValue(node);
      const local = this.locals.get(wid);
      if (local?.form !== undefined) {
        // Submitted: now an ordinary sent value (the stale-run rule applies), or gone when the
        // form clears itself on submit (the run sends the fields' defaults).
        if (clear) this.locals.delete(wid);
        else this.locals.set(wid, { value: local.value, sentAtRun: this.app.run });
        touched.push(key);
      }
    }
    this.sendWidget(id, true, values);
    for (const key of touched) this.notify(key);
  }

  /** Send widget_value, carrying any deferred (`ignore_rerun`) values along. */
  private sendWidget(id: string, value: unknown, values: Record<string, unknown>): void {
    const all = { ...values };
    for (const [wid, local] of this.locals) {
      if (local.deferred && wid !== id) {
        all[wid] = local.value;
        this.locals.set(wid, { value: local.value, sentAtRun: this.app.run });
      }
    }
    const frame: ViewerFrame = { t: "widget_value", id, value, run: this.app.run };
    if (Object.keys(all).length > 0) frame.values = all;
    this.send(frame);
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
    const widgets: Record<string, unknown> = {};
    for (const [id, key] of this.widgetKeys) {
      const node = this.nodes.get(key);
      if (!node || TRIGGERS.has(node.type) || node.type === "file_uploader") continue;
      const local = this.locals.get(id);
      // An unsubmitted form edit is not a value yet: send what the form last submitted.
      widgets[id] = local?.form !== undefined ? node.props.value : this.widgetValue(node);
    }
    return widgets;
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
  }): ViewerFrame {
    const widgets = this.widgetValues();
    for (const [id, local] of this.locals) if (local.form === undefined) this.locals.delete(id);
    this.runs.clear();
    this.shownPage = undefined;
    this.touchedSinceHello = new Set();
    this.setApp({ run: 0, running: false });
    const frame: ViewerFrame = { t: "hello", v: PROTOCOL_VERSION, ...extra };
    if (this.app.page !== "") frame.page = this.app.page; // absent: the main page
    if (Object.keys(widgets).length > 0) frame.widgets = widgets;
    return frame;
  }
}
