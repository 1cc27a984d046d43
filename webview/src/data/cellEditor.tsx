// The inline editor a `data_editor` cell opens: an input suited to the column (number with
// step and limits, text with max length, a select of the options, native date / time pickers).
// Enter / Tab commit (Tab moves on), Escape cancels; a refused value keeps the editor open and
// says why.

import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import { parseInput, type EditorSpec, type EditValue } from "./edits";

export interface CellEditorProps {
  spec: EditorSpec;
  label: string;
  initial: string;
  onCommit: (value: EditValue, move: "down" | "right" | "left" | "none") => void;
  onCancel: () => void;
}

const INPUT_TYPES: Record<string, string> = {
  number: "number",
  text: "text",
  date: "date",
  time: "time",
  datetime: "datetime-local",
};

/** An ISO date / time text as the native input's value format. */
export function toInputText(spec: EditorSpec, text: string): string {
  if (spec.kind === "date") return text.slice(0, 10);
  if (spec.kind === "datetime") return text.replace(" ", "T").slice(0, 19);
  if (spec.kind === "time") return text.slice(0, 8);
  return text;
}

export function CellEditor({
  spec,
  label,
  initial,
  onCommit,
  onCancel,
}: CellEditorProps): JSX.Element {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  // Focus before the browser handles the next key (a deferred effect could miss a fast Escape).
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);

  const commit = (move: "down" | "right" | "left" | "none"): void => {
    const parsed = parseInput(spec, text);
    if ("error" in parsed) {
      setError(parsed.error);
      return;
    }
    onCommit(parsed.value, move);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    e.stopPropagation(); // the grid's own keys (arrows, Delete) must not act while typing
    if (e.key === "Enter") {
      e.preventDefault();
      commit("down");
    } else if (e.key === "Tab") {
      e.preventDefault();
      commit(e.shiftKey ? "left" : "right");
    } else if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    }
  };
  const common = {
    class: "sp-de-input" + (error !== null ? " sp-de-invalid" : ""),
    "aria-label": `Edit ${label}`,
    "aria-invalid": error !== null,
    onKeyDown,
    onClick: (e: MouseEvent) => e.stopPropagation(),
    onDblClick: (e: MouseEvent) => e.stopPropagation(),
  };
  return (
    <div class="sp-de-editor">
      {spec.kind === "select" ? (
        <select
          {...common}
          ref={ref}
          value={text}
          onChange={(e) => setText((e.currentTarget as HTMLSelectElement).value)}
        >
          {!spec.required && <option value="">—</option>}
          {(spec.options ?? []).map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          ref={ref}
          type={INPUT_TYPES[spec.kind] ?? "text"}
          value={text}
          step={
            spec.kind === "number" ? (spec.step ?? (spec.integer === true ? 1 : "any")) : undefined
          }
          min={spec.min}
          max={spec.max}
          maxLength={spec.maxChars}
          onInput={(e) => {
            setText((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
        />
      )}
      {error !== null && (
        <div class="sp-de-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
