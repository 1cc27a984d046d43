// camera_input and audio_input with stubbed media APIs: the camera's frame becomes an uploaded
// JPEG, a recording an uploaded WAV, each named in the widget value; clearing empties it; a
// refused or missing device and VS Code's panel are said in the widget.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NodeView } from "../../webview/src/core/Node";
import type { Store } from "../../webview/src/core/store";
import type { ViewerFrame } from "../../webview/src/core/types";
import "../../webview/src/widgets/audio_input";
import { clock } from "../../webview/src/widgets/audio_input";
import "../../webview/src/widgets/camera_input";
import { photoName, videoConstraints } from "../../webview/src/widgets/camera_input";
import type { Recording } from "../../webview/src/widgets/recorder";
import { encodeWav, wavPeaks } from "../../webview/src/widgets/recorder";
import { recordingStore, runEnd, runStart, upsert } from "./helpers";

const recorder = vi.hoisted(() => ({ startRecording: vi.fn() }));
vi.mock("../../webview/src/widgets/recorder", async (original) => ({
  ...(await original<typeof import("../../webview/src/widgets/recorder")>()),
  startRecording: recorder.startRecording,
}));

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

/** Answer every upload chunk sent since `from` as the runtime would. */
function answer(store: Store, sent: ViewerFrame[], from = 0): void {
  for (const f of sent.slice(from)) {
    if (f.t !== "upload") continue;
    const received = (f.offset ?? 0) + f.data.length;
    act(() => store.apply({ t: "upload_status", id: f.id, hash: f.hash, received } as never));
  }
}

const values = (sent: ViewerFrame[]) =>
  sent.flatMap((f) => (f.t === "widget_value" ? [f.value] : []));

function fakeStream() {
  const track = { stop: vi.fn() };
  // A real MediaStream (the video element takes no other), its tracks stubbed.
  const stream = new MediaStream();
  stream.getTracks = () => [track] as unknown as MediaStreamTrack[];
  return { track, stream };
}

let getUserMedia: ReturnType<typeof vi.fn>;
let root: HTMLElement | undefined;

beforeEach(() => {
  getUserMedia = vi.fn();
  Object.defineProperty(navigator, "mediaDevices", {
    value: { getUserMedia },
    configurable: true,
  });
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => undefined);
  URL.createObjectURL = vi.fn(() => "blob:photo");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
  vi.restoreAllMocks();
  recorder.startRecording.mockReset();
});

function draw(store: Store, type: "camera_input" | "audio_input", props: object = {}) {
  runStart(store, 1);
  upsert(store, 1, ["main", 0], type, { id: "w", label: "Media", value: [], ...props });
  runEnd(store, 1);
  root = document.createElement("div");
  document.body.appendChild(root);
  act(() => render(<NodeView nodeKey="main/0" store={store} />, root!));
  return root;
}

/** A control's name as a person reads it: its aria-label, or its text without icon ligatures. */
const nameOf = (b: HTMLElement) =>
  b.getAttribute("aria-label") ??
  [...b.childNodes]
    .filter((n) => !(n instanceof Element && n.getAttribute("aria-hidden") === "true"))
    .map((n) => n.textContent)
    .join("")
    .trim();

const button = (el: HTMLElement, name: string) =>
  [...el.querySelectorAll<HTMLElement>("button, a")].find((b) => nameOf(b) === name);

