// `time_input`: a combobox listing the times of day at `step` intervals (15 minutes unless the
// script says otherwise). Typing filters the list and any valid time may be typed; ↑/↓ move,
// Enter picks, Escape closes. The list is windowed: a 1-second step has 86,400 times.

import type { Ref } from "preact";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import {
  DAY_SECONDS,
  formatTime,
  localeUses12h,
  parseTime,
  parseWireTime,
  wireTime,
} from "./dateFormat";
import { leavesWidget, usePopup } from "./popup";

/** Height of one option and of the list (px): fixed, so the window can be computed. */
export const ROW_PX = 36;
const LIST_PX = 288;
const OVERSCAN = 6;

/** Lower case, no spaces, no leading zero: "09:30" and "9:30", "1:30 PM" and "1:30pm" match. */
export const normLabel = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^0(?=\d)/, "");

/**
 * The times to offer for `query`: the listed times starting with it, a typed time first.
 * `keys` gives the times' labels through `normLabel`, made once per list (86,400 with a 1 s step).
 */
export function timeChoices(
  all: number[],
  query: string,
  keys: () => string[],
  withSeconds: boolean,
): { items: number[]; typed: number | null } {
  if (query.trim() === "") return { items: all, typed: null };
  const q = normLabel(query);
  const normed = keys();
  const items = all.filter((_, i) => normed[i]?.startsWith(q));
  let typed = parseTime(query);
  if (typed !== null && !withSeconds) typed -= typed % 60;
  if (typed !== null && !items.includes(typed)) items.unshift(typed);
  return { items, typed };
}

interface ListProps {
  id: string;
  items: number[];
  active: number;
  chosen: number | null;
  label: (seconds: number) => string;
  onPick: (seconds: number) => void;
  popupRef: Ref<HTMLUListElement>;
}

function TimeList({ id, items, active, chosen, label, onPick, popupRef }: ListProps) {
  const listRef = useRef<HTMLUListElement | null>(null);
  const [scroll, setScroll] = useState(0);
  const lastActive = useRef(-1);
  let top = scroll;
  if (lastActive.current === -1) {
    // Just opened: the current time in the middle, earlier and later ones around it.
    top = Math.max(0, active * ROW_PX - (LIST_PX - ROW_PX) / 2);
    lastActive.current = active;
  } else if (active !== lastActive.current) {
    // The active option moved: scroll just enough to show it.
    if (active * ROW_PX < top) top = active * ROW_PX;
    else if ((active + 1) * ROW_PX > top + LIST_PX) top = (active + 1) * ROW_PX - LIST_PX;
    lastActive.current = active;
  }
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && Math.abs(list.scrollTop - top) >= 1) list.scrollTop = top;
    if (top !== scroll) setScroll(top);
  });
  const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + LIST_PX) / ROW_PX) + OVERSCAN);
  const setRefs = (el: HTMLUListElement | null) => {
    listRef.current = el;
    if (typeof popupRef === "function") popupRef(el);
    else if (popupRef) popupRef.current = el;
  };
  return (
    <ul
      ref={setRefs}
      id={`${id}-list`}
      class="sp-popup sp-listbox sp-time-list"
      popover="manual"
      role="listbox"
      aria-label="Times"
      style={{ maxHeight: `${LIST_PX}px` }}
      onScroll={(e) => setScroll((e.currentTarget as HTMLElement).scrollTop)}
      // Pressing the list (its scrollbar too) must not take focus from the field.
      onMouseDown={(e) => e.preventDefault()}
    >
      {items.length === 0 && <li class="sp-listbox-empty">No matching time</li>}
      {first > 0 && <li role="presentation" style={{ height: `${first * ROW_PX}px` }} />}
      {items.slice(first, last).map((t, k) => {
        const i = first + k;
        return (
          <li
            key={t}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            aria-setsize={items.length}
            aria-posinset={i + 1}
            class={`sp-option${i === active ? " sp-active" : ""}${t === chosen ? " sp-chosen" : ""}`}
            style={{ height: `${ROW_PX}px` }}
            // mousedown, not click: it must win over the input's blur.
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(t);
            }}
          >
            {label(t)}
          </li>
        );
      })}
      {last < items.length && (
        <li role="presentation" style={{ height: `${(items.length - last) * ROW_PX}px` }} />
      )}
    </ul>
  );
}

/** What a time field needs: its control's id, the times it offers, its value and setter. */
export interface TimeFieldProps {
  id: string;
  /** Whether a visible label names the field (else `ariaLabel` or the placeholder does). */
  named: boolean;
  ariaLabel?: string;
  disabled: boolean;
  /** Seconds between the times listed. */
  step: number;
  /** Times carry seconds (`HH:MM:SS`), else minutes (`HH:MM`). */
  withSeconds: boolean;
  twelve: boolean;
  clearable: boolean;
  value: string | null;
  set: (next: string | null) => void;
}

