// Wiring only: the log, the server, the panels, the status bar, the code lens, the commands,
// debugging and the settings' effects. Each concern lives in its own module.

import { homedir } from "node:os";
import * as vscode from "vscode";
import { importsApp, PreviewCodeLens } from "./codeLens";
import { freePort } from "./browserRun";
import { ComponentHost } from "./componentHost";
import { DebugSessions } from "./debugAdapter";
import type { ActiveFile } from "./debugConfig";
import {
  DEBUG_TYPE,
  SidepaneDebugConfigurations,
  activeProgram,
  checkProgram,
  dynamicConfigurations,
} from "./debugConfig";
import { checkPackage, describeInstallFailure, findWheel, installWheel, offerFix } from "./install";
import { languageClientFactory } from "./languageClient";
import { previewTarget } from "./entryFile";
import { createLog } from "./log";
import { Panels, VIEW_TYPE } from "./panels";
import { onPythonExtensionChange, resolveInterpreter } from "./python";
import type { Interpreter } from "./python";
import type { ServerState } from "./server";
import { SidepaneServer } from "./server";
import {
  CONFIGURE_KEYS,
  RESTART_KEYS,
  changedKeys,
  configureParams,
  getSettings,
  persistRunOnSaveAlways,
} from "./settings";
import { StatusBar } from "./statusBar";

const COMMAND = {
  preview: "sidepane.preview",
  debug: "sidepane.debug",
  rerun: "sidepane.rerun",
  stop: "sidepane.stop",
  restartServer: "sidepane.restartServer",
  showLog: "sidepane.showLog",
} as const;

