// file_uploader: each chosen file goes to the runtime in an `upload` frame (bytes + a content
// hash), then the widget value lists the files by that hash: [{hash, name, type, size}].
// The runtime accepts any stable string hash (runtime/session.py `_upload`); we use SHA-256.

import { useRef, useState } from "preact/hooks";
import { controlId, num, str, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";

export interface FileRef {
  hash: string;
  name: string;
  type: string;
  size: number;
}

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

/** Send `file` to the runtime for widget `id` (an uploader, or a chat_input taking files). */
export async function uploadFile(store: ViewerStore, id: string, file: File): Promise<FileRef> {
  const data = new Uint8Array(await file.arrayBuffer());
  const hash = await contentHash(data);
  const type = file.type || "application/octet-stream";
  store.send({ t: "upload", id, hash, name: file.name, type, data });
  return { hash, name: file.name, type, size: data.length };
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function FileUploader(props: ElementProps) {
  const { node, store } = props;
  const { disabled } = widgetProps(node);
  const [raw, set] = useWidget<FileRef[] | null>(props);
  const files = Array.isArray(raw) ? raw : [];
  const id = controlId(node);
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [over, setOver] = useState(false);
  const multiple = node.props.multiple === true;
  const accept = Array.isArray(node.props.accept) ? node.props.accept.map(String) : [];
  const maxMb = num(node.props.max_mb, 200);

  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = [...list].slice(0, multiple ? undefined : 1);
    const bad = chosen.find((f) => !accepts(f, accept));
    if (bad) return setError(`${bad.name}: file type not allowed.`);
    const big = chosen.find((f) => f.size > maxMb * 1024 * 1024);
    if (big) return setError(`${big.name}: file must be ${maxMb}MB or smaller.`);
    setError(undefined);
    const refs = await Promise.all(chosen.map((f) => uploadFile(store, str(node.props.id), f)));
    set(multiple ? [...files.filter((f) => !refs.some((r) => r.hash === f.hash)), ...refs] : refs);
  };

  return (
    <div class={`sp-widget sp-file-uploader${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div
        class={`sp-dropzone${over ? " sp-over" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled) void take(e.dataTransfer?.files ?? null);
        }}
      >
        <div class="sp-dropzone-text">
          <strong>Drag and drop file{multiple ? "s" : ""} here</strong>
          <span class="sp-caption">
            Limit {maxMb}MB per file
            {accept.length > 0 &&
              ` • ${accept
                .filter((a) => a.startsWith("."))
                .map((a) => a.slice(1).toUpperCase())
                .join(", ")}`}
          </span>
        </div>
        <button
          type="button"
          class="sp-button sp-button-secondary"
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          Browse files
        </button>
        <input
          id={id}
          ref={input}
          type="file"
          class="sp-visually-hidden"
          multiple={multiple}
          accept={accept.join(",") || undefined}
          disabled={disabled}
          {...(node.props.directory === true ? { webkitdirectory: "" } : {})}
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            void take(el.files).finally(() => {
              el.value = "";
            });
          }}
        />
      </div>
      {error && (
        <div class="sp-field-error" role="alert">
          {error}
        </div>
      )}
      {files.length > 0 && (
        <ul class="sp-file-list">
          {files.map((f) => (
            <li key={f.hash} class="sp-file">
              <span class="sp-file-name">{f.name}</span>
              <span class="sp-caption">{size(f.size)}</span>
              <button
                type="button"
                class="sp-chip-remove"
                aria-label={`Remove ${f.name}`}
                disabled={disabled}
                onClick={() => set(files.filter((x) => x.hash !== f.hash))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

registerElement("file_uploader", FileUploader);