/** The time combobox: `time_input`'s control, and `datetime_input`'s time. */
export function TimeField(props: TimeFieldProps) {
  const { id, named: name, disabled, withSeconds, twelve, clearable, value, set } = props;
  const step = Math.max(1, Math.round(props.step));
  const chosen = parseWireTime(value);
  const label = (t: number) => formatTime(t, twelve, withSeconds);

  const all = useMemo(
    () => Array.from({ length: Math.ceil(DAY_SECONDS / step) }, (_, i) => i * step),
    [step],
  );
  const [open, setOpen] = useState(false);
  // Text being typed (null: the field shows the value).
  const [query, setQuery] = useState<string | null>(null);
  // The highlighted option; -1 while typing: the typed time, else the first match.
  const [picked, setActive] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const popupRef = useRef<HTMLUListElement>(null);
  usePopup(open, rootRef, boxRef, popupRef, () => setOpen(false), true);
  // Made on the first typed letter, kept until the list or the clock format changes.
  const labelCache = useRef<{ of: unknown[]; keys: string[] } | null>(null);
  const keysOf = () => {
    const of = [all, twelve];
    const cache = labelCache.current;
    if (cache && cache.of.every((x, i) => x === of[i])) return cache.keys;
    const keys = all.map((t) => normLabel(label(t)));
    labelCache.current = { of, keys };
    return keys;
  };
  const { items, typed } = useMemo(
    () => timeChoices(all, query ?? "", keysOf, withSeconds),
    [all, query, twelve, withSeconds],
  );
  const active = picked >= 0 ? picked : Math.max(0, typed === null ? 0 : items.indexOf(typed));

  useEffect(() => setQuery(null), [value]);

  /** Open the list at the current value (or the last time before it). */
  const openList = () => {
    if (disabled) return;
    setActive(chosen === null ? 0 : Math.min(all.length - 1, Math.floor(chosen / step)));
    setOpen(true);
  };

  const pick = (t: number) => {
    setOpen(false);
    setQuery(null);
    const wire = wireTime(t, withSeconds);
    if (wire !== value) set(wire);
  };

  /** Leaving the field: a typed time counts; an emptied field clears it if it may be empty. */
  const commitTyped = () => {
    if (query === null) return;
    if (query.trim() === "" && clearable) {
      if (value !== null) set(null);
    } else if (typed !== null) pick(typed);
    setQuery(null);
  };

  const keys = (e: KeyboardEvent) => {
    const move = (delta: number) => {
      e.preventDefault();
      if (!open) return openList();
      setActive(Math.max(0, Math.min(items.length - 1, active + delta)));
    };
    if (e.key === "ArrowDown") move(1);
    else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "PageDown" && open) move(LIST_PX / ROW_PX);
    else if (e.key === "PageUp" && open) move(-LIST_PX / ROW_PX);
    else if (e.key === "Enter") {
      e.preventDefault();
      const item = items[active];
      if (open && item !== undefined) pick(item);
      else if (query !== null) commitTyped();
      else openList();
    } else if (e.key === "Escape") {
      setOpen(false);
      setQuery(null);
    }
  };

  const placeholder = twelve
    ? withSeconds
      ? "h:mm:ss AM"
      : "h:mm AM"
    : withSeconds
      ? "HH:MM:SS"
      : "HH:MM";
  const shown = chosen === null ? "" : label(chosen);
  return (
    <div
      ref={rootRef}
      class="sp-time-field"
      onFocusOut={(e) => {
        if (open && leavesWidget(e, rootRef.current)) setOpen(false);
      }}
    >
      <div ref={boxRef} class={`sp-combo sp-picker-box${open ? " sp-open" : ""}`}>
        <input
          id={id}
          class="sp-input sp-combo-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && items.length ? `${id}-opt-${active}` : undefined}
          aria-label={name ? undefined : (props.ariaLabel ?? placeholder)}
          placeholder={placeholder}
          disabled={disabled}
          value={query ?? shown}
          onClick={() => (open ? setOpen(false) : openList())}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(-1);
            setOpen(true);
          }}
          onKeyDown={keys}
          onBlur={() => {
            commitTyped();
            setOpen(false);
          }}
        />
        {clearable && chosen !== null && !disabled ? (
          <button
            type="button"
            class="sp-clear"
            aria-label="Clear time"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setQuery(null);
              set(null);
            }}
          >
            ×
          </button>
        ) : (
          <span class="sp-combo-caret" aria-hidden="true" />
        )}
      </div>
      {open && (
        <TimeList
          id={id}
          items={items}
          active={active}
          chosen={chosen}
          label={label}
          onPick={pick}
          popupRef={popupRef}
        />
      )}
    </div>
  );
}

function TimeInput(props: ElementProps<"time_input">) {
  const { node } = props;
  const { disabled, label } = widgetProps(node);
  const [value, set] = useWidget(props);
  const id = controlId(node);
  const step = Math.max(1, Math.round(node.props.step));
  const format = node.props.format ?? "24h";
  return (
    <div class={`sp-widget sp-time-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <TimeField
        id={id}
        named={label !== ""}
        disabled={disabled}
        step={step}
        withSeconds={step % 60 !== 0}
        twelve={format === "12h" || (format === "localized" && localeUses12h())}
        clearable={node.props.clearable === true}
        value={value}
        set={set}
      />
    </div>
  );
}

registerElement("time_input", TimeInput);
