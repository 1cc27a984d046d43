// Every preview panel of the window: creating or revealing one per script, restoring them after
// a window reload (the serializer), routing frames to them by session, and telling them about
// the server's state.

import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import * as vscode from "vscode";
import type { PanelState } from "../../webview/src/core/vscode_messages";
import { browserAddress, browserRunArgs, freePort, waitForApp } from "./browserRun";
import type { ComponentHost } from "./componentHost";
import type { Log } from "./log";
import type { PanelEnv, SessionServer } from "./panel";
import { PreviewPanel, panelTitle } from "./panel";
import { makeNonce, panelHtml } from "./panelHtml";
import type { ServerState } from "./server";
import type { Settings } from "./settings";

export const VIEW_TYPE = "sidepane.preview";

export interface PanelsContext {
  extensionUri: vscode.Uri;
  server: SessionServer & { readonly state: ServerState };
  settings(): Settings;
  log: Log;
  /** A panel needs the server: start it unless it runs. */
  ensureServer(): void;
  /** Where custom components are served; without it, components offer the browser. */
  components?: ComponentHost;
}

export class Panels implements vscode.WebviewPanelSerializer<PanelState> {
  private readonly panels = new Set<PreviewPanel>();
  /** The editor column each panel was opened from: where its traceback links open files. */
  private readonly sourceColumns = new WeakMap<PreviewPanel, vscode.ViewColumn>();
  private lastActive: PreviewPanel | undefined;
  private preloadList: string[] | undefined;
  private readonly env: PanelEnv;
  /** Args a debug session asked for, by script: they replace sidepane.scriptArgs until it ends. */
  private readonly argsFor = new Map<string, string[]>();
  /** The terminal running each script with `sidepane run` for the browser (openInBrowser). */
  private readonly browserRuns = new Map<string, vscode.Terminal>();
  /** Makes each panel's page (again when the components' address changes). */
  private readonly pages = new Map<PreviewPanel, () => void>();

  constructor(private readonly ctx: PanelsContext) {
    this.env = {
      server: ctx.server,
      settings: ctx.settings,
      scriptArgs: (script) => this.argsFor.get(script) ?? ctx.settings().scriptArgs,
      log: ctx.log,
      openLocation: (panel, file, line) => void this.openLocation(panel, file, line),
      openInBrowser: (panel) => void this.openInBrowser(panel),
      disposed: (panel) => {
        this.panels.delete(panel);
        this.pages.delete(panel);
        if (this.lastActive === panel) this.lastActive = undefined;
        this.updateContext();
      },
    };
  }

