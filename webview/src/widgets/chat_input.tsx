// `chat_input` (st.chat_input): a message box. Enter sends (Shift+Enter starts a new line) and
// the box clears; the value is a trigger, never shown back. Called in the app body it is in the
// `bottom` root (pinned under the app, blocks/bottom.tsx); elsewhere in place.

import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { widgetProps } from "../core/ui";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { refusal, uploadFile } from "../core/upload";
import { useDraft, useKeptFocus } from "./chat_draft";
import { startRecording } from "./recorder";
import { Icon } from "../elements/icon";

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

function ChatInputBox({ node, store }: ElementProps<"chat_input">) {
  const { disabled } = widgetProps(node);
  const p = node.props;
  const draft = useDraft(p.id);
  const { text, files, busy, error } = draft;
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const running = useRunning(store);
  const { max_chars: maxChars, accept_file: acceptFile, accept = [] } = p;
  const maxMb = p.max_mb ?? 200;
  const mode = p.submit_mode ?? "submit";
  useKeptFocus(draft, area);

  // Text the script put in st.session_state[key]: shown in the box, not sent.
  useEffect(() => {
    if (p.fill !== undefined) draft.update({ text: p.fill });
  }, [p.fill, node.props]);
  useLayoutEffect(() => {
    if (p.height !== "stretch") fit(area.current);
  }, [text, p.height]);
  useEffect(() => {
    if (!running && draft.sent) draft.update({ sent: false });
  }, [running]);

  const held = draft.sent && running && mode !== "submit";
  const off = disabled || (held && mode === "disable");
  const acceptAudio = p.accept_audio === true;
  const { audio, recording } = draft;
  const canSend =
    !off &&
    busy === 0 &&
    recording === undefined &&
    (text.trim() !== "" || files.length > 0 || audio !== undefined);

  const send = () => {
    if (!canSend) return;
    const value =
      acceptFile || acceptAudio
        ? {
            text,
            ...(acceptFile ? { files } : {}),
            ...(acceptAudio ? { audio: audio ?? null } : {}),
          }
        : text;
    store.setWidgetValue(node, value);
    draft.update({
      text: "",
      files: [],
      audio: undefined,
      error: undefined,
      sent: mode !== "submit",
    });
  };

  const attach = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = [...list].slice(0, acceptFile === "single" ? 1 : undefined);
    for (const file of chosen) {
      const reason = refusal(file, accept, maxMb);
      if (reason) return draft.update({ error: `${file.name}: ${reason}` });
    }
    draft.update({ error: undefined, busy: draft.busy + chosen.length });
    try {
      const refs = await Promise.all(chosen.map((f) => uploadFile(store, p.id, f)));
      const kept = draft.files.filter((f) => !refs.some((r) => r.hash === f.hash));
      draft.update({ files: acceptFile === "single" ? refs : [...kept, ...refs] });
    } catch (e) {
      draft.update({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      draft.update({ busy: draft.busy - chosen.length });
    }
  };

  const record = async () => {
    if (recording) {
      draft.update({ recording: undefined, busy: draft.busy + 1 });
      try {
        const file = await recording.stop();
        draft.update({ audio: await uploadFile(store, p.id, file) });
      } catch (e) {
        draft.update({ error: e instanceof Error ? e.message : String(e) });
      } finally {
        draft.update({ busy: draft.busy - 1 });
      }
      return;
    }
    try {
      draft.update({
        recording: await startRecording(p.audio_sample_rate),
        audio: undefined,
        error: undefined,
      });
    } catch (e) {
      draft.update({ error: `Could not record: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const stopping = held && mode === "stop";
  const height = p.height;
  return (
    <div
      class={`sp-widget sp-chat-input${off ? " sp-disabled" : ""}${height === "stretch" ? " sp-chat-stretch" : ""}`}
      style={p.width !== undefined ? { maxWidth: `${p.width}px` } : undefined}
      onDragOver={(e) => acceptFile && e.preventDefault()}
      onDrop={(e) => {
        if (!acceptFile || off) return;
        e.preventDefault();
        void attach(e.dataTransfer?.files ?? null);
      }}
    >
      {(files.length > 0 || busy > 0 || error || audio || recording) && (
        <div class="sp-chat-files">
          {recording && (
            <span class="sp-chat-recording" role="status">
              Recording…
            </span>
          )}
          {audio && (
            <span class="sp-chat-file sp-chat-audio">
              <Icon icon=":material/mic:" />
              <span class="sp-file-name">Voice message</span>
              <button
                type="button"
                class="sp-chip-remove"
                aria-label="Remove the voice message"
                onClick={() => draft.update({ audio: undefined })}
              >
                ×
              </button>
            </span>
          )}
          {files.map((f) => (
            <span key={f.hash} class="sp-chat-file">
              <span class="sp-file-name">{f.name}</span>
              <button
                type="button"
                class="sp-chip-remove"
                aria-label={`Remove ${f.name}`}
                onClick={() => draft.update({ files: files.filter((x) => x.hash !== f.hash) })}
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
          style={typeof height === "number" ? { minHeight: `${height - 10}px` } : undefined}
          rows={1}
          value={text}
          maxLength={maxChars}
          disabled={off}
          placeholder={p.placeholder}
          aria-label={p.placeholder || "Chat input"}
          onInput={(e) => draft.update({ text: (e.currentTarget as HTMLTextAreaElement).value })}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
          }}
        />
        {acceptAudio && (
          <button
            type="button"
            class={`sp-chat-button${recording ? " sp-chat-recording-button" : ""}`}
            aria-label={recording ? "Stop recording" : "Record a voice message"}
            aria-pressed={recording !== undefined}
            disabled={off || (busy > 0 && !recording)}
            onClick={() => void record()}
          >
            <Icon icon={recording ? ":material/stop_circle:" : ":material/mic:"} />
          </button>
        )}
        {maxChars !== undefined && text.length > 0 && (
          <span class="sp-chat-counter" aria-live="polite">
            {text.length}/{maxChars}
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

registerElement("chat_input", ChatInputBox);
