// The one place a file leaves the viewer: in `upload` chunks of UPLOAD_CHUNK_BYTES, each sent
// once the runtime acknowledged the one before with an `upload_status` (docs/protocol.md,
// `upload`). Any widget that takes files (file_uploader, chat_input) calls `uploadFile`.

import type { UploadStatusFrame, ViewerStore } from "./types";

/** A file as a widget value names it: [{hash, name, type, size}]. */
export interface FileRef {
  hash: string;
  name: string;
  type: string;
  size: number;
}

/** Bytes per `upload` chunk: far below the runtime's message limit, a few per second on VS Code's pipe. */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;
/** How long a chunk waits for its acknowledgement before the upload fails. */
const ANSWER_TIMEOUT_MS = 60_000;

/** An upload the runtime (or the viewer, before sending) refused; `message` is for the person. */
export class UploadRefused extends Error {}

/** Hex SHA-256 of `data`; FNV-1a (two lanes) where WebCrypto is missing (insecure http origins). */
export async function contentHash(data: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ data.length;
  for (const byte of data) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x5bd1e995) >>> 0;
  }
  return `fnv${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}${data.length.toString(16)}`;
}

/** Whether `file` matches an `accept` list (MIME types, wildcards, `.ext`s); [] takes any. */
export function accepts(file: File, accept: string[]): boolean {
  if (accept.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((a) =>
    a.startsWith(".")
      ? name.endsWith(a.toLowerCase())
      : a.endsWith("/*")
        ? type.startsWith(a.slice(0, -1))
        : type === a,
  );
}

/** A size as Streamlit's uploader words its limit: `200.0MB`. */
export function sizeText(bytes: number): string {
  for (const [unit, scale] of [
    ["GB", 1024 ** 3],
    ["MB", 1024 ** 2],
    ["KB", 1024],
  ] as const) {
    if (bytes >= scale) return `${(bytes / scale).toFixed(1)}${unit}`;
  }
  return `${bytes}B`;
}

/** Why the viewer refuses `file` before sending it (Streamlit's words), or undefined. */
export function refusal(file: File, accept: string[], maxMb: number): string | undefined {
  if (!accepts(file, accept)) {
    const what = file.type || file.name.split(".").pop() || "These";
    return `${what} files are not allowed.`;
  }
  const max = maxMb * 1024 * 1024;
  if (file.size > max) return `File must be ${sizeText(max)} or smaller.`;
  return undefined;
}

/**
 * Send `file` to the runtime for widget `id` (an uploader, or a chat_input taking files) and
 * resolve with its ref once the runtime holds all of it; reject with UploadRefused (the
 * runtime's reason) or an Error when the connection dropped. `progress(received)` follows it.
 */
export async function uploadFile(
  store: ViewerStore,
  id: string,
  file: File,
  progress?: (received: number) => void,
): Promise<FileRef> {
  const data = new Uint8Array(await file.arrayBuffer());
  const hash = await contentHash(data);
  const type = file.type || "application/octet-stream";
  const size = data.length;
  let offset = 0;
  do {
    const chunk = data.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const answer = store.uploadStatus(id, hash);
    store.send({ t: "upload", id, hash, name: file.name, type, size, offset, data: chunk });
    const status = await withTimeout(answer);
    if (status.error !== undefined) throw new UploadRefused(status.error);
    offset += chunk.length;
    if (status.received !== offset) throw new UploadRefused("The upload arrived out of order.");
    progress?.(offset);
  } while (offset < size);
  return { hash, name: file.name, type, size };
}

function withTimeout<T>(answer: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("The server did not answer.")), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** Uploads waiting for the runtime's answer to their latest chunk, by widget id and file hash. */
export class UploadAnswers {
  private readonly waiting = new Map<
    string,
    { resolve: (frame: UploadStatusFrame) => void; reject: (error: Error) => void }[]
  >();

  wait(id: string, hash: string): Promise<UploadStatusFrame> {
    return new Promise((resolve, reject) => {
      const key = `${id}/${hash}`;
      const list = this.waiting.get(key) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(key, list);
    });
  }

  answered(frame: UploadStatusFrame): void {
    const key = `${frame.id}/${frame.hash}`;
    const list = this.waiting.get(key);
    const next = list?.shift();
    if (list?.length === 0) this.waiting.delete(key);
    next?.resolve(frame);
  }

  /** Every waiting upload fails with `reason` (the connection went away). */
  failAll(reason: string): void {
    const all = [...this.waiting.values()].flat();
    this.waiting.clear();
    for (const w of all) w.reject(new Error(reason));
  }
}
