// Cell renderers for the column types of `st.column_config` (text, number, checkbox, link,
// image, list, progress, sparklines, dates…). A renderer is built once per column, with its
// formatter compiled then; drawing a cell is one call that returns a string or a few small
// vnodes. The grid is virtualized, so only visible cells are ever drawn. The values underneath
// (what sorting uses) are never changed.

import type { ComponentChild } from "preact";
import { Icon } from "../elements/icon";
import { textOptions, type Alignment, type ColumnSettings, type ColumnType } from "./columnConfig";
import {
  calendarText,
  clockSeconds,
  compileMoment,
  compileNumberFormat,
  fromNow,
  humanizeSeconds,
  stepDecimals,
  type DateFormatter,
  type NumberFormatter,
  type WallTime,
} from "./columnFormat";
import { wallClock } from "./format";
import type { ColumnReader } from "./reader";
import { PALETTE } from "./vegaTheme";

/** Draws the cells of one column. */
export interface CellRenderer {
  readonly type: ColumnType | "default";
  readonly align: Alignment;
  /** Digits line up (tabular numbers). */
  readonly numeric: boolean;
  /** Cell content; null when the value is missing; undefined while its batch is on its way. */
  render(row: number): ComponentChild | null | undefined;
}

/** "grid" infers types from the data as Streamlit's dataframe does; "table" shows plain text. */
export type RenderMode = "grid" | "table";

/** What a column's cells may do besides showing a value (the grid gives these; tables none). */
export interface CellActions {
  /** The button labelled `label` in data row `row` was clicked; absent: buttons only show. */
  click?: (row: number, label: string) => void;
  /** The dataframe's widgets are disabled: buttons show but cannot be pressed. */
  disabled?: boolean;
  /** Show a markdown cell's text, rendered, in an overlay anchored to the cell. */
  openMarkdown?: (text: string, anchor: HTMLElement) => void;
}

const INTEGER_KINDS = new Set(["i", "u", "r"]);

/** The type a column shows as when its config names none. */
function inferredType(reader: ColumnReader, mode: RenderMode): ColumnType | "default" {
  if (mode === "table") return "default";
  return reader.meta.kind === "b" ? "checkbox" : "default";
}

export function cellRenderer(
  reader: ColumnReader,
  settings: ColumnSettings,
  mode: RenderMode = "grid",
  actions: CellActions = {},
): CellRenderer {
  const type = settings.type ?? inferredType(reader, mode);
  const make = RENDERERS[type] ?? textRenderer;
  const { render, align, numeric } = make(reader, settings, actions);
  return { type, render, numeric, align: settings.alignment ?? align };
}

interface Parts {
  render: CellRenderer["render"];
  align: Alignment;
  numeric: boolean;
}
type Factory = (reader: ColumnReader, s: ColumnSettings, actions: CellActions) => Parts;

// ---- text-like ----

function textRenderer(reader: ColumnReader): Parts {
  return {
    render: (row) => reader.text(row),
    align: reader.numeric ? "right" : "left",
    numeric: reader.numeric,
  };
}

function selectboxRenderer(reader: ColumnReader, s: ColumnSettings): Parts {
  const labels = optionLabels(s);
  if (labels.size === 0) return textRenderer(reader);
  return {
    render: (row) => {
      const text = reader.text(row);
      return typeof text === "string" ? (labels.get(text) ?? text) : text;
    },
    align: "left",
    numeric: false,
  };
}

function optionLabels(s: ColumnSettings): Map<string, string> {
  const labels = new Map<string, string>();
  for (const o of textOptions(s)) if (o.label !== undefined) labels.set(o.value, o.label);
  return labels;
}

// ---- numbers ----

