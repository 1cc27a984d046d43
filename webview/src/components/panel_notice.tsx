// VS Code's panel frames only what the language server's components server serves (a
// component's files, a components.html page: frame_policy.ts), the one address its CSP allows.
// Any other frame (components.iframe, a `url=` component, st.iframe of a URL), or every frame when
// the extension gave no such address, says so and offers the app in the browser (the extension
// serves it with `sidepane run`, as for the camera and microphone).

import { vsCodeApi } from "../core/vscode_transport";
import { Icon } from "../elements/icon";
import { componentBase } from "./frame_policy";

/** Whether the viewer runs in VS Code's panel with nowhere to frame Sidepane's own pages from. */
export function inPanel(): boolean {
  return vsCodeApi() !== undefined && componentBase() === undefined;
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
