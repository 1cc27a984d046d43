// `chat_input` (st.chat_input): a message box. Enter sends (Shift+Enter starts a new line) and
// the box clears; the value is a trigger, never shown back. In the app body (`bottom`) it is
// drawn in the page's bottom slot, pinned under the app; elsewhere in place.

import { createPortal } from "preact/compat";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { num, str, widgetProps } from "../core/ui";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { accepts, type FileRef, uploadFile } from "./file_uploader";

/** The id of the element the app chrome keeps under the main column for pinned widgets. */
export const BOTTOM_SLOT_ID = "sp-bottom";

/** The textarea grows with its text up to this many pixels, then scrolls. */
const MAX_HEIGHT = 240;

interface RunState {
  getApp?(): { running: boolean; run: number };
  subscribeApp?(listener: () => void): () => void;
  stop?(): void;
}

/** Whether a run is in progress (false for stores without app state, as in tests). */
function useRunning(store: ViewerStore): boolean {
  const app = store as ViewerStore & RunState;
  const [running, setRunning] = useState(() => app.getApp?.().running ?? false);
  useEffect(() => {
    if (!app.subscribeApp || !app.getApp) return;
    const update = () => setRunning(app.getApp?.().running ?? false);
    update();
    return app.subscribeApp(update);
  }, [store]);
  return running;
}

function fit(el: HTMLTextAreaElement | null) {
  if (!el) return;
  el.style.height = "auto";
  el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
}

function ChatInputBox({ node, store }: ElementProps) {
  const { disabled } = widgetProps(node);
  const p = node.props;
  const [draft, setDraft] = useState("");
  const [files, setFiles] = useState<FileRef[]>([]);
  const [busy, setBusy] = useState(0); // files still uploading
  const [error, setError] = useState<string | undefined>(undefined);
  const [sentDuringRun, setSentDuringRun] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const running = useRunning(store);
  const maxChars = typeof p.max_chars === "number" ? p.max_chars : undefined;
  const acceptFile = str(p.accept_file);
  const accept = Array.isArray(p.accept) ? p.accept.map(String) : [];
  const maxMb = num(p.max_mb, 200);
  const mode = str(p.submit_mode, "submit");

  // Text the script put in st.session_state[key]: shown in the box, not sent.
  useEffect(() => {
    if (typeof p.fill === "string") setDraft(p.fill);
  }, [p.fill, node.props]);
  useLayoutEffect(() => fit(area.current), [draft]);
  useEffect(() => {
    if (!running) setSentDuringRun(false);
  }, [running]);

  const held = sentDuringRun && running && mode !== "submit";
  const off = disabled || (held && mode === "disable");
  const canSend = !off && busy === 0 && (draft.trim() !== "" || files.length > 0);

  const send = () => {
    if (!canSend) return;
    const value = acceptFile ? { text: draft, files } : draft;
    store.setWidgetValue(node, value);
    setDraft("");
    setFiles([]);
    setError(undefined);
    if (mode !== "submit") setSentDuringRun(true);
  };

  const attach = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = [...list].slice(0, acceptFile === "single" ? 1 : undefined);
    const bad = chosen.find((f) => !accepts(f, accept));
    if (bad) return setError(`${bad.name}: file type not allowed.`);
    const big = chosen.find((f) => f.size > maxMb * 1024 * 1024);
    if (big) return setError(`${big.name}: file must be ${maxMb}MB or smaller.`);
    setError(undefined);
    setBusy((n) => n + chosen.length);
    try {
      const refs = await Promise.all(chosen.map((f) => uploadFile(store, str(p.id), f)));
      setFiles((old) =>
        acceptFile === "single"
          ? refs
          : [...old.filter((f) => !refs.some((r) => r.hash === f.hash)), ...refs],
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy((n) => n - chosen.length);
    }
  };

  const stopping = held && mode === "stop";
  return (
    <div
      class={`sp-widget sp-chat-input${off ? " sp-disabled" : ""}`}
      onDragOver={(e) => acceptFile && e.preventDefault()}
      onDrop={(e) => {
        if (!acceptFile || off) return;
        e.preventDefault();
        void attach(e.dataTransfer?.files ?? null);
      }}
    >
      {(files.length > 0 || busy > 0 || error) && (
        <div class="sp-chat-files">
          {files.map((f) => (
            <span key={f.hash} class="sp-chat-file">
              <span class="sp-file-name">{f.name}</span>
              <button
                type="button"
                class="sp-chip-remove"
                aria-label={`Remove ${f.name}`}
                onClick={() => setFiles(files.filter((x) => x.hash !== f.hash))}
              >
                ×
              </button>
            </span>
          ))}
          {busy > 0 && <span class="sp-caption">Uploading…</span>}
          {error && (
            <span class="sp-field-error" role="alert">
              {error}
            </span>
          )}
        </div>
      )}
      <div class="sp-chat-box">
        {acceptFile && (
          <>
            <button
              type="button"
              class="sp-chat-button"
              aria-label="Attach files"
              disabled={off}
              onClick={() => picker.current?.click()}
            >
              <Icon icon=":material/attach_file:" />
            </button>
            <input
              ref={picker}
              type="file"
              class="sp-visually-hidden"
              tabIndex={-1}
              multiple={acceptFile !== "single"}
              accept={accept.join(",") || undefined}
              {...(acceptFile === "directory" ? { webkitdirectory: "" } : {})}
              onChange={(e) => {
                const el = e.currentTarget as HTMLInputElement;
                void attach(el.files).finally(() => {
                  el.value = "";
                });
              }}
            />
          </>
        )}
        <textarea
          ref={area}
          class="sp-chat-textarea"
          rows={1}
          value={draft}
          maxLength={maxChars}
          disabled={off}
          placeholder={str(p.placeholder)}
          aria-label={str(p.placeholder, "Chat input")}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
          }}
        />
        {maxChars !== undefined && draft.length > 0 && (
          <span class="sp-chat-counter" aria-live="polite">
            {draft.length}/{maxChars}
          </span>
        )}
        {stopping ? (
          <button
            type="button"
            class="sp-chat-button sp-chat-send"
            aria-label="Stop"
            onClick={() => (store as ViewerStore & RunState).stop?.() ?? store.send({ t: "stop" })}
          >
            <Icon icon=":material/stop:" />
          </button>
        ) : (
          <button
            type="button"
            class="sp-chat-button sp-chat-send"
            aria-label="Send"
            disabled={!canSend}
            onClick={send}
          >
            <Icon icon=":material/send:" />
          </button>
        )}
      </div>
    </div>
  );
}

function ChatInput(props: ElementProps) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const bottom = props.node.props.bottom === true;
  // The slot is part of the app chrome, mounted with this component's first render.
  useLayoutEffect(() => setSlot(bottom ? document.getElementById(BOTTOM_SLOT_ID) : null), [bottom]);
  const box = <ChatInputBox {...props} />;
  return slot ? createPortal(box, slot) : box;
}

registerElement("chat_input", ChatInput);