function numberRenderer(reader: ColumnReader, s: ColumnSettings): Parts {
  const kind = reader.meta.kind;
  const base = { align: "right" as Alignment, numeric: true };
  if (kind === "M") return { ...textRenderer(reader), ...base };
  const integer = INTEGER_KINDS.has(kind);
  const decimals = s.step !== undefined ? stepDecimals(s.step) : integer ? 0 : undefined;
  if (kind === "m") return durationRenderer(reader, s, decimals);
  // Without a format or a step the default display stays (exact integers, up to 4 decimals).
  const format =
    s.format === undefined && s.step === undefined
      ? undefined
      : compileNumberFormat(s.format, decimals);
  if (format === undefined) return { ...textRenderer(reader), ...base };
  return { ...base, render: (row) => formatted(reader, row, format) };
}

function formatted(
  reader: ColumnReader,
  row: number,
  format: NumberFormatter,
): string | null | undefined {
  const n = reader.number(row);
  if (n === undefined || n === null) return n;
  return Number.isFinite(n) ? format(n) : reader.text(row);
}

const humanized: NumberFormatter = (v) => (v < 0 ? "-" : "") + humanizeSeconds(v);

/**
 * Durations (kind `m`) in a number column, formatted as seconds as Streamlit does: "duration" and
 * "localized" humanize, "compact" is a clock, other formats apply to the number of seconds.
 * Without a format the default text stays.
 */
function durationRenderer(
  reader: ColumnReader,
  s: ColumnSettings,
  decimals: number | undefined,
): Parts {
  const f = s.format;
  if (f === undefined || f === "") return textRenderer(reader);
  const words = f === "duration" || f === "localized" || f === "compact";
  const format =
    f === "compact" ? clockSeconds : words ? humanized : compileNumberFormat(f, decimals);
  if (format === undefined) return textRenderer(reader);
  return {
    align: words ? "left" : "right",
    numeric: !words,
    render: (row) => {
      const ms = reader.number(row);
      return ms === undefined || ms === null ? ms : format(ms / 1000);
    },
  };
}

// ---- checkbox ----

const TRUE_TEXT = new Set(["true", "t", "yes", "y", "on", "1"]);
const FALSE_TEXT = new Set(["false", "f", "no", "n", "off", "0"]);

function checkboxRenderer(reader: ColumnReader): Parts {
  const isText = reader.meta.kind === "O";
  return {
    align: "center",
    numeric: false,
    render: (row) => {
      let checked: boolean;
      if (isText) {
        const text = reader.text(row);
        if (typeof text !== "string") return text;
        const t = text.trim().toLowerCase();
        if (TRUE_TEXT.has(t)) checked = true;
        else if (FALSE_TEXT.has(t)) checked = false;
        else return text;
      } else {
        const n = reader.number(row);
        if (n === undefined || n === null) return n;
        checked = n !== 0 && !Number.isNaN(n);
      }
      return (
        <span
          class={checked ? "sp-df-check sp-df-checked" : "sp-df-check"}
          role="checkbox"
          aria-checked={checked}
          aria-readonly="true"
          aria-label={checked ? "true" : "false"}
        />
      );
    },
  };
}

// ---- links and media ----

/** A URL safe to put in href/src: http(s), mailto, tel, data (media), blob, or relative. */
export function safeUrl(
  url: string,
  allowData: "image" | "audio" | "video" | false = false,
): boolean {
  const trimmed = url.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (scheme === null) return trimmed !== "";
  const name = (scheme[1] ?? "").toLowerCase();
  if (name === "http" || name === "https" || name === "blob") return true;
  if (name === "mailto" || name === "tel") return allowData === false;
  if (name === "data" && allowData !== false)
    return trimmed.toLowerCase().startsWith(`data:${allowData}/`);
  return false;
}

/** What a link cell shows: `display_text` as a regex with a capture group, or fixed text. */
export function linkText(
  href: string,
  displayText: string | undefined,
  pattern: RegExp | null,
): string {
  if (displayText === undefined || displayText === "") return href;
  if (pattern === null) return displayText;
  const m = pattern.exec(href);
  const group = m?.[1];
  if (group === undefined) return href;
  try {
    return decodeURIComponent(group.replace(/\+/g, "%20"));
  } catch {
    return group;
  }
}

