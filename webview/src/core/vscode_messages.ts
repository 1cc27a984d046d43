// The messages between the VS Code extension and its webview panel (docs/protocol.md, "VS Code").
// Types only: imported by the webview's transport and by the extension, so both sides agree.

export type PanelStatus = "connected" | "connecting" | "disconnected";

/** Something that keeps the app from running, with its fix; shown as a banner in the panel. */
export interface PanelProblem {
  message: string;
  detail?: string;
}

/** Extension → panel. */
export type ToPanel =
  | { type: "frames"; bytes: Uint8Array }
  | { type: "status"; status: PanelStatus }
  | ({ type: "problem" } & PanelProblem)
  /** Preview App on a page file of the app this panel shows: run the page that runs `file`. */
  | { type: "showPage"; file: string };

/** Panel → extension. */
export type FromPanel =
  | { type: "ready" }
  | { type: "message"; bytes: Uint8Array }
  | { type: "openLocation"; file: string; line: number }
  /** The page shown has this title (its label, or set_page_config's): the panel's title. */
  | { type: "title"; title: string }
  /** A widget needs what the webview cannot have (camera, microphone): run the app in a browser. */
  | { type: "openInBrowser" };

/**
 * The panel's webview state (`vscode.setState`): the script it previews, read back by the
 * extension's serializer after a window reload, and the widget values and page it last held, sent
 * in the restored panel's first `hello`.
 */
export interface PanelState {
  script?: string;
  widgets?: Record<string, unknown>;
  /** The page of a multipage app it showed (docs/protocol.md, `pages`). */
  page?: string;
}