describe("camera_input", () => {
  function stubCanvas() {
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({
      drawImage,
    } as never);
    vi.spyOn(HTMLCanvasElement.prototype, "toBlob").mockImplementation(function (
      this: HTMLCanvasElement,
      done: BlobCallback,
      type?: string,
    ) {
      done(new Blob([new Uint8Array([0xff, 0xd8, this.width, this.height])], { type }));
    });
    return drawImage;
  }

  async function live(el: HTMLElement, width = 1280, height = 720) {
    await settle();
    const video = el.querySelector("video")!;
    Object.defineProperty(video, "videoWidth", { value: width });
    Object.defineProperty(video, "videoHeight", { value: height });
    act(() => {
      video.dispatchEvent(new Event("loadeddata"));
    });
    return video;
  }

  it("takes a photo as a JPEG upload, shows it, and 'Clear photo' empties the value", async () => {
    const { store, sent } = recordingStore();
    const { stream, track } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const drawImage = stubCanvas();
    const el = draw(store, "camera_input", { resolution_height: 720 });
    expect(button(el, "Take Photo")?.hasAttribute("disabled")).toBe(true); // not live yet
    const video = await live(el);
    expect(getUserMedia).toHaveBeenCalledWith({ video: { height: { ideal: 720 } }, audio: false });
    expect(video.srcObject).toBe(stream);
    act(() => button(el, "Take Photo")!.click());
    await settle();
    const upload = sent.find((f) => f.t === "upload");
    expect(upload).toMatchObject({ id: "w", type: "image/jpeg" });
    // A resolution was asked: the photo has the camera's own size.
    expect(drawImage).toHaveBeenCalledWith(video, 0, 0, 1280, 720);
    answer(store, sent);
    await settle();
    const [value] = values(sent) as { name: string; type: string }[][];
    expect(value).toHaveLength(1);
    expect(value![0]!.name).toMatch(/^camera-input-\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d\.\d{3}Z\.jpg$/);
    expect(value![0]!.type).toBe("image/jpeg");
    // The photo shows; the camera is closed meanwhile.
    expect(el.querySelector("img")?.getAttribute("src")).toBe("blob:photo");
    expect(track.stop).toHaveBeenCalled();
    act(() => button(el, "Clear photo")!.click());
    expect(values(sent).at(-1)).toEqual([]);
  });

  it("asks the preview's size (16:9) when no resolution is given", () => {
    expect(videoConstraints(undefined, 640)).toEqual({
      width: { ideal: 640 },
      height: { ideal: 360 },
    });
    expect(photoName(new Date("2026-01-02T03:04:05.678Z"))).toBe(
      "camera-input-2026-01-02T03_04_05.678Z.jpg",
    );
  });

  it("does not open the camera while disabled", async () => {
    const { store } = recordingStore();
    const el = draw(store, "camera_input", { disabled: true });
    await settle();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(el.textContent).toContain("The camera is off.");
  });

  it("says when the camera is refused or missing, and tries again when asked", async () => {
    const { store } = recordingStore();
    getUserMedia.mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    const el = draw(store, "camera_input");
    await settle();
    expect(el.querySelector("[role=alert] > div")?.textContent).toBe(
      "This app would like to use your camera. Learn how to allow access.Try again",
    );
    // Allowed afterwards: "Try again" asks once more and the preview shows.
    getUserMedia.mockResolvedValue(fakeStream().stream);
    act(() => button(el, "Try again")!.click());
    await settle();
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    expect(el.querySelector("[role=alert]")).toBeNull();
    expect(el.querySelector("video")).not.toBeNull();
    act(() => render(null, root!));
    getUserMedia.mockRejectedValue(new DOMException("none", "NotFoundError"));
    const again = draw(recordingStore().store, "camera_input");
    await settle();
    expect(again.textContent).toContain("No camera was found.");
  });
});