function linkRenderer(reader: ColumnReader, s: ColumnSettings): Parts {
  const display = s.display_text;
  const icon = display !== undefined && /^:material\/[a-z0-9_]+:$/.test(display);
  let pattern: RegExp | null = null;
  if (display !== undefined && !icon && display.includes("(")) {
    try {
      pattern = new RegExp(display);
    } catch {
      pattern = null;
    }
  }
  return {
    align: display === undefined || display === "" ? "left" : "center",
    numeric: false,
    render: (row) => {
      const href = reader.text(row);
      if (typeof href !== "string") return href;
      const label = icon ? <Icon icon={display ?? ""} /> : linkText(href, display, pattern);
      if (!safeUrl(href)) return icon ? href : label;
      return (
        <a
          class="sp-df-link"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={icon ? href : undefined}
          onClick={(e) => e.stopPropagation()}
        >
          {label}
        </a>
      );
    },
  };
}

function imageRenderer(reader: ColumnReader): Parts {
  return {
    align: "center",
    numeric: false,
    render: (row) => {
      const src = reader.text(row);
      if (typeof src !== "string") return src;
      if (!safeUrl(src, "image")) return src;
      return <img class="sp-df-img" src={src} alt="" loading="lazy" decoding="async" />;
    },
  };
}

function mediaRenderer(kind: "audio" | "video"): Factory {
  return (reader) => ({
    align: "center",
    numeric: false,
    render: (row) => {
      const src = reader.text(row);
      if (typeof src !== "string") return src;
      if (!safeUrl(src, kind)) return src;
      return (
        <a
          class="sp-df-media"
          href={src}
          target="_blank"
          rel="noopener noreferrer"
          title={src}
          aria-label={`Open ${kind}`}
          onClick={(e) => e.stopPropagation()}
        >
          {kind === "audio" ? "♫" : "▶"}
        </a>
      );
    },
  });
}

// ---- structured values (lists, charts, JSON) ----

/**
 * A cell's text as a list, as Streamlit reads list cells: a JSON array, else a bracketed list
 * split on commas / spaces (NumPy's "[1 2 3]"), else comma-separated values.
 */
