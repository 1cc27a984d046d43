// Recording from the microphone for chat_input(accept_audio=True) and audio_input: through
// MediaRecorder, then decoded, mixed down to mono, resampled and written as a 16-bit PCM WAV,
// the form Streamlit hands the script.

/** A recording in progress. */
export interface Recording {
  /** Stop and turn what was recorded into a WAV file. */
  stop(): Promise<File>;
  /** Stop and drop it. */
  cancel(): void;
  /** How loud the microphone is now, 0..1 (for a live level display). */
  level(): number;
}

/**
 * Start recording from the microphone (the browser asks the person first), or from `stream`
 * when the caller opened it.
 */
export async function startRecording(
  sampleRate: number | undefined,
  stream?: MediaStream,
): Promise<Recording> {
  stream ??= await navigator.mediaDevices.getUserMedia({ audio: true });
  const meter = levelMeter(stream);
  const release = () => {
    stream.getTracks().forEach((track) => track.stop());
    meter.close();
  };
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream);
  } catch (e) {
    release();
    throw e;
  }
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => {
    recorder.onstop = () => resolve();
  });
  recorder.start();
  return {
    async stop() {
      if (recorder.state !== "inactive") recorder.stop();
      await stopped;
      release();
      return toWav(new Blob(chunks, { type: recorder.mimeType }), sampleRate);
    },
    cancel() {
      if (recorder.state !== "inactive") recorder.stop();
      release();
    },
    level: meter.level,
  };
}

/** The stream's loudness (RMS of the latest samples); 0 where Web Audio is missing. */
function levelMeter(stream: MediaStream): { level: () => number; close: () => void } {
  if (typeof AudioContext === "undefined") return { level: () => 0, close: () => undefined };
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const x of samples) sum += x * x;
      return Math.min(1, Math.sqrt(sum / samples.length) * 4);
    },
    close: () => void context.close(),
  };
}

/** `count` bar heights (0..1, peak per slice) of a 16-bit PCM mono WAV: its drawn waveform. */
export function wavPeaks(wav: Uint8Array, count: number): number[] {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const samples = Math.max(0, Math.floor((wav.byteLength - 44) / 2));
  const per = Math.max(1, Math.floor(samples / count));
  const peaks: number[] = [];
  for (let bar = 0; bar < count && bar * per < samples; bar++) {
    let peak = 0;
    for (let i = bar * per; i < Math.min(samples, (bar + 1) * per); i++) {
      peak = Math.max(peak, Math.abs(view.getInt16(44 + i * 2, true)) / 0x8000);
    }
    peaks.push(peak);
  }
  return peaks;
}

/** Decode recorded audio and write it as a mono WAV at `sampleRate` (its own rate if none). */
export async function toWav(blob: Blob, sampleRate: number | undefined): Promise<File> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await blob.arrayBuffer());
  } finally {
    void context.close();
  }
  const rate = sampleRate ?? decoded.sampleRate;
  // One output channel: the offline context mixes the recording down to mono as it resamples.
  const offline = new OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * rate)), rate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  const wav = encodeWav(rendered.getChannelData(0), rate);
  return new File([wav as Uint8Array<ArrayBuffer>], "audio.wav", { type: "audio/wav" });
}

/** 16-bit PCM mono WAV bytes of `samples` (floats in -1..1) at `rate` Hz. */
export function encodeWav(samples: Float32Array, rate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // the format chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, i) => {
    const s = Math.max(-1, Math.min(1, sample));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  });
  return bytes;
}
