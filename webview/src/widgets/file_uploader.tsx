// file_uploader: each chosen file goes to the runtime in `upload` chunks (core/upload.ts), then
// the widget value lists the files by their hash: [{hash, name, type, size}]. A file refused by
// the viewer (type, size) or the runtime (its limits) stays in the list with the reason, as in
// Streamlit, until the person removes it.

import { useRef, useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { type FileRef, refusal, uploadFile } from "../core/upload";

export { accepts, contentHash, type FileRef, uploadFile } from "../core/upload";

/** A file chosen here that is not (yet) in the widget's value: arriving, or refused. */
interface Pending {
  key: number;
  name: string;
  size: number;
  received?: number;
  error?: string;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let nextKey = 1;

function FileUploader(props: ElementProps<"file_uploader">) {
  const { node, store } = props;
  const { disabled, id: widgetId } = widgetProps(node);
  const [files, set] = useWidget(props);
  // The value as last set here: an upload finishing after a removal must not bring it back.
  const latest = useRef(files);
  latest.current = files;
  const id = controlId(node);
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [over, setOver] = useState(false);
  const { multiple, accept = [], max_mb: maxMb } = node.props;

  const update = (key: number, patch: Partial<Pending> | undefined) =>
    setPending((all) =>
      patch === undefined
        ? all.filter((p) => p.key !== key)
        : all.map((p) => (p.key === key ? { ...p, ...patch } : p)),
    );

  /** Upload one file; its ref, or undefined when refused (the reason stays in the list). */
  const send = async (file: File): Promise<FileRef | undefined> => {
    const key = nextKey++;
    const refused = refusal(file, accept, maxMb);
    setPending((all) => [...all, { key, name: file.name, size: file.size, error: refused }]);
    if (refused) return undefined;
    try {
      const ref = await uploadFile(store, widgetId, file, (received) => update(key, { received }));
      update(key, undefined);
      return ref;
    } catch (e) {
      update(key, { error: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  };

  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = [...list].slice(0, multiple ? undefined : 1);
    // One file at a time: the chunks of two would only compete for the same connection.
    const refs: FileRef[] = [];
    if (!multiple) setPending([]);
    for (const file of chosen) {
      const ref = await send(file);
      if (ref) refs.push(ref);
    }
    const kept = latest.current.filter((f) => !refs.some((r) => r.hash === f.hash));
    const value = multiple ? [...kept, ...refs] : refs;
    if (value.length !== latest.current.length || refs.length > 0) set(value);
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
      {files.length + pending.length > 0 && (
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
          {pending.map((p) => (
            <li key={`pending-${p.key}`} class={`sp-file${p.error ? " sp-file-refused" : ""}`}>
              <span class="sp-file-name">
                {p.name}
                {p.error !== undefined && (
                  <span class="sp-file-error" role="alert">
                    {p.error}
                  </span>
                )}
              </span>
              <span class="sp-caption">
                {p.error === undefined
                  ? `Uploading… ${p.size > 0 ? Math.floor(((p.received ?? 0) / p.size) * 100) : 0}%`
                  : size(p.size)}
              </span>
              {p.error !== undefined && (
                <button
                  type="button"
                  class="sp-chip-remove"
                  aria-label={`Remove ${p.name}`}
                  onClick={() => update(p.key, undefined)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

registerElement("file_uploader", FileUploader);
