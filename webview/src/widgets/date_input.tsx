// `date_input`: a text field in the script's `format` (type a date, Enter or leave the field to
// commit it) and a calendar popup. A range picks its start, then its end; on the wire it is
// [], [start] or [start, end] (docs/protocol.md).

import { useEffect, useRef, useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { DateInputProps, ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Calendar } from "./calendar";
import { formatDate, parseDate, parseIso, RANGE_SEP, splitRange } from "./dateFormat";
import { leavesWidget, usePopup } from "./popup";

type Wire = DateInputProps["value"];

/** The dates a wire value holds, in order. */
function datesOf(value: unknown, range: boolean): string[] {
  if (range) return Array.isArray(value) ? value.filter((d): d is string => !!parseIso(d)) : [];
  return typeof value === "string" && parseIso(value) ? [value] : [];
}

/** What the field shows: "start – end", "start – " while a range lacks its end. */
export function dateText(dates: string[], range: boolean, format: string): string {
  const shown = dates.map((d) => formatDate(d, format));
  if (range && shown.length === 1) return `${shown[0]}${RANGE_SEP}`;
  return shown.join(RANGE_SEP);
}

/** Read typed text into wire dates, or say what is wrong with it. */
export function readDates(
  text: string,
  opts: { range: boolean; format: string; min?: string; max?: string },
): { dates: string[] } | { error: string } {
  const { range, format, min, max } = opts;
  const parts = range ? splitRange(text) : [text.trim()];
  if (parts.length > 2) return { error: `Enter a start and an end date as ${format}.` };
  const dates: string[] = [];
  for (const part of parts) {
    const iso = parseDate(part, format);
    if (!iso) return { error: `Enter a date as ${format}.` };
    if ((min && iso < min) || (max && iso > max)) {
      const bound = (d: string | undefined) => (d ? formatDate(d, format) : "…");
      return { error: `Choose a date between ${bound(min)} and ${bound(max)}.` };
    }
    dates.push(iso);
  }
  if (dates.length === 2 && (dates[0] ?? "") > (dates[1] ?? ""))
    return { error: "The start date is after the end date." };
  return { dates };
}

/** What a date field needs: its control's id, the dates it may hold, its value and setter. */
export interface DateFieldProps {
  id: string;
  /** Whether a visible label names the field (else the placeholder does). */
  named: boolean;
  disabled: boolean;
  range: boolean;
  format: string;
  min?: string;
  max?: string;
  clearable: boolean;
  value: Wire;
  set: (next: Wire) => void;
}

/** The date text field and its calendar: `date_input`'s control, and `datetime_input`'s date. */
export function DateField(props: DateFieldProps) {
  const { id, named, disabled, range, format, min, max, clearable, value, set } = props;
  const selected = datesOf(value, range);
  const shown = dateText(selected, range, format);

  const [open, setOpen] = useState(false);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  // Text being typed (null: the field shows the value) and what is wrong with it, if anything.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  usePopup(open, rootRef, boxRef, popupRef, () => setOpen(false));

  // A new value from the app (a rerun, another viewer) replaces a half-typed one.
  const valueKey = JSON.stringify(value);
  useEffect(() => {
    setDraft(null);
    setError(null);
  }, [valueKey]);

  const send = (dates: string[]) => {
    const next: Wire = range ? dates : (dates[0] ?? null);
    if (JSON.stringify(next) !== valueKey) set(next);
  };

  /** Commit the typed text; false if it is not a date (the field then shows an error). */
  const commit = (): boolean => {
    if (draft === null) return true;
    if (draft.trim() === "") {
      // Only a widget without a default may be emptied; otherwise the value comes back.
      if (clearable) send([]);
      setDraft(null);
      setError(null);
      return true;
    }
    const read = readDates(draft, { range, format, min, max });
    if ("error" in read) {
      setError(read.error);
      return false;
    }
    setDraft(null);
    setError(null);
    send(read.dates);
    return true;
  };

  const openCalendar = (fromKeyboard: boolean) => {
    if (disabled) return;
    setKeyboardOpen(fromKeyboard);
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    inputRef.current?.focus();
  };

  const pick = (iso: string) => {
    setDraft(null);
    setError(null);
    if (!range) {
      send([iso]);
      close();
    } else if (selected.length === 1 && selected[0]) {
      send([selected[0], iso].sort());
      close();
    } else {
      // The start of a new range: the calendar stays open for its end.
      send([iso]);
    }
  };

  const keys = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      if (draft !== null) {
        if (commit()) setOpen(false);
      } else if (open) setOpen(false);
      else openCalendar(true);
    } else if (e.key === "ArrowDown" && (e.altKey || !open)) {
      e.preventDefault();
      openCalendar(true);
    } else if (e.key === "ArrowDown" && open) {
      e.preventDefault();
      popupRef.current?.querySelector<HTMLElement>("[role=gridcell][tabindex='0']")?.focus();
    } else if (e.key === "Escape") {
      if (open) setOpen(false);
      else if (draft !== null) {
        setDraft(null);
        setError(null);
      }
    }
  };

  const placeholder = range ? `${format}${RANGE_SEP}${format}` : format;
  const errorId = `${id}-error`;
  return (
    <div
      ref={rootRef}
      class="sp-date-field"
      onFocusOut={(e) => {
        if (open && leavesWidget(e, rootRef.current)) setOpen(false);
      }}
    >
      <div ref={boxRef} class={`sp-input-box sp-picker-box${error ? " sp-invalid" : ""}`}>
        <input
          id={id}
          ref={inputRef}
          class="sp-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? `${id}-calendar` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          aria-label={named ? undefined : placeholder}
          placeholder={placeholder}
          disabled={disabled}
          value={draft ?? shown}
          onClick={() => (open ? setOpen(false) : openCalendar(false))}
          onInput={(e) => {
            setDraft((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
          onKeyDown={keys}
          onBlur={() => commit()}
        />
        {clearable && selected.length > 0 && !disabled && (
          <button
            type="button"
            class="sp-clear"
            aria-label={range ? "Clear dates" : "Clear date"}
            onClick={() => {
              setDraft(null);
              setError(null);
              send([]);
            }}
          >
            ×
          </button>
        )}
      </div>
      {error && (
        <div id={errorId} class="sp-field-error" role="alert">
          {error}
        </div>
      )}
      {open && (
        <Calendar
          id={id}
          selected={selected}
          range={range}
          min={min}
          max={max}
          autoFocus={keyboardOpen}
          onPick={pick}
          onClose={close}
          popupRef={popupRef}
        />
      )}
    </div>
  );
}

function DateInput(props: ElementProps<"date_input">) {
  const { node } = props;
  const { disabled, label } = widgetProps(node);
  const [value, set] = useWidget(props);
  const id = controlId(node);
  const { range, format, min, max } = node.props;
  return (
    <div class={`sp-widget sp-date-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <DateField
        id={id}
        named={label !== ""}
        disabled={disabled}
        range={range}
        format={format}
        min={min}
        max={max}
        clearable={node.props.clearable === true}
        value={value}
        set={set}
      />
    </div>
  );
}

registerElement("date_input", DateInput);
