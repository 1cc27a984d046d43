// VS Code's panel reaches the runtime over postMessage, with no web server to serve a
// component's files or a components.html page, and its CSP allows no frames: a component says
// so and offers the app in the browser (the extension serves it with `sidepane run`, as for the
// camera and microphone).

import { vsCodeApi } from "../core/vscode_transport";
import { Icon } from "../elements/icon";

/** Whether the viewer runs in VS Code's panel. */
export function inPanel(): boolean {
  return vsCodeApi() !== undefined;
}

export function PanelNotice({ what }: { what: string }) {
  return (
    <div class="sp-alert sp-alert-info sp-component-notice" role="status">
      <span class="sp-alert-icon" aria-hidden="true">
        <Icon icon=":material/open_in_browser:" />
      </span>
      <div class="sp-alert-body">
        <span>VS Code's panel cannot show {what}. Open the app in your browser to use it.</span>
        <div>
          <button
            type="button"
            class="sp-button sp-button-secondary"
            onClick={() => vsCodeApi()?.postMessage({ type: "openInBrowser" })}
          >
            Open in browser
          </button>
        </div>
      </div>
    </div>
  );
}