let server: SidepaneServer | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const version = String((context.extension.packageJSON as { version?: unknown }).version);
  const statusBar = new StatusBar(COMMAND.showLog);
  const cwd = (): string => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? homedir();
  let watchingPythonExtension = false;
  let offering = false;

  const sidepane = new SidepaneServer({
    log,
    version,
    settings: getSettings,
    cwd,
    interpreter: (settings) => resolveInterpreter(settings.pythonPath, activeScript()),
    check: checkPackage,
    createClient: languageClientFactory(log),
    listener: {
      frames: (session, bytes) => panels.forSession(session)?.frames(bytes),
      status: (params) => statusBar.setRun(params),
      runOnSaveChanged: (params) => {
        if (!params.enabled) return;
        persistRunOnSaveAlways().catch((error: unknown) =>
          log.warn(`Could not save sidepane.runOnSave: ${String(error)}`),
        );
      },
      state: (state) => {
        panels.serverState(state);
        debugging.serverState(state);
        statusBar.setServer(state);
        // Follow the Python extension's choice once it is the one in use (also when it lacks
        // sidepane: picking another interpreter there is a fix).
        if (
          (state.kind === "running" || state.kind === "blocked") &&
          state.interpreter.source === "python-extension"
        ) {
          watchPythonExtension();
        }
        // Tell the person only when they asked for a preview; a warm-up start stays quiet.
        if (state.kind === "blocked" && panels.all.length > 0) void fix(state);
      },
    },
  });
  server = sidepane;

  const components = new ComponentHost({
    freePort,
    externalUri: async (local) =>
      (await vscode.env.asExternalUri(vscode.Uri.parse(local))).toString(true),
    serve: async (port) => (await sidepane.serveComponents(port)).port,
    log,
  });

  const panels = new Panels({
    extensionUri: context.extensionUri,
    server: sidepane,
    settings: getSettings,
    log,
    components,
    ensureServer: () => {
      const kind = sidepane.state.kind;
      if (kind !== "running" && kind !== "starting") void sidepane.start();
    },
  });

  const debugging = new DebugSessions({
    log,
    server: sidepane,
    panels: {
      isOpen: (script) => panels.forScript(script) !== undefined,
      show: (script) => void panels.createOrShow(vscode.Uri.file(script)),
      rerun: (script) => panels.forScript(script)?.command("rerun"),
      useArgs: (script, args) => panels.useArgs(script, args),
    },
    start: (config) =>
      vscode.debug.startDebugging(
        vscode.workspace.getWorkspaceFolder(vscode.Uri.file(String(config.program))),
        config,
      ),
    stop: (session) => vscode.debug.stopDebugging(session),
    notify: (message) => void vscode.window.showInformationMessage(message),
    scriptArgs: () => getSettings().scriptArgs,
    workspaceFolder: () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    home: homedir(),
  });
  const debugConfigDeps = {
    activeFile,
    settings: getSettings,
    showError: (message: string) => void vscode.window.showErrorMessage(message),
  };

  /** The file in front of the person: the active editor's, else the active preview's script. */
  function activeFile(): ActiveFile | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      const document = editor.document;
      return {
        path: document.uri.fsPath,
        python: document.languageId === "python" || document.uri.fsPath.endsWith(".py"),
        untitled: document.uri.scheme === "untitled",
      };
    }
    const panel = panels.target();
    return panel ? { path: panel.script, python: true } : undefined;
  }

  function debugApp(target?: vscode.Uri): void {
    const checked = target ? checkProgram(target.fsPath, undefined) : activeProgram(activeFile());
    if (!checked.ok) {
      void vscode.window.showErrorMessage(checked.message);
      return;
    }
    debugging.debugApp(checked.program, getSettings().scriptArgs).catch((error: unknown) => {
      log.error(`Sidepane: Debug App failed: ${String(error)}`);
    });
  }

  /** The script whose workspace folder decides the Python extension's interpreter. */
  function activeScript(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === "python") return editor.document.uri;
    const panel = panels.all[0];
    return panel ? vscode.Uri.file(panel.script) : undefined;
  }

  function watchPythonExtension(): void {
    if (watchingPythonExtension) return;
    watchingPythonExtension = true;
    void onPythonExtensionChange(() => {
      if (!getSettings().pythonPath && sidepane.state.kind !== "stopped") {
        log.info("The Python extension's interpreter changed: restarting.");
        sidepane.restartSoon();
      }
    }).then((subscription) => context.subscriptions.push(subscription));
  }

  async function fix(state: Extract<ServerState, { kind: "blocked" }>): Promise<void> {
    if (offering) return;
    offering = true;
    const wheel = findWheel(context.extensionPath, version);
    const installable =
      wheel !== undefined && state.check.kind !== "no-python" && state.check.kind !== "old-python";
    const choice = await offerFix(state.problem, installable).finally(() => (offering = false));
    if (choice === "install" && wheel) await install(state.interpreter, wheel);
    else if (choice === "settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "sidepane.pythonPath");
    } else if (choice === "log") log.show();
  }

  async function install(interpreter: Interpreter, wheel: string): Promise<void> {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Installing sidepane into ${interpreter.command}…`,
      },
      () => installWheel(interpreter.command, wheel, cwd(), log),
    );
    if (result.ok) {
      log.info(`Installed ${wheel} into ${interpreter.command}.`);
      await sidepane.restart();
      return;
    }
    const problem = describeInstallFailure(result, interpreter.command);
    log.error(`${problem.message}\n${problem.detail ?? ""}`);
    for (const panel of panels.all) panel.showProblem(problem);
    const choice = await vscode.window.showErrorMessage(problem.message, "Show Log");
    if (choice) log.show();
  }

  function preview(target?: vscode.Uri): void {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      const panel = panels.target();
      if (panel) (panel.view as vscode.WebviewPanel).reveal(undefined, true);
      else
        void vscode.window.showInformationMessage(
          "Open a Python file to preview it with Sidepane.",
        );
      return;
    }
    if (uri.scheme !== "file" || !uri.fsPath.endsWith(".py")) {
      void vscode.window.showInformationMessage(
        uri.scheme === "untitled"
          ? "Save the file first: Sidepane previews a .py file on disk."
          : "Sidepane previews Python files (.py).",
      );
      return;
    }
    // A page of a multipage app opens the app's entry script at that page.
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath;
    const app = previewTarget(uri.fsPath, getSettings().entryFile, folder);
    panels.createOrShow(vscode.Uri.file(app.entry), app.page);
  }

  function onPanel(action: "rerun" | "stop"): void {
    const panel = panels.target();
    if (panel) panel.command(action);
    else void vscode.window.showInformationMessage("No Sidepane preview is open.");
  }

  /** Start the server early when a file that looks like an app is in front of the person. */
  function warmUp(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (document?.languageId !== "python" || document.uri.scheme !== "file") return;
    if (sidepane.state.kind === "stopped" && importsApp(document.getText())) void sidepane.start();
  }

  context.subscriptions.push(
    log,
    statusBar,
    vscode.commands.registerCommand(COMMAND.preview, (uri?: unknown) =>
      preview(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand(COMMAND.debug, (uri?: unknown) =>
      debugApp(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new SidepaneDebugConfigurations(debugConfigDeps),
      vscode.DebugConfigurationProviderTriggerKind.Initial,
    ),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      dynamicConfigurations(debugConfigDeps),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, debugging),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, debugging),
    vscode.debug.onDidTerminateDebugSession((session) => debugging.ended(session)),
    vscode.commands.registerCommand(COMMAND.rerun, () => onPanel("rerun")),
    vscode.commands.registerCommand(COMMAND.stop, () => onPanel("stop")),
    vscode.commands.registerCommand(COMMAND.restartServer, () => {
      log.info("Restart requested.");
      void sidepane.restart();
    }),
    vscode.commands.registerCommand(COMMAND.showLog, () => log.show()),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panels),
    vscode.languages.registerCodeLensProvider(
      { language: "python", scheme: "file" },
      new PreviewCodeLens(COMMAND.preview, COMMAND.debug),
    ),
    vscode.window.onDidChangeActiveTextEditor(warmUp),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (changedKeys(event, RESTART_KEYS)) {
        if (sidepane.state.kind !== "stopped" || panels.all.length > 0) {
          log.info("sidepane.pythonPath or sidepane.serverArgs changed: restarting.");
          sidepane.restartSoon();
        }
      } else if (changedKeys(event, CONFIGURE_KEYS)) {
        sidepane.configure(configureParams(getSettings()));
      }
    }),
    { dispose: () => panels.dispose() },
  );
  warmUp(vscode.window.activeTextEditor);
}

export function deactivate(): Promise<void> | undefined {
  return server?.dispose();
}
