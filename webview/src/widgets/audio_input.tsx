// audio_input: records from the microphone (widgets/recorder.ts: MediaRecorder, then a mono
// 16-bit PCM WAV at the widget's `sample_rate`), uploads it (core/upload.ts) and names it in the
// widget value. As Streamlit's: a live level display and timer while recording; then the
// recording's waveform with play/pause, its time, a download link and "Reset", which empties the
// value. Recording again replaces it.

import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { useWidget, widgetProps, WidgetLabel } from "../core/ui";
import { uploadFile } from "../core/upload";
import { Icon } from "../elements/icon";
import {
  errorText,
  inVsCodePanel,
  isProblem,
  type MediaProblem,
  MediaProblemNotice,
  openDevice,
  problemOf,
} from "./media_access";
import { type Recording, startRecording, wavPeaks } from "./recorder";

/** Bars in the waveform, live or recorded. */
const BARS = 48;
/** How often the live level is sampled while recording. */
const TICK_MS = 100;

/** `mm:ss`, as Streamlit's recorder shows time. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  return `${mm}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A recording made here: its hash, a URL to play it, its waveform and length. */
interface Take {
  hash: string;
  url: string;
  peaks: number[];
  ms: number;
}

type Phase =
  | { kind: "idle" }
  | { kind: "recording"; recording: Recording; started: number }
  | { kind: "saving" };

function AudioInput(props: ElementProps<"audio_input">) {
  const { node, store } = props;
  const { disabled, id } = widgetProps(node);
  const [files, set] = useWidget(props);
  const file = files[0];
  const sampleRate = node.props.sample_rate;
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [take, setTake] = useState<Take>();
  const [problem, setProblem] = useState<MediaProblem | undefined>(() =>
    inVsCodePanel() ? { kind: "panel" } : undefined,
  );
  const [error, setError] = useState<string>();
  const [live, setLive] = useState<number[]>([]);
  const [now, setNow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const audio = useRef<HTMLAudioElement>(null);

  // The recording's URL lives as long as it is the widget's value (a form's clear empties it).
  useEffect(() => {
    if (take && file?.hash !== take.hash) {
      URL.revokeObjectURL(take.url);
      setTake(undefined);
    }
  }, [file?.hash, take]);
  useEffect(() => () => take && URL.revokeObjectURL(take.url), [take]);

  // While recording: the timer and the live level bars.
  useEffect(() => {
    if (phase.kind !== "recording") return undefined;
    const timer = setInterval(() => {
      setNow(Date.now() - phase.started);
      setLive((bars) => [...bars, phase.recording.level()].slice(-BARS));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [phase]);

  // A recording left running when the widget goes away stops, and the microphone with it.
  const current = useRef(phase);
  current.current = phase;
  useEffect(
    () => () => {
      const p = current.current;
      if (p.kind === "recording") p.recording.cancel();
    },
    [],
  );

  const record = async () => {
    setError(undefined);
    const stream = await openDevice({ audio: true });
    if (isProblem(stream)) return setProblem(stream);
    setProblem(undefined);
    try {
      const recording = await startRecording(sampleRate, stream);
      audio.current?.pause();
      setLive([]);
      setNow(0);
      setPhase({ kind: "recording", recording, started: Date.now() });
    } catch (e) {
      stream.getTracks().forEach((t) => t.stop());
      setProblem(problemOf(e));
    }
    return undefined;
  };

  const stop = async (recording: Recording, started: number) => {
    setPhase({ kind: "saving" });
    try {
      const wav = await recording.stop();
      const bytes = new Uint8Array(await wav.arrayBuffer());
      const ref = await uploadFile(store, id, wav);
      setTake({
        hash: ref.hash,
        url: URL.createObjectURL(wav),
        peaks: wavPeaks(bytes, BARS),
        ms: Date.now() - started,
      });
      setPosition(0);
      set([ref]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  const shown = take && file && take.hash === file.hash ? take : undefined;
  const recording = phase.kind === "recording" ? phase : undefined;
  const bars = recording ? live : (shown?.peaks ?? []);
  const played = shown && shown.ms > 0 ? position / shown.ms : 0;
  const time = recording ? now : shown ? (playing ? position : shown.ms) : 0;
  const width = node.props.width;

  return (
    <div
      class={`sp-widget sp-audio-input${disabled ? " sp-disabled" : ""}`}
      style={width !== undefined ? { maxWidth: `${width}px` } : undefined}
    >
      <WidgetLabel node={node} as="div" />
      {problem ? (
        <MediaProblemNotice device="microphone" problem={problem} onRetry={() => void record()} />
      ) : (
        <div class="sp-audio-box">
          {recording ? (
            <button
              type="button"
              class="sp-audio-button sp-audio-stop"
              aria-label="Stop recording"
              onClick={() => void stop(recording.recording, recording.started)}
            >
              <Icon icon=":material/stop_circle:" />
            </button>
          ) : (
            <button
              type="button"
              class="sp-audio-button"
              aria-label="Record"
              disabled={disabled || phase.kind === "saving"}
              onClick={() => void record()}
            >
              <Icon icon=":material/mic:" />
            </button>
          )}
          {shown && !recording && (
            <button
              type="button"
              class="sp-audio-button"
              aria-label={playing ? "Pause" : "Play"}
              disabled={disabled}
              onClick={() => {
                const el = audio.current;
                if (!el) return;
                if (el.paused) void el.play().catch((e: unknown) => setError(errorText(e)));
                else el.pause();
              }}
            >
              <Icon icon={playing ? ":material/pause:" : ":material/play_arrow:"} />
            </button>
          )}
          <div
            class={`sp-audio-wave${recording ? " sp-recording" : ""}`}
            role={recording ? "status" : undefined}
            aria-label={recording ? "Recording" : undefined}
          >
            {bars.length === 0 && file && !shown && <span class="sp-caption">{file.name}</span>}
            {bars.map((h, i) => (
              <span
                key={i}
                class={`sp-audio-bar${!recording && i / bars.length < played ? " sp-played" : ""}`}
                style={{ height: `${Math.max(8, h * 100)}%` }}
              />
            ))}
            {phase.kind === "saving" && <span class="sp-caption">Uploading…</span>}
          </div>
          <span class="sp-audio-time" aria-label="Time">
            {clock(time)}
          </span>
          {shown && !recording && (
            <a
              class="sp-audio-button"
              href={shown.url}
              download="audio.wav"
              aria-label="Download"
              title="Download"
            >
              <Icon icon=":material/download:" />
            </a>
          )}
          {file && !recording && (
            <button
              type="button"
              class="sp-audio-button"
              aria-label="Reset"
              disabled={disabled || phase.kind === "saving"}
              onClick={() => {
                audio.current?.pause();
                set([]);
              }}
            >
              <Icon icon=":material/delete:" />
            </button>
          )}
        </div>
      )}
      {shown && (
        <audio
          ref={audio}
          src={shown.url}
          preload="auto"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => {
            setPlaying(false);
            setPosition(0);
          }}
          onTimeUpdate={(e) =>
            setPosition((e.currentTarget as HTMLAudioElement).currentTime * 1000)
          }
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

registerElement("audio_input", AudioInput);
