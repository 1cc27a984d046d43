// `chat_input` (st.chat_input): a message box. Enter sends (Shift+Enter starts a new line) and
// the box clears; the value is a trigger, never shown back. In the app body (`bottom`) it is
// drawn in the page's bottom slot, pinned under the app; elsewhere in place.

import { createPortal } from "preact/compat";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { BOTTOM_SLOT_ID, stickToBottom } from "../core/bottom";
import { num, str, widgetProps } from "../core/ui";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { type FileRef, refusal, uploadFile } from "../core/upload";
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

/**
 * What a chat input holds for the person, by widget id. Its node moves in the tree whenever
 * messages are drawn before it (a new node, so a new component), and the text being typed, the
 * files attached and the focus must survive that.
 */
class Draft {
  text = "";
  files: FileRef[] = [];
  busy = 0; // files still uploading
  error: string | undefined = undefined;
  /** A message was sent and its run has not ended yet (for submit_mode). */
  sent = false;
  /** The textarea had the focus when its component went away: the next one takes it. */
  refocus = false;
  readonly areas = new Set<HTMLTextAreaElement>();
  private readonly listeners = new Set<() => void>();

  update(patch: Partial<Pick<Draft, "text" | "files" | "busy" | "error" | "sent">>): void {
    Object.assign(this, patch);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const drafts = new Map<string, Draft>();

function useDraft(id: string): Draft {
  let draft = drafts.get(id);
  if (!draft) {
    draft = new Draft();
    drafts.set(id, draft);
  }
  const [, setTick] = useState(0);
  useLayoutEffect(() => draft.subscribe(() => setTick((n) => n + 1)), [draft]);
  return draft;
}

/** Register the textarea with its draft; hand the focus over when it goes away. */
function useKeptFocus(draft: Draft, area: { current: HTMLTextAreaElement | null }): void {
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    draft.areas.add(el);
    if (draft.refocus) {
      draft.refocus = false;
      el.focus({ preventScroll: true });
      el.setSelectionRange(el.value.length, el.value.length);
    }
    return () => {
      draft.areas.delete(el);
      if (document.activeElement !== el) return;
      const next = [...draft.areas][0];
      if (next) next.focus({ preventScroll: true });
      else draft.refocus = true;
    };
  }, [draft]);
}

function fit(el: HTMLTextAreaElement | null) {
  if (!el) return;
  el.style.height = "auto";
  el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
}

function ChatInputBox({ node, store }: ElementProps) {
  const { disabled } = widgetProps(node);
  const p = node.props;
  const draft = useDraft(str(p.id));
  const { text, files, busy, error } = draft;
  const area = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const running = useRunning(store);
  const maxChars = typeof p.max_chars === "number" ? p.max_chars : undefined;
  const acceptFile = str(p.accept_file);
  const accept = Array.isArray(p.accept) ? p.accept.map(String) : [];
  const maxMb = num(p.max_mb, 200);
  const mode = str(p.submit_mode, "submit");
  useKeptFocus(draft, area);

  // Text the script put in st.session_state[key]: shown in the box, not sent.
  useEffect(() => {
    if (typeof p.fill === "string") draft.update({ text: p.fill });
  }, [p.fill, node.props]);
  useLayoutEffect(() => {
    if (p.height !== "stretch") fit(area.current);
  }, [text, p.height]);
  useEffect(() => {
    if (!running && draft.sent) draft.update({ sent: false });
  }, [running]);

  const held = draft.sent && running && mode !== "submit";
  const off = disabled || (held && mode === "disable");
  const canSend = !off && busy === 0 && (text.trim() !== "" || files.length > 0);

  const send = () => {
    if (!canSend) return;
    store.setWidgetValue(node, acceptFile ? { text, files } : text);
    draft.update({ text: "", files: [], error: undefined, sent: mode !== "submit" });
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
      const refs = await Promise.all(chosen.map((f) => uploadFile(store, str(p.id), f)));
      const kept = draft.files.filter((f) => !refs.some((r) => r.hash === f.hash));
      draft.update({ files: acceptFile === "single" ? refs : [...kept, ...refs] });
    } catch (e) {
      draft.update({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      draft.update({ busy: draft.busy - chosen.length });
    }
  };

  const stopping = held && mode === "stop";
  const height = p.height;
  return (
    <div
      class={`sp-widget sp-chat-input${off ? " sp-disabled" : ""}${height === "stretch" ? " sp-chat-stretch" : ""}`}
      style={typeof p.width === "number" ? { maxWidth: `${p.width}px` } : undefined}
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
          placeholder={str(p.placeholder)}
          aria-label={str(p.placeholder, "Chat input")}
          onInput={(e) => draft.update({ text: (e.currentTarget as HTMLTextAreaElement).value })}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
          }}
        />
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

function ChatInput(props: ElementProps) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const bottom = props.node.props.bottom === true;
  // The slot is part of the app chrome, mounted with this component's first render.
  useLayoutEffect(() => setSlot(bottom ? document.getElementById(BOTTOM_SLOT_ID) : null), [bottom]);
  useEffect(() => {
    if (slot) stickToBottom();
  }, [slot]);
  const box = <ChatInputBox {...props} />;
  return slot ? createPortal(box, slot) : box;
}

registerElement("chat_input", ChatInput);