export function parseList(text: string): unknown[] {
  const t = text.trim();
  if (t === "") return [];
  if (t.startsWith("[") && t.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: a Python or NumPy repr
    }
    return t
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter((x) => x !== "")
      .map((x) => x.replace(/^['"]|['"]$/g, ""));
  }
  return t.split(",");
}

/** Parsed values per row, cleared when it grows: scrolling back does not parse again. */
function rowCache<T>(parse: (text: string) => T): (text: string, row: number) => T {
  const cache = new Map<number, T>();
  return (text, row) => {
    let hit = cache.get(row);
    if (hit === undefined) {
      if (cache.size > 2048) cache.clear();
      hit = parse(text);
      cache.set(row, hit);
    }
    return hit;
  };
}

function itemText(item: unknown): string {
  if (item === null || item === undefined) return "None";
  return typeof item === "string" ? item : JSON.stringify(item);
}

const MAX_CHIPS = 24;

function chips(items: readonly unknown[], chip: (item: unknown, i: number) => ComponentChild) {
  return <span class="sp-df-chips">{items.slice(0, MAX_CHIPS).map(chip)}</span>;
}

function listRenderer(reader: ColumnReader): Parts {
  const list = rowCache(parseList);
  return {
    align: "left",
    numeric: false,
    render: (row) => {
      const text = reader.text(row);
      if (typeof text !== "string") return text;
      return chips(list(text, row), (item, i) => (
        <span class="sp-df-chip" key={i}>
          {itemText(item)}
        </span>
      ));
    },
  };
}

// Categorical colours for `color="auto"` tags, one per option in turn: the charts' palette.
const AUTO_COLORS = PALETTE.light;

function multiselectRenderer(reader: ColumnReader, s: ColumnSettings): Parts {
  const list = rowCache(parseList);
  const byValue = new Map<string, { label: string; color: string | undefined }>();
  textOptions(s).forEach((o, i) => {
    const color = o.color === "auto" ? AUTO_COLORS[i % AUTO_COLORS.length] : o.color;
    byValue.set(o.value, { label: o.label ?? o.value, color: color && cssColor(color) });
  });
  return {
    align: "left",
    numeric: false,
    render: (row) => {
      const text = reader.text(row);
      if (typeof text !== "string") return text;
      return chips(list(text, row), (item, i) => {
        const value = itemText(item);
        const option = byValue.get(value);
        const color = option?.color;
        const style = color === undefined ? undefined : { "--sp-chip": color };
        return (
          <span
            class={color === undefined ? "sp-df-chip" : "sp-df-chip sp-df-chip-colored"}
            style={style}
            key={i}
          >
            {option?.label ?? value}
          </span>
        );
      });
    },
  };
}

function jsonText(text: string): string {
  const t = text.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return text;
  try {
    return JSON.stringify(JSON.parse(t));
  } catch {
    return text;
  }
}

function jsonRenderer(reader: ColumnReader): Parts {
  const compact = rowCache(jsonText);
  return {
    align: "left",
    numeric: false,
    render: (row) => {
      const text = reader.text(row);
      return typeof text === "string" ? <span class="sp-df-json">{compact(text, row)}</span> : text;
    },
  };
}

const LEADING_ICON = /^(:material\/[a-z0-9_]+:)\s*(.*)$/s;

/** A button label, with a leading `:material/name:` drawn as its icon (as Streamlit does). */
function buttonLabel(label: string): ComponentChild {
  const m = LEADING_ICON.exec(label);
  if (m === null) return label;
  const rest = m[2] ?? "";
  return (
    <>
      <Icon icon={m[1] ?? ""} />
      {rest !== "" && <span class="sp-df-button-text">{rest}</span>}
    </>
  );
}

/** An icon-only label's accessible name (the icon's name); undefined for text labels. */
function iconOnlyName(label: string): string | undefined {
  const m = LEADING_ICON.exec(label);
  return m === null || (m[2] ?? "") !== "" ? undefined : (m[1] ?? "").slice(10, -1);
}

/**
 * Button cells: one button per label (a list cell has several). With a `click` action they are
 * real buttons (focusable, Enter / Space press them) that report the data row and the label.
 */
function buttonRenderer(reader: ColumnReader, s: ColumnSettings, actions: CellActions): Parts {
  const list = rowCache(parseList);
  const cls = `sp-df-button sp-df-button-${s.button_type ?? "secondary"}`;
  const click = actions.click;
  const disabled = actions.disabled === true;
  return {
    align: "center",
    numeric: false,
    render: (row) => {
      const text = reader.text(row);
      if (typeof text !== "string") return text;
      const labels = text.trim().startsWith("[") ? list(text, row).map(itemText) : [text];
      return (
        <span class="sp-df-buttons">
          {labels.slice(0, MAX_CHIPS).map((label, i) =>
            click === undefined ? (
              <span class={cls} key={i}>
                {buttonLabel(label)}
              </span>
            ) : (
              <button
                type="button"
                class={`${cls} sp-df-button-live`}
                key={i}
                disabled={disabled}
                aria-label={iconOnlyName(label)}
                onClick={(e) => {
                  e.stopPropagation();
                  click(row, label);
                }}
              >
                {buttonLabel(label)}
              </button>
            ),
          )}
        </span>
      );
    },
  };
}

/**
 * Markdown cells show their text plainly; clicking one (or Enter / Space on it) opens the text
 * rendered as markdown in an overlay, when the grid offers one.
 */
function markdownRenderer(reader: ColumnReader, _s: ColumnSettings, actions: CellActions): Parts {
  const open = actions.openMarkdown;
  if (open === undefined) return textRenderer(reader);
  return {
    align: "left",
    numeric: false,
    render: (row) => {
      const text = reader.text(row);
      if (typeof text !== "string") return text;
      const show = (e: Event): void => {
        e.stopPropagation();
        open(text, e.currentTarget as HTMLElement);
      };
      return (
        <span
          class="sp-df-md"
          role="button"
          tabIndex={0}
          aria-haspopup="dialog"
          onClick={show}
          onKeyDown={(e) => {
            if (e.key !== "Enter" && e.key !== " ") return;
            e.preventDefault();
            show(e);
          }}
        >
          {text}
        </span>
      );
    },
  };
}

// ---- colours ----

const THEME_COLORS = new Set([
  "red",
  "orange",
  "yellow",
  "green",
  "blue",
  "violet",
  "gray",
  "primary",
]);

/** A config colour as CSS: theme names use the theme's variables. */
export function cssColor(color: string): string {
  const name = color === "grey" ? "gray" : color;
  return THEME_COLORS.has(name) ? `var(--spd-${name})` : color;
}

/** `auto` / `auto-inverse`: green for "up", red for "down" (inverse swaps them). */
function autoColor(color: string | undefined, up: boolean | undefined): string {
  if (color === undefined) return "var(--spd-primary)";
  if (color !== "auto" && color !== "auto-inverse") return cssColor(color);
  if (up === undefined) return "var(--spd-gray)";
  return up === (color === "auto") ? "var(--spd-green)" : "var(--spd-red)";
}

// ---- progress ----

function progressRenderer(reader: ColumnReader, s: ColumnSettings): Parts {
  const integer = INTEGER_KINDS.has(reader.meta.kind);
  const min = typeof s.min_value === "number" ? s.min_value : 0;
  const max = typeof s.max_value === "number" ? s.max_value : integer ? 100 : 1;
  const decimals = s.step !== undefined ? stepDecimals(s.step) : integer ? 0 : 2;
  const format =
    compileNumberFormat(s.format, decimals) ?? compileNumberFormat(undefined, decimals);
  return {
    align: "left",
    numeric: false,
    render: (row) => {
      const n = reader.number(row);
      if (n === undefined || n === null) return n;
      if (!Number.isFinite(n)) return reader.text(row);
      const span = max - min;
      const fraction = span === 0 ? 1 : Math.min(1, Math.max(0, (n - min) / span));
      const color = autoColor(s.color, fraction === 0.5 ? undefined : fraction > 0.5);
      const label = format === undefined ? String(n) : format(n);
      return (
        <span class="sp-df-progress">
          <span
            class="sp-df-progress-track"
            role="progressbar"
            aria-valuemin={min}
            aria-valuemax={max}
            aria-valuenow={n}
            aria-valuetext={label}
          >
            <span
              class="sp-df-progress-bar"
              style={{ width: `${(fraction * 100).toFixed(2)}%`, background: color }}
            />
          </span>
          <span class="sp-df-progress-value">{label}</span>
        </span>
      );
    },
  };
}

// ---- sparklines ----

const SPARK_W = 100;
const SPARK_H = 24;
const SPARK_PAD = 2;

function numbers(text: string): (number | null)[] {
  return parseList(text).map((v) => {
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? n : null;
  });
}

/** The SVG path data of a sparkline (`kind` line, bar or area) over `values`. */
export function sparkPath(
  values: readonly (number | null)[],
  kind: "line" | "bar" | "area",
  yMin: number | undefined,
  yMax: number | undefined,
): string {
  let lo = yMin ?? Infinity;
  let hi = yMax ?? -Infinity;
  if (yMin === undefined || yMax === undefined)
    for (const v of values) {
      if (v === null) continue;
      if (yMin === undefined && v < lo) lo = v;
      if (yMax === undefined && v > hi) hi = v;
    }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "";
  const range = hi - lo;
  const usable = SPARK_H - 2 * SPARK_PAD;
  const y = (v: number): number => {
    const f = range === 0 ? 0.5 : Math.min(1, Math.max(0, (v - lo) / range));
    return +(SPARK_H - SPARK_PAD - f * usable).toFixed(2);
  };
  const n = values.length;
  if (kind === "bar") {
    const slot = SPARK_W / n;
    const w = +(slot * 0.8).toFixed(2);
    let d = "";
    values.forEach((v, i) => {
      if (v === null) return;
      const top = Math.min(y(v), SPARK_H - SPARK_PAD - 1);
      const x = +(i * slot + slot * 0.1).toFixed(2);
      d += `M${x} ${SPARK_H - SPARK_PAD}V${top}h${w}V${SPARK_H - SPARK_PAD}Z`;
    });
    return d;
  }
  const x = (i: number): number => (n === 1 ? SPARK_W / 2 : +((i / (n - 1)) * SPARK_W).toFixed(2));
  let d = "";
  let open = false;
  let first = -1;
  let last = -1;
  values.forEach((v, i) => {
    if (v === null) {
      open = false;
      return;
    }
    d += `${open ? "L" : "M"}${x(i)} ${y(v)}`;
    if (n === 1) d += `L${x(i) + 0.01} ${y(v)}`;
    if (first < 0) first = i;
    last = i;
    open = true;
  });
  if (kind === "area" && first >= 0)
    d += `L${x(last)} ${SPARK_H - SPARK_PAD}L${x(first)} ${SPARK_H - SPARK_PAD}Z`;
  return d;
}

function chartRenderer(kind: "line" | "bar" | "area"): Factory {
  return (reader, s) => {
    const parse = rowCache(numbers);
    return {
      align: "left",
      numeric: false,
      render: (row) => {
        const text = reader.text(row);
        if (typeof text !== "string") return text;
        const values = parse(text, row);
        const present = values.filter((v): v is number => v !== null);
        const firstValue = present[0];
        const lastValue = present[present.length - 1];
        const up =
          firstValue === undefined || lastValue === undefined || firstValue === lastValue
            ? undefined
            : lastValue > firstValue;
        const color = autoColor(s.color, up);
        const d = sparkPath(values, kind, s.y_min, s.y_max);
        return (
          <svg
            class="sp-df-spark"
            viewBox={`0 0 ${SPARK_W} ${SPARK_H}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={present.join(", ")}
          >
            {d !== "" && (
              <path
                d={d}
                fill={kind === "line" ? "none" : color}
                fill-opacity={kind === "area" ? 0.25 : 1}
                stroke={kind === "bar" ? "none" : color}
                stroke-width={1.5}
                vector-effect="non-scaling-stroke"
              />
            )}
          </svg>
        );
      },
    };
  };
}

// ---- dates and times ----

const DATE_ONLY = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const DATE_TIME =
  /^(-?\d{4,})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A date / time text as its wall clock read as UTC ms, with its UTC offset when it has one. */
export function parseDateText(text: string): { wall: number; offset?: number } | undefined {
  const t = text.trim();
  const ms = (frac: string | undefined): number => (frac === undefined ? 0 : Number(frac) * 1000);
  let m = DATE_ONLY.exec(t);
  if (m !== null) return { wall: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) };
  m = TIME_ONLY.exec(t);
  if (m !== null)
    return {
      wall: Date.UTC(1970, 0, 1, Number(m[1]), Number(m[2]), Number(m[3] ?? 0)) + ms(m[4]),
    };
  m = DATE_TIME.exec(t);
  if (m !== null) {
    const wall =
      Date.UTC(
        Number(m[1]),
        Number(m[2]) - 1,
        Number(m[3]),
        Number(m[4]),
        Number(m[5]),
        Number(m[6] ?? 0),
      ) + ms(m[7]);
    const zone = m[8];
    if (zone === undefined) return { wall };
    if (zone.toUpperCase() === "Z") return { wall, offset: 0 };
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone);
    const minutes = Number(z?.[2]) * 60 + Number(z?.[3]);
    return { wall, offset: z?.[1] === "-" ? -minutes : minutes };
  }
  const parsed = Date.parse(t);
  return Number.isNaN(parsed) ? undefined : { wall: parsed, offset: 0 };
}

/** Seconds since the epoch, guessing ms / µs / ns from the size, as Streamlit does. */
function timestampMs(n: number): number {
  const abs = Math.abs(n);
  if (abs >= 1e18) return n / 1e6;
  if (abs >= 1e15) return n / 1e3;
  if (abs >= 1e12) return n;
  return n * 1000;
}

type DateKind = "datetime" | "date" | "time";

const DEFAULT_PATTERN: Record<DateKind, string> = {
  datetime: "YYYY-MM-DD HH:mm:ss",
  date: "YYYY-MM-DD",
  time: "HH:mm:ss",
};

const LOCALIZED: Record<DateKind, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: "medium", timeStyle: "medium" },
  date: { dateStyle: "medium" },
  time: { timeStyle: "medium" },
};

function dateFormatter(kind: DateKind, format: string | undefined, zoned: boolean): DateFormatter {
  switch (format) {
    case undefined:
    case "":
      return compileMoment(DEFAULT_PATTERN[kind] + (kind === "datetime" && zoned ? "Z" : ""));
    case "localized": {
      let fmt: Intl.DateTimeFormat;
      try {
        fmt = new Intl.DateTimeFormat(undefined, { ...LOCALIZED[kind], timeZone: "UTC" });
      } catch {
        fmt = new Intl.DateTimeFormat("en-US", { ...LOCALIZED[kind], timeZone: "UTC" });
      }
      return (t) => fmt.format(new Date(t.wall));
    }
    case "distance":
      return (t) => fromNow(t.instant, Date.now());
    case "calendar":
      return (t) => calendarText(t, Date.now() + t.offset * 60000);
    case "iso8601": {
      if (kind === "date") return compileMoment("YYYY-MM-DD");
      if (kind === "time") return compileMoment("HH:mm:ss.SSS[Z]");
      return (t) => new Date(t.instant).toISOString();
    }
    default:
      return compileMoment(format);
  }
}

function dateRenderer(kind: DateKind): Factory {
  return (reader, s) => {
    const meta = reader.meta;
    const tz = s.timezone ?? meta.tz;
    // Datetimes without a format or a zone override keep the exact default text (ns precision).
    if (
      kind === "datetime" &&
      meta.kind === "M" &&
      s.format === undefined &&
      s.timezone === undefined
    )
      return textRenderer(reader);
    const zonedFormat = dateFormatter(kind, s.format, true);
    const plainFormat = dateFormatter(kind, s.format, false);
    const isText = meta.kind === "O";
    const wallTime = (instant: number, offsetHint: number | undefined): WallTime => {
      if (tz !== undefined) {
        const offset = wallClock(Math.floor(instant / 1000) * 1000, tz).offset;
        return { instant, wall: instant + offset * 60000, offset, zoned: true };
      }
      const offset = offsetHint ?? 0;
      return { instant, wall: instant + offset * 60000, offset, zoned: offsetHint !== undefined };
    };
    return {
      align: "left",
      numeric: false,
      render: (row) => {
        let t: WallTime;
        if (isText) {
          const text = reader.text(row);
          if (typeof text !== "string") return text;
          const parsed = parseDateText(text);
          if (parsed === undefined) return text;
          const offset = parsed.offset;
          t = wallTime(parsed.wall - (offset ?? 0) * 60000, offset);
        } else {
          const n = reader.number(row);
          if (n === undefined || n === null) return n;
          if (!Number.isFinite(n)) return reader.text(row);
          const ms = meta.kind === "M" || meta.kind === "m" ? n : timestampMs(n);
          t = wallTime(ms, undefined);
        }
        return (t.zoned ? zonedFormat : plainFormat)(t);
      },
    };
  };
}

const RENDERERS: Partial<Record<ColumnType | "default", Factory>> = {
  default: textRenderer,
  text: textRenderer,
  markdown: markdownRenderer,
  object: textRenderer,
  number: numberRenderer,
  checkbox: checkboxRenderer,
  selectbox: selectboxRenderer,
  multiselect: multiselectRenderer,
  list: listRenderer,
  link: linkRenderer,
  image: imageRenderer,
  audio: mediaRenderer("audio"),
  video: mediaRenderer("video"),
  json: jsonRenderer,
  button: buttonRenderer,
  progress: progressRenderer,
  line_chart: chartRenderer("line"),
  bar_chart: chartRenderer("bar"),
  area_chart: chartRenderer("area"),
  datetime: dateRenderer("datetime"),
  date: dateRenderer("date"),
  time: dateRenderer("time"),
};
