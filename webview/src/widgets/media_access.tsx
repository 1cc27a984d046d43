// What camera_input and audio_input share: opening a device (getUserMedia) and saying, in the
// widget, why it could not be opened — permission refused, no such device, an insecure page, or
// VS Code's panel, whose webview is never given the camera or microphone (it offers to open the
// app in the browser instead).

import { vsCodeApi } from "../core/vscode_transport";
import { Icon } from "../elements/icon";
import "../styles/media_inputs.css";

export type Device = "camera" | "microphone";

/** Streamlit's pages on allowing a site to use the camera / the microphone. */
const HELP_URL: Record<Device, string> = {
  camera: "https://docs.streamlit.io/knowledge-base/using-streamlit/enable-camera",
  microphone: "https://docs.streamlit.io/end-users/enable-peripherals",
};

/** Why a device cannot be used, as the widget words it. */
export type MediaProblem =
  | { kind: "panel" } // VS Code's webview
  | { kind: "denied" } // the person (or the browser) refused
  | { kind: "missing" } // no such device
  | { kind: "insecure" } // no navigator.mediaDevices: an http page that is not localhost
  | { kind: "failed"; detail: string };

/** Whether the viewer runs in VS Code's panel, where a webview cannot open media devices. */
export function inVsCodePanel(): boolean {
  return vsCodeApi() !== undefined;
}

/** The device's stream, or the problem that kept it closed. */
export async function openDevice(
  constraints: MediaStreamConstraints,
): Promise<MediaStream | MediaProblem> {
  if (inVsCodePanel()) return { kind: "panel" };
  const devices = globalThis.navigator?.mediaDevices;
  if (!devices?.getUserMedia) return { kind: "insecure" };
  try {
    return await devices.getUserMedia(constraints);
  } catch (e) {
    return problemOf(e);
  }
}

/** What a getUserMedia (or MediaRecorder) failure means for the person. */
export function problemOf(e: unknown): MediaProblem {
  const name = e instanceof DOMException || e instanceof Error ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return { kind: "denied" };
  if (name === "NotFoundError" || name === "OverconstrainedError") return { kind: "missing" };
  return { kind: "failed", detail: e instanceof Error ? e.message : String(e) };
}

export function isProblem(x: MediaStream | MediaProblem): x is MediaProblem {
  return "kind" in x;
}

/** The widget's message for `problem`, with what the person can do about it. */
export function MediaProblemNotice({
  device,
  problem,
  onRetry,
}: {
  device: Device;
  problem: MediaProblem;
  /** Ask for the device again (after the person allowed it or plugged one in). */
  onRetry?: () => void;
}) {
  const icon = device === "camera" ? ":material/videocam_off:" : ":material/mic_off:";
  let body;
  switch (problem.kind) {
    case "panel":
      body = (
        <>
          <span>
            VS Code's panel cannot use your {device}. Open the app in your browser to use it.
          </span>
          <div>
            <button
              type="button"
              class="sp-button sp-button-secondary"
              onClick={() => vsCodeApi()?.postMessage({ type: "openInBrowser" })}
            >
              Open in browser
            </button>
          </div>
        </>
      );
      break;
    case "denied":
      body = (
        <>
          <span>This app would like to use your {device}.</span>{" "}
          <a href={HELP_URL[device]} target="_blank" rel="noopener noreferrer">
            Learn how to allow access.
          </a>
        </>
      );
      break;
    case "missing":
      body = <span>No {device} was found. Connect one and try again.</span>;
      break;
    case "insecure":
      body = (
        <span>
          This browser offers no {device} to this page: open the app over https or on localhost.
        </span>
      );
      break;
    default:
      body = <span title={problem.detail}>An error has occurred, please try again.</span>;
  }
  return (
    <div class="sp-media-problem" role="alert">
      <Icon icon={icon} />
      <div>
        {body}
        {onRetry && problem.kind !== "panel" && (
          <div>
            <button type="button" class="sp-button sp-button-secondary" onClick={onRetry}>
              Try again
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/** Stop every track of `stream` (the camera light goes off). */
export function release(stream: MediaStream | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** A file's message when its upload failed. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
