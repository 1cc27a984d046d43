// What VS Code's panel cannot frame (frame_policy.ts's frameAllowed: Sidepane's own pages when
// the extension gave no components server, an http page in a panel served over https, a `url=`
// component's loopback dev server when the script runs remotely) says so and offers the app in
// the browser (the extension serves it with `sidepane run`, as for the camera and microphone).

import { vsCodeApi } from "../core/vscode_transport";
import { Icon } from "../elements/icon";

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