  /** The folder the panel may load from: the viewer bundle only. */
  get webviewRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.ctx.extensionUri, "dist", "webview");
  }

  /**
   * Reveals the panel of `script`, or opens one beside the editor (focus stays in the editor);
   * `pageFile`: at the page of the app that runs that file (Preview App on a page file).
   */
  createOrShow(script: vscode.Uri, pageFile?: string): PreviewPanel {
    const existing = this.forScript(script.fsPath);
    if (existing) {
      const view = existing.view as vscode.WebviewPanel;
      view.reveal(undefined, true);
      if (pageFile !== undefined) existing.showPage(pageFile);
      return existing;
    }
    const view = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      panelTitle(script.fsPath),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [this.webviewRoot],
      },
    );
    return this.adopt(view, script.fsPath, vscode.window.activeTextEditor?.viewColumn, pageFile);
  }

  /** WebviewPanelSerializer: a panel left open before the window reloaded. */
  async deserializeWebviewPanel(
    view: vscode.WebviewPanel,
    state: PanelState | undefined,
  ): Promise<void> {
    const script = typeof state?.script === "string" ? state.script : undefined;
    if (!script) {
      view.dispose();
      return;
    }
    view.webview.options = { enableScripts: true, localResourceRoots: [this.webviewRoot] };
    view.title = panelTitle(script);
    this.adopt(view, script, undefined);
    return Promise.resolve();
  }

  forSession(session: string): PreviewPanel | undefined {
    for (const panel of this.panels) if (panel.session === session) return panel;
    return undefined;
  }

  /** Runs `script` with `args` from its next run (undefined: with sidepane.scriptArgs again). */
  useArgs(script: string, args: string[] | undefined): void {
    if (args) this.argsFor.set(script, args);
    else this.argsFor.delete(script);
    this.forScript(script)?.updateArgs();
  }

  forScript(path: string): PreviewPanel | undefined {
    for (const panel of this.panels) if (panel.script === path) return panel;
    return undefined;
  }

  /** The panel the commands act on: the active one, else the active editor's file's. */
  target(): PreviewPanel | undefined {
    for (const panel of this.panels) if (panel.view.active) return panel;
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const panel = this.forScript(editor.document.uri.fsPath);
      if (panel) return panel;
    }
    return this.lastActive && !this.lastActive.isClosed ? this.lastActive : undefined;
  }

  get all(): PreviewPanel[] {
    return [...this.panels];
  }

  /** The server changed state: every panel follows (a new server means new sessions). */
  serverState(state: ServerState): void {
    if (state.kind === "running" && this.ctx.components) {
      // Sent before the panels' sessions run anything (the viewer's hello comes later).
      void this.ctx.components.serverRunning().then((moved) => {
        if (moved) for (const makePage of this.pages.values()) makePage();
      });
    }
    for (const panel of this.panels) panel.serverState(state);
  }

  dispose(): void {
    for (const panel of [...this.panels]) panel.dispose();
  }

  private adopt(
    view: vscode.WebviewPanel,
    script: string,
    sourceColumn: vscode.ViewColumn | undefined,
    pageFile?: string,
  ): PreviewPanel {
    view.iconPath = vscode.Uri.joinPath(this.ctx.extensionUri, "extension", "media", "icon.png");
    const webview = view.webview;
    const asset = (name: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.webviewRoot, name)).toString();
    const page = (componentBase: string | undefined): string =>
      panelHtml({
        cspSource: webview.cspSource,
        scriptUri: asset("sidepane.js"),
        styleUri: asset("sidepane.css"),
        preloadUris: this.preload().map(asset),
        nonce: makeNonce(),
        script,
        title: panelTitle(script),
        pageFile,
        componentBase,
        remote: vscode.env.remoteName !== undefined,
      });
    const panel = new PreviewPanel(view, script, this.env);
    const components = this.ctx.components;
    // The page names the components' address in its CSP: made once that address is known (at
    // once on the desktop; a reload when it changes, which keeps the widgets' values).
    const makePage = components
      ? () =>
          void components.base().then((base) => {
            if (!panel.isClosed) webview.html = page(base);
          })
      : () => (webview.html = page(undefined));
    makePage();
    this.pages.set(panel, makePage);
    this.panels.add(panel);
    this.updateContext();
    this.lastActive = panel;
    if (sourceColumn !== undefined) this.sourceColumns.set(panel, sourceColumn);
    view.onDidChangeViewState(() => {
      if (view.active) this.lastActive = panel;
      panel.setVisible(view.visible);
    });
    panel.serverState(this.ctx.server.state);
    this.ctx.ensureServer();
    return panel;
  }

  /** The viewer's first-paint modules, listed by extension/build.mjs (none if it is missing). */
  private preload(): string[] {
    if (this.preloadList) return this.preloadList;
    try {
      const list: unknown = JSON.parse(
        readFileSync(join(this.webviewRoot.fsPath, "preload.json"), "utf8"),
      );
      this.preloadList = Array.isArray(list) ? list.filter((f) => typeof f === "string") : [];
    } catch {
      this.preloadList = [];
    }
    return this.preloadList;
  }

  /** `sidepane.previewOpen` shows Rerun and Stop in the command palette. */
  private updateContext(): void {
    void vscode.commands.executeCommand("setContext", "sidepane.previewOpen", this.panels.size > 0);
  }

  /**
   * Serves the panel's script with `sidepane run --headless` in a terminal and, once it answers,
   * opens it in the browser (through asExternalUri: forwarded when VS Code runs remotely): for
   * widgets a webview cannot serve (camera, microphone). A second request replaces the first run.
   */
  private async openInBrowser(panel: PreviewPanel): Promise<void> {
    const state = this.ctx.server.state;
    if (state.kind !== "running" && state.kind !== "blocked") {
      void vscode.window.showWarningMessage(
        "Sidepane: the app cannot open in the browser until its Python server runs.",
      );
      return;
    }
    const port = await freePort();
    const local = `http://127.0.0.1:${port}`;
    // Known before the app starts: a proxy's path prefix is where the app must be served.
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(`${local}/`));
    const at = browserAddress(external.toString(true), port);
    this.browserRuns.get(panel.script)?.dispose();
    const terminal = vscode.window.createTerminal({
      name: `${panelTitle(panel.script)} (browser)`,
      shellPath: state.interpreter.command,
      shellArgs: browserRunArgs(panel.script, port, this.env.scriptArgs(panel.script), at),
      cwd: dirname(panel.script),
    });
    this.browserRuns.set(panel.script, terminal);
    terminal.show(true);
    this.ctx.log.info(`Serving ${panel.script} for the browser on ${local} (at ${at.url})`);
    if (!(await waitForApp(local, 30_000, () => terminal.exitStatus !== undefined))) {
      void vscode.window.showWarningMessage(
        `Sidepane: ${basename(panel.script)} did not start for the browser; see its terminal.`,
      );
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(at.url));
  }

  /** Opens `file` at `line` in an editor column, never over the panel. */
  private async openLocation(panel: PreviewPanel, file: string, line: number): Promise<void> {
    const uri = vscode.Uri.file(file);
    const panelColumn = (panel.view as vscode.WebviewPanel).viewColumn;
    const showing = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.fsPath === uri.fsPath && e.viewColumn !== panelColumn,
    );
    let column = showing?.viewColumn ?? this.sourceColumns.get(panel) ?? vscode.ViewColumn.One;
    if (column === panelColumn) {
      column =
        panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    }
    const position = new vscode.Position(line - 1, 0);
    try {
      await vscode.window.showTextDocument(uri, {
        viewColumn: column,
        selection: new vscode.Range(position, position),
        preserveFocus: false,
      });
    } catch (error) {
      this.ctx.log.warn(`Cannot open ${file}:${line}: ${String(error)}`);
    }
  }
}
