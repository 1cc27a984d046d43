// What a chat input holds for the person between its redraws: the text being typed, the files
// and recording attached, the focus.

import { useLayoutEffect, useState } from "preact/hooks";
import type { FileRef } from "../core/upload";
import type { Recording } from "./recorder";

/**
 * What a chat input holds for the person, by widget id. Its node moves in the tree whenever
 * messages are drawn before it (a new node, so a new component), and the text being typed, the
 * files attached and the focus must survive that.
 */
export class Draft {
  text = "";
  files: FileRef[] = [];
  /** The voice message recorded (accept_audio), once uploaded. */
  audio: FileRef | undefined = undefined;
  /** The recording in progress. */
  recording: Recording | undefined = undefined;
  busy = 0; // files still uploading
  error: string | undefined = undefined;
  /** A message was sent and its run has not ended yet (for submit_mode). */
  sent = false;
  /** The textarea had the focus when its component went away: the next one takes it. */
  refocus = false;
  readonly areas = new Set<HTMLTextAreaElement>();
  private readonly listeners = new Set<() => void>();

  update(
    patch: Partial<
      Pick<Draft, "text" | "files" | "audio" | "recording" | "busy" | "error" | "sent">
    >,
  ): void {
    Object.assign(this, patch);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const drafts = new Map<string, Draft>();

export function useDraft(id: string): Draft {
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
export function useKeptFocus(draft: Draft, area: { current: HTMLTextAreaElement | null }): void {
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
