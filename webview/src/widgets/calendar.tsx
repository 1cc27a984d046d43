// The date picker's calendar: a dialog holding a grid of one month's days (the APG date picker
// dialog pattern). Arrows move by day and week, PageUp/PageDown by month (with Shift by year),
// Home/End to the week's first/last day, Enter or Space picks, Escape closes.

import type { Ref } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import {
  addDays,
  addMonths,
  clampIso,
  daysInMonth,
  parseIso,
  todayIso,
  toIso,
  weekday,
} from "./dateFormat";
import { showInTopLayer } from "./popup";
import { MONTHS, WEEKDAYS } from "../core/dates";

export interface CalendarProps {
  id: string;
  /** The chosen dates ("YYYY-MM-DD"): none, one, or a range's start and end. */
  selected: string[];
  range: boolean;
  min?: string;
  max?: string;
  /** Move focus into the grid when the calendar opens (opened from the keyboard). */
  autoFocus: boolean;
  onPick: (iso: string) => void;
  onClose: () => void;
  popupRef: Ref<HTMLDivElement>;
}

/** Rows of 7 cells for the month holding `iso`; null pads the first and last week. */
function monthWeeks(iso: string): (string | null)[][] {
  const ymd = parseIso(iso) ?? { y: 2000, m: 1, d: 1 };
  const first = toIso({ y: ymd.y, m: ymd.m, d: 1 });
  const cells: (string | null)[] = Array<string | null>(weekday(first)).fill(null);
  for (let d = 1; d <= daysInMonth(ymd.y, ymd.m); d++) cells.push(toIso({ y: ymd.y, m: ymd.m, d }));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function longDate(iso: string): string {
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  return `${WEEKDAYS[weekday(iso)]}, ${MONTHS[ymd.m - 1]} ${ymd.d}, ${ymd.y}`;
}

const sameMonth = (a: string, b: string) => a.slice(0, 7) === b.slice(0, 7);

export function Calendar(props: CalendarProps) {
  const { id, selected, range, min, max, autoFocus, onPick, onClose, popupRef } = props;
  const today = todayIso();
  const [focus, setFocus] = useState(() => clampIso(selected.at(-1) ?? today, min, max));
  const [hover, setHover] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const moveFocusIn = useRef(autoFocus);

  // Focus follows the focused day while the grid has focus (and once on a keyboard open), in
  // the same task: the next key press must reach the new cell, not a removed one.
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    if (!moveFocusIn.current && !grid.contains(document.activeElement)) return;
    moveFocusIn.current = false;
    const dialog = grid.closest<HTMLElement>(".sp-popup");
    if (dialog) showInTopLayer(dialog);
    grid.querySelector<HTMLElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const ymd = parseIso(focus) ?? { y: 2000, m: 1, d: 1 };
  const headingId = `${id}-cal-heading`;
  const outOfRange = (iso: string) =>
    (min !== undefined && iso < min) || (max !== undefined && iso > max);
  const go = (iso: string) => setFocus(clampIso(iso, min, max));
  // A month or year button is off when the range leaves nothing to show there.
  const canGo = (months: number) => !sameMonth(clampIso(addMonths(focus, months), min, max), focus);

  // A range being picked: highlight from its start to the day under the pointer or focus.
  const [start, end] =
    range && selected.length === 1 && selected[0]
      ? [selected[0], hover ?? focus].sort()
      : [selected[0], selected[1]];

  const keys = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
      Home: () => addDays(focus, -weekday(focus)),
      End: () => addDays(focus, 6 - weekday(focus)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const next = clampIso(move(), min, max);
      // Another month replaces the focused cell: focus must follow to the new one.
      if (next !== focus) moveFocusIn.current = true;
      setFocus(next);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (!outOfRange(focus)) onPick(focus);
    }
  };

  // Tab stays inside the dialog: the navigation buttons and the focused day.
  const trapTab = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab") return;
    const dialog = e.currentTarget as HTMLElement;
    const stops = [
      ...dialog.querySelectorAll<HTMLElement>("button:not(:disabled), [tabindex='0']"),
    ];
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = stops[(at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  const nav = (label: string, months: number, glyph: string) => (
    <button
      type="button"
      class="sp-cal-nav"
      aria-label={label}
      title={label}
      disabled={!canGo(months)}
      onClick={() => go(addMonths(focus, months))}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );

  return (
    <div
      id={`${id}-calendar`}
      ref={popupRef}
      class="sp-popup sp-calendar"
      popover="manual"
      role="dialog"
      aria-label={range ? "Choose dates" : "Choose date"}
      onKeyDown={trapTab}
    >
      <div class="sp-cal-head">
        {nav("Previous year", -12, "«")}
        {nav("Previous month", -1, "‹")}
        <div id={headingId} class="sp-cal-title" aria-live="polite">
          {MONTHS[ymd.m - 1]} {ymd.y}
        </div>
        {nav("Next month", 1, "›")}
        {nav("Next year", 12, "»")}
      </div>
      <table
        ref={gridRef}
        class="sp-cal-grid"
        role="grid"
        aria-labelledby={headingId}
        onKeyDown={keys}
      >
        <thead>
          <tr>
            {WEEKDAYS.map((day) => (
              <th key={day} scope="col" abbr={day}>
                {day.slice(0, 2)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onMouseLeave={() => setHover(null)}>
          {monthWeeks(focus).map((week, w) => (
            <tr key={w}>
              {week.map((iso, i) => {
                if (iso === null) return <td key={i} class="sp-cal-pad" />;
                const disabled = outOfRange(iso);
                const chosen = selected.includes(iso);
                const inRange =
                  start !== undefined && end !== undefined && iso > start && iso < end;
                const cls = [
                  "sp-cal-day",
                  chosen && "sp-chosen",
                  inRange && "sp-in-range",
                  range && iso === start && end !== undefined && "sp-range-start",
                  range && iso === end && start !== undefined && "sp-range-end",
                  iso === today && "sp-today",
                  disabled && "sp-off",
                ]
                  .filter(Boolean)
                  .join(" ");
                return (
                  <td
                    key={iso}
                    role="gridcell"
                    class={cls}
                    data-date={iso}
                    tabIndex={iso === focus ? 0 : -1}
                    aria-label={longDate(iso)}
                    aria-selected={chosen}
                    aria-disabled={disabled || undefined}
                    aria-current={iso === today ? "date" : undefined}
                    onMouseEnter={() => setHover(iso)}
                    onClick={() => {
                      if (disabled) return;
                      setFocus(iso);
                      onPick(iso);
                    }}
                  >
                    <span class="sp-cal-num">{Number(iso.slice(8))}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