describe("audio_input", () => {
  function fakeRecording(samples: Float32Array, rate: number) {
    const recording: Recording = {
      stop: vi.fn(async () => {
        const bytes = encodeWav(samples, rate);
        return new File([bytes as Uint8Array<ArrayBuffer>], "audio.wav", { type: "audio/wav" });
      }),
      cancel: vi.fn(),
      level: vi.fn(() => 0.5),
    };
    return recording;
  }

  it("records at the sample rate, uploads the WAV, plays it, and 'Reset' empties it", async () => {
    const { store, sent } = recordingStore();
    const { stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const samples = Float32Array.from({ length: 8000 }, (_, i) => Math.sin(i / 10));
    const recording = fakeRecording(samples, 8000);
    recorder.startRecording.mockResolvedValue(recording);
    const el = draw(store, "audio_input", { sample_rate: 8000 });
    expect(el.querySelector(".sp-audio-time")?.textContent).toBe("00:00");
    act(() => button(el, "Record")!.click());
    await settle();
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(recorder.startRecording).toHaveBeenCalledWith(8000, stream);
    expect(el.querySelector("[role=status]")?.getAttribute("aria-label")).toBe("Recording");
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect(el.querySelectorAll(".sp-recording .sp-audio-bar").length).toBeGreaterThan(0);
    act(() => button(el, "Stop recording")!.click());
    await settle();
    expect(sent.find((f) => f.t === "upload")).toMatchObject({
      id: "w",
      name: "audio.wav",
      type: "audio/wav",
      size: 44 + 8000 * 2,
    });
    answer(store, sent);
    await settle();
    expect(values(sent)).toEqual([
      [expect.objectContaining({ name: "audio.wav", type: "audio/wav", size: 16044 })],
    ]);
    expect(el.querySelectorAll(".sp-audio-bar").length).toBe(48);
    expect(el.querySelector("audio")?.getAttribute("src")).toBe("blob:photo");
    expect(button(el, "Download")?.getAttribute("download")).toBe("audio.wav");
    act(() => button(el, "Play")!.click());
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled();
    act(() => button(el, "Reset")!.click());
    expect(values(sent).at(-1)).toEqual([]);
  });

  it("records at the browser's rate when sample_rate is None", async () => {
    const { store } = recordingStore();
    const { stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    recorder.startRecording.mockResolvedValue(fakeRecording(new Float32Array(10), 48000));
    const el = draw(store, "audio_input");
    act(() => button(el, "Record")!.click());
    await settle();
    expect(recorder.startRecording).toHaveBeenCalledWith(undefined, stream);
  });

  it("says when the microphone is refused, and tries again when asked", async () => {
    const { store } = recordingStore();
    getUserMedia.mockRejectedValue(new DOMException("denied", "NotAllowedError"));
    const el = draw(store, "audio_input", { sample_rate: 16000 });
    act(() => button(el, "Record")!.click());
    await settle();
    expect(el.querySelector("[role=alert] > div")?.textContent).toBe(
      "This app would like to use your microphone. Learn how to allow access.Try again",
    );
    expect(recorder.startRecording).not.toHaveBeenCalled();
    const { stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    recorder.startRecording.mockResolvedValue(fakeRecording(new Float32Array(10), 16000));
    act(() => button(el, "Try again")!.click());
    await settle();
    expect(recorder.startRecording).toHaveBeenCalledWith(16000, stream);
    expect(button(el, "Stop recording")).toBeDefined();
  });

  it("draws a WAV's waveform and times as mm:ss", () => {
    const wav = encodeWav(Float32Array.from([0, 0.5, -1, 0.25]), 8000);
    expect(wavPeaks(wav, 2).map((p) => Math.round(p * 100) / 100)).toEqual([0.5, 1]);
    expect(clock(0)).toBe("00:00");
    expect(clock(61_500)).toBe("01:01");
  });
});

// Last: once acquired, VS Code's API stays acquired for the rest of this file's tests.
describe("in VS Code's panel", () => {
  it("both widgets say the panel cannot use the device and offer the browser", async () => {
    const postMessage = vi.fn();
    (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi = () => ({
      postMessage,
      getState: () => undefined,
      setState: () => undefined,
    });
    const { store } = recordingStore();
    const camera = draw(store, "camera_input");
    await settle();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(camera.querySelector("[role=alert]")?.textContent).toContain(
      "VS Code's panel cannot use your camera. Open the app in your browser to use it.",
    );
    act(() => button(camera, "Open in browser")!.click());
    expect(postMessage).toHaveBeenCalledWith({ type: "openInBrowser" });
    act(() => render(null, root!));
    const mic = draw(recordingStore().store, "audio_input");
    expect(mic.querySelector("[role=alert]")?.textContent).toContain(
      "VS Code's panel cannot use your microphone.",
    );
    expect(button(mic, "Record")).toBeUndefined();
    expect(button(mic, "Try again")).toBeUndefined(); // nothing to retry in the panel
  });
});
