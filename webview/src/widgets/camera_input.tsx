// camera_input: the camera's live preview (getUserMedia) with "Take Photo"; the frame is drawn
// on a canvas, encoded as a JPEG and uploaded (core/upload.ts), and the widget value names it.
// The photo then shows with "Clear photo", which empties the value, as in Streamlit.

import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { useWidget, widgetProps, WidgetLabel } from "../core/ui";
import { uploadFile } from "../core/upload";
import { Icon } from "../elements/icon";
import {
  errorText,
  isProblem,
  type MediaProblem,
  MediaProblemNotice,
  openDevice,
  release,
} from "./media_access";

/** The file name Streamlit gives a photo: `camera-input-<ISO time, colons as _>.jpg`. */
export function photoName(now: Date): string {
  return `camera-input-${now.toISOString().replace(/:/g, "_")}.jpg`;
}

/** The camera constraints: the asked height, else the preview's size (16:9, as Streamlit's). */
export function videoConstraints(
  resolutionHeight: number | undefined,
  previewWidth: number,
): MediaTrackConstraints {
  if (resolutionHeight !== undefined) return { height: { ideal: resolutionHeight } };
  const width = Math.max(1, Math.round(previewWidth));
  return { width: { ideal: width }, height: { ideal: Math.round((width * 9) / 16) } };
}

/**
 * The video's current frame as a JPEG: at the camera's own size when a resolution was asked,
 * else at the size the preview shows (as Streamlit captures).
 */
export async function capture(video: HTMLVideoElement, atCameraSize: boolean): Promise<Blob> {
  const { videoWidth, videoHeight } = video;
  let width = videoWidth;
  let height = videoHeight;
  if (!atCameraSize && video.clientWidth > 0 && videoWidth > 0) {
    width = Math.round(video.clientWidth);
    height = Math.round((width * videoHeight) / videoWidth);
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the photo.");
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("The photo could not be encoded."))),
      "image/jpeg",
      1,
    ),
  );
}

/** A photo taken here: its hash and a URL to show it. */
interface Shot {
  hash: string;
  url: string;
}

function CameraInput(props: ElementProps<"camera_input">) {
  const { node, store } = props;
  const { disabled, id } = widgetProps(node);
  const [files, set] = useWidget(props);
  const photo = files[0];
  const [shot, setShot] = useState<Shot>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const resolution = node.props.resolution_height;

  // The photo's URL lives as long as it is the widget's value.
  useEffect(() => {
    if (shot && photo?.hash !== shot.hash) {
      URL.revokeObjectURL(shot.url);
      setShot(undefined);
    }
  }, [photo?.hash, shot]);
  useEffect(() => () => shot && URL.revokeObjectURL(shot.url), [shot]);

  const take = async (video: HTMLVideoElement) => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await capture(video, resolution !== undefined);
      const file = new File([blob], photoName(new Date()), { type: "image/jpeg" });
      const ref = await uploadFile(store, id, file);
      setShot({ hash: ref.hash, url: URL.createObjectURL(blob) });
      set([ref]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const width = node.props.width;
  return (
    <div
      class={`sp-widget sp-camera-input${disabled ? " sp-disabled" : ""}`}
      style={width !== undefined ? { maxWidth: `${width}px` } : undefined}
    >
      <WidgetLabel node={node} as="div" />
      {photo ? (
        <>
          <div class="sp-media-box">
            {shot?.hash === photo.hash ? (
              <img class="sp-camera-photo" src={shot.url} alt="Snapshot" />
            ) : (
              <span class="sp-caption">{photo.name}</span>
            )}
          </div>
          <button
            type="button"
            class="sp-button sp-button-secondary sp-media-action"
            disabled={disabled}
            onClick={() => set([])}
          >
            <Icon icon=":material/close:" /> Clear photo
          </button>
        </>
      ) : (
        <Camera
          disabled={disabled}
          busy={busy}
          resolution={resolution}
          onTake={(video) => void take(video)}
        />
      )}
      {error && (
        <span class="sp-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The live preview and its "Take Photo" button; the camera is open only while it shows. */
function Camera({
  disabled,
  busy,
  resolution,
  onTake,
}: {
  disabled: boolean;
  busy: boolean;
  resolution: number | undefined;
  onTake: (video: HTMLVideoElement) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<MediaProblem>();
  const [live, setLive] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // A disabled camera input does not ask for the camera (Streamlit's "Enable camera" example).
    if (disabled) return undefined;
    let stream: MediaStream | undefined;
    let gone = false;
    setProblem(undefined);
    const previewWidth = box.current?.clientWidth || 640;
    void openDevice({ video: videoConstraints(resolution, previewWidth), audio: false }).then(
      (opened) => {
        if (isProblem(opened)) return setProblem(opened);
        if (gone) return release(opened);
        stream = opened;
        const el = video.current;
        if (!el) return undefined;
        el.srcObject = opened;
        el.onloadeddata = () => setLive(true);
        return el.play().catch(() => undefined);
      },
    );
    return () => {
      gone = true;
      setLive(false);
      release(stream);
    };
  }, [disabled, resolution, attempt]);

  if (problem) {
    return (
      <MediaProblemNotice
        device="camera"
        problem={problem}
        onRetry={() => {
          setProblem(undefined);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <>
      <div class="sp-media-box sp-camera-preview" ref={box}>
        {!live && (
          <span class="sp-caption">{disabled ? "The camera is off." : "Starting the camera…"}</span>
        )}
        <video ref={video} muted playsInline autoPlay hidden={!live} aria-label="Camera preview" />
      </div>
      <button
        type="button"
        class="sp-button sp-button-secondary sp-media-action"
        disabled={disabled || busy || !live}
        onClick={() => video.current && onTake(video.current)}
      >
        {busy ? "Uploading..." : "Take Photo"}
      </button>
    </>
  );
}

registerElement("camera_input", CameraInput);
