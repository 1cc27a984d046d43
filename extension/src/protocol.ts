// The custom LSP methods between this extension and `python -m sidepane lsp`
// (docs/protocol.md, "VS Code"). Names and params exactly as documented there.

export type RunOnSave = "always" | "ask" | "never";

export const OPEN_SESSION = "sidepane/openSession";
export const MESSAGE = "sidepane/message";
export const CLOSE_SESSION = "sidepane/closeSession";
export const CONFIGURE = "sidepane/configure";
export const FRAMES = "sidepane/frames";
export const STATUS = "sidepane/status";
export const RUN_ON_SAVE_CHANGED = "sidepane/runOnSaveChanged";
export const START_DEBUG = "sidepane/startDebug";

export interface OpenSessionParams {
  session: string;
  script: string;
  args?: string[];
  runOnSave?: RunOnSave;
}

export interface OpenSessionResult {
  session: string;
  script: string;
  version: string;
}

export interface MessageParams {
  session: string;
  data: string;
}

export interface CloseSessionParams {
  session: string;
}

export interface ConfigureParams {
  runOnSave?: RunOnSave;
  args?: string[];
}

export interface FramesParams {
  session: string;
  data: string;
}

export type RunState = "running" | "idle" | "error" | "paused";

export interface StatusParams {
  session: string;
  script: string;
  state: RunState;
  run: number;
  ms?: number;
  /** Where a debugger holds the run (state "paused"). */
  file?: string;
  line?: number;
}

export interface RunOnSaveChangedParams {
  session: string;
  enabled: boolean;
}

/** Where the in-process debug adapter (debugpy) listens. */
export interface StartDebugResult {
  host: string;
  port: number;
}
