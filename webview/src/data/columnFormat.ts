// Display formats of `st.column_config` columns, compiled once per column so a cell is one call:
// numbers (printf-style strings as sprintf-js reads them, plus Streamlit's presets), durations
// (humanized), and dates / times (Moment.js-style patterns and presets). Pure: no DOM.

import { MONTHS, WEEKDAYS } from "../core/dates";

export type NumberFormatter = (value: number) => string;

/** Decimal places a step implies: 0.01 → 2, 1 → 0, 1e-7 → 7. */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || Number.isInteger(step)) return 0;
  const text = Math.abs(step).toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp !== null) return Number(exp[1]) + (text.split("e")[0]?.split(".")[1]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}

/** `value` cut (not rounded) to `decimals` places, nudged so 0.29 * 100 stays 29. */
export function truncateDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  if (decimals <= 0) return Math.trunc(value);
  const factor = 10 ** decimals;
  const shifted = value * factor;
  const nudge = Number.EPSILON * Math.abs(shifted) * 10;
  return Math.trunc(shifted + Math.sign(shifted) * nudge) / factor;
}

// ---- printf ----

interface PrintfSpec {
  type: string;
  plus: boolean;
  left: boolean;
  pad: string;
  width: number;
  precision: number | undefined;
  /** Thousands separator (Streamlit's `,` / `_` flags), or "" for none. */
  group: string;
}

const SPEC = /^(?:[1-9]\d*\$)?((?:[+\-0,_]|'.)*)(\d+)?(?:\.(\d+))?([bcdieufgosxXjtTv])/;

function parseSpec(text: string): { spec: PrintfSpec; length: number } | null {
  const m = SPEC.exec(text);
  if (m === null) return null;
  const flags = m[1] ?? "";
  let plus = false;
  let left = false;
  let pad = " ";
  let custom: string | undefined;
  let grouping = false;
  let underscore = false;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (f === "'") {
      custom = flags[i + 1] ?? " ";
      i++;
    } else if (f === "+") plus = true;
    else if (f === "-") left = true;
    else if (f === "0") pad = "0";
    else if (f === ",") grouping = true;
    else if (f === "_") {
      grouping = true;
      underscore = true;
    }
  }
  // With a thousands flag a custom `'c` names the separator ("%'_,d" → 1_234); otherwise it pads.
  const group = grouping ? (custom ?? (underscore ? "_" : ",")) : "";
  if (custom !== undefined && !grouping) pad = custom;
  return {
    spec: {
      type: m[4] ?? "s",
      plus,
      left,
      pad,
      width: m[2] === undefined ? 0 : Number(m[2]),
      precision: m[3] === undefined ? undefined : Number(m[3]),
      group,
    },
    length: m[0].length,
  };
}

function groupDigits(text: string, separator: string): string {
  return text.replace(/^\d+/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator));
}

function convert(spec: PrintfSpec, value: number): string {
  const p = spec.precision;
  let arg: string;
  switch (spec.type) {
    case "d":
    case "i":
      arg = String(Math.trunc(value));
      break;
    case "u":
      arg = String(Math.trunc(value) >>> 0);
      break;
    case "f":
      arg = p === undefined ? String(value) : value.toFixed(p);
      break;
    case "e":
      arg = p === undefined ? value.toExponential() : value.toExponential(p);
      break;
    case "g":
      arg = p === undefined ? String(value) : String(Number(value.toPrecision(p)));
      break;
    case "b":
      arg = (Math.trunc(value) >>> 0).toString(2);
      break;
    case "o":
      arg = (Math.trunc(value) >>> 0).toString(8);
      break;
    case "x":
      arg = (Math.trunc(value) >>> 0).toString(16);
      break;
    case "X":
      arg = (Math.trunc(value) >>> 0).toString(16).toUpperCase();
      break;
    case "c":
      arg = String.fromCharCode(Math.trunc(value));
      break;
    case "j":
      arg = JSON.stringify(value, null, spec.width);
      break;
    case "t":
      arg = String(value !== 0);
      if (p !== undefined) arg = arg.substring(0, p);
      break;
    case "T":
      arg = "number";
      if (p !== undefined) arg = arg.substring(0, p);
      break;
    default: // s, v
      arg = String(value);
      if (p !== undefined && spec.type === "s") arg = arg.substring(0, p);
  }
  let sign = "";
  if ("diefg".includes(spec.type) && (value < 0 || spec.plus)) {
    sign = value >= 0 ? "+" : "-";
    arg = arg.replace(/^[+-]/, "");
  }
  if (spec.group !== "") arg = groupDigits(arg, spec.group);
  if (spec.type === "j") return arg;
  const missing = spec.width - (sign + arg).length;
  const padding = missing > 0 ? spec.pad.repeat(missing) : "";
  if (spec.left) return sign + arg + padding;
  return spec.pad === "0" ? sign + padding + arg : padding + sign + arg;
}

/**
 * A printf-style format ("%d", "$%.2f", "%,d ⭐", "%.1f%%") compiled to a function, with
 * sprintf-js's reading of each conversion (`%f` without a precision prints the number as is).
 * Null when the format has more than one value placeholder or one sprintf-js cannot read
 * ("%E", "%#x", "% d"): the column then shows its values unformatted, as Streamlit flags them.
 */
export function compilePrintf(format: string): NumberFormatter | null {
  const before: string[] = [];
  let spec: PrintfSpec | undefined;
  let literal = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%") {
      literal += ch;
      continue;
    }
    if (format[i + 1] === "%") {
      literal += "%";
      i++;
      continue;
    }
    const parsed = parseSpec(format.slice(i + 1));
    if (parsed === null || spec !== undefined) return null;
    spec = parsed.spec;
    before.push(literal);
    literal = "";
    i += parsed.length;
  }
  const head = before[0] ?? "";
  const tail = literal;
  if (spec === undefined) return () => tail;
  const s = spec;
  return (value) => head + convert(s, value) + tail;
}

// ---- number presets ----

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

/** Byte counts in decimal units with one decimal: 1234 → "1.2KB", 1200000 → "1.2MB". */
export function formatBytes(value: number): string {
  let v = Math.abs(value);
  let unit = 0;
  while (v >= 1000 && unit < UNITS.length - 1) {
    v /= 1000;
    unit++;
  }
  const text = unit === 0 ? String(Math.round(v * 10) / 10) : v.toFixed(1).replace(/\.0$/, "");
  return `${value < 0 ? "-" : ""}${text}${UNITS[unit]}`;
}

/** Seconds as Moment.js humanizes them: "a few seconds", "2 hours", "a day", "3 years". */
export function humanizeSeconds(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  const minutes = Math.round(s / 60);
  const hours = Math.round(minutes / 60);
  const days = Math.round(hours / 24);
  const months = Math.round(days / 30.436875);
  const years = Math.round(days / 365.25);
  if (s < 45) return "a few seconds";
  if (s < 90) return "a minute";
  if (minutes < 45) return `${minutes} minutes`;
  if (minutes < 90) return "an hour";
  if (hours < 22) return `${hours} hours`;
  if (hours < 36) return "a day";
  if (days < 26) return `${days} days`;
  if (days < 45) return "a month";
  if (days < 320) return `${months} months`;
  if (days < 548) return "a year";
  return `${years} years`;
}

/** Seconds as an elapsed-time clock, hours unwrapped: 1.5 → "00:00:01.5", 14 days → "336:00:00". */
export function clockSeconds(seconds: number): string {
  const negative = seconds < 0;
  const total = Math.abs(seconds);
  const whole = Math.floor(total);
  const fraction = total - whole;
  const pad = (n: number): string => String(n).padStart(2, "0");
  let text = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  if (fraction > 0) text += fraction.toFixed(6).slice(1).replace(/0+$/, "");
  return (negative ? "-" : "") + text;
}

function intl(options: Intl.NumberFormatOptions): NumberFormatter {
  let fmt: Intl.NumberFormat;
  try {
    fmt = new Intl.NumberFormat(undefined, options);
  } catch {
    fmt = new Intl.NumberFormat("en-US", options);
  }
  return (v) => fmt.format(v);
}

function fractionDigits(decimals: number | undefined, fallback?: number): Intl.NumberFormatOptions {
  if (decimals !== undefined)
    return { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return fallback === undefined
    ? {}
    : { minimumFractionDigits: fallback, maximumFractionDigits: fallback };
}

function currency(code: string, decimals: number | undefined): NumberFormatter {
  return intl({
    style: "currency",
    currency: code,
    currencyDisplay: "narrowSymbol",
    ...(decimals === undefined ? {} : fractionDigits(decimals)),
  });
}

/** The names `NumberColumn(format=...)` accepts besides printf strings. */
export const NUMBER_PRESETS = new Set([
  "plain",
  "localized",
  "dollar",
  "euro",
  "yen",
  "percent",
  "compact",
  "scientific",
  "engineering",
  "accounting",
  "bytes",
  "duration",
]);

/** A preset's formatter; `decimals` (from a step, or 0 for integer columns) fixes precision. */
function presetFormatter(format: string, decimals: number | undefined): NumberFormatter {
  switch (format) {
    case "plain":
      return intl({
        useGrouping: false,
        ...(decimals === undefined ? { maximumFractionDigits: 20 } : fractionDigits(decimals)),
      });
    case "localized":
      return intl(fractionDigits(decimals));
    case "percent": {
      const d = decimals === undefined ? undefined : Math.max(decimals - 2, 0);
      return intl({
        style: "percent",
        minimumFractionDigits: d ?? 0,
        maximumFractionDigits: d ?? 2,
      });
    }
    case "dollar":
      return currency("USD", decimals);
    case "euro":
      return currency("EUR", decimals);
    case "yen":
      return currency("JPY", decimals);
    case "accounting": {
      const body = intl(fractionDigits(decimals, 2));
      return (v) => (v < 0 ? `(${body(-v)})` : body(v));
    }
    case "compact":
    case "scientific":
    case "engineering":
      return intl({ notation: format });
    case "bytes":
      return formatBytes;
    default: // duration
      return (v) => (v < 0 ? "-" : "") + humanizeSeconds(v);
  }
}

/**
 * The formatter for a number column's `format` (a preset or printf string), or for `decimals`
 * alone (fixed decimals, the value cut as Streamlit does for a `step`). Undefined when there is
 * nothing to apply or the printf string is unreadable: the default display stays.
 */
export function compileNumberFormat(
  format: string | undefined,
  decimals: number | undefined,
): NumberFormatter | undefined {
  if (format === undefined || format === "") {
    if (decimals === undefined) return undefined;
    return (v) => truncateDecimals(v, decimals).toFixed(decimals);
  }
  if (NUMBER_PRESETS.has(format)) return presetFormatter(format, decimals);
  return compilePrintf(format) ?? undefined;
}

// ---- dates and times ----

/** An instant prepared for display: `wall` is the local wall clock read as UTC milliseconds. */
export interface WallTime {
  instant: number;
  wall: number;
  /** Offset from UTC in minutes. */
  offset: number;
  /** Whether the value has a zone (the `Z` tokens print it). */
  zoned: boolean;
}

export type DateFormatter = (t: WallTime) => string;

function pad(n: number, width = 2): string {
  const text = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? "-" + text : text;
}

function ordinal(n: number): string {
  const v = n % 100;
  const suffix = v >= 11 && v <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function zone(offset: number, colon: boolean): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${colon ? ":" : ""}${pad(abs % 60)}`;
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
}

/** ISO-8601 week number and week-year of a wall-clock date. */
function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return { week: Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7), year };
}

/** Locale tokens, as Moment's English locale expands them. */
const LONG_FORMATS: Record<string, string> = {
  LTS: "h:mm:ss A",
  LT: "h:mm A",
  LLLL: "dddd, MMMM D, YYYY h:mm A",
  LLL: "MMMM D, YYYY h:mm A",
  LL: "MMMM D, YYYY",
  L: "MM/DD/YYYY",
  llll: "ddd, MMM D, YYYY h:mm A",
  lll: "MMM D, YYYY h:mm A",
  ll: "MMM D, YYYY",
  l: "M/D/YYYY",
};

type Token = (d: Date, t: WallTime) => string;

const TOKENS: Record<string, Token> = {
  YYYYYY: (d) => (d.getUTCFullYear() < 0 ? "-" : "+") + pad(Math.abs(d.getUTCFullYear()), 6),
  YYYY: (d) => pad(d.getUTCFullYear(), 4),
  YY: (d) => pad(d.getUTCFullYear() % 100),
  Y: (d) => String(d.getUTCFullYear()),
  Qo: (d) => ordinal(Math.floor(d.getUTCMonth() / 3) + 1),
  Q: (d) => String(Math.floor(d.getUTCMonth() / 3) + 1),
  MMMM: (d) => MONTHS[d.getUTCMonth()] ?? "",
  MMM: (d) => (MONTHS[d.getUTCMonth()] ?? "").slice(0, 3),
  MM: (d) => pad(d.getUTCMonth() + 1),
  Mo: (d) => ordinal(d.getUTCMonth() + 1),
  M: (d) => String(d.getUTCMonth() + 1),
  DDDD: (d) => pad(dayOfYear(d), 3),
  DDDo: (d) => ordinal(dayOfYear(d)),
  DDD: (d) => String(dayOfYear(d)),
  DD: (d) => pad(d.getUTCDate()),
  Do: (d) => ordinal(d.getUTCDate()),
  D: (d) => String(d.getUTCDate()),
  dddd: (d) => WEEKDAYS[d.getUTCDay()] ?? "",
  ddd: (d) => (WEEKDAYS[d.getUTCDay()] ?? "").slice(0, 3),
  dd: (d) => (WEEKDAYS[d.getUTCDay()] ?? "").slice(0, 2),
  do: (d) => ordinal(d.getUTCDay()),
  d: (d) => String(d.getUTCDay()),
  E: (d) => String(d.getUTCDay() || 7),
  e: (d) => String(d.getUTCDay()),
  WW: (d) => pad(isoWeek(d).week),
  Wo: (d) => ordinal(isoWeek(d).week),
  W: (d) => String(isoWeek(d).week),
  ww: (d) => pad(isoWeek(d).week),
  wo: (d) => ordinal(isoWeek(d).week),
  w: (d) => String(isoWeek(d).week),
  GGGG: (d) => pad(isoWeek(d).year, 4),
  GG: (d) => pad(isoWeek(d).year % 100),
  gggg: (d) => pad(isoWeek(d).year, 4),
  gg: (d) => pad(isoWeek(d).year % 100),
  HH: (d) => pad(d.getUTCHours()),
  H: (d) => String(d.getUTCHours()),
  hh: (d) => pad(d.getUTCHours() % 12 || 12),
  h: (d) => String(d.getUTCHours() % 12 || 12),
  kk: (d) => pad(d.getUTCHours() || 24),
  k: (d) => String(d.getUTCHours() || 24),
  mm: (d) => pad(d.getUTCMinutes()),
  m: (d) => String(d.getUTCMinutes()),
  ss: (d) => pad(d.getUTCSeconds()),
  s: (d) => String(d.getUTCSeconds()),
  A: (d) => (d.getUTCHours() < 12 ? "AM" : "PM"),
  a: (d) => (d.getUTCHours() < 12 ? "am" : "pm"),
  ZZ: (_d, t) => zone(t.offset, false),
  Z: (_d, t) => zone(t.offset, true),
  X: (_d, t) => String(Math.floor(t.instant / 1000)),
  x: (_d, t) => String(Math.floor(t.instant)),
};

const TOKEN_PATTERN =
  /\[([^\]]*)\]|YYYYYY|YYYY|YY|Y|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|WW|Wo|W|ww|wo|w|GGGG|GG|gggg|gg|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|ZZ|Z|X|x/g;

/** The fraction of a second, `digits` long (Moment's S…SSSSSSSSS). */
function fraction(t: WallTime, digits: number): string {
  const ms = ((t.wall % 1000) + 1000) % 1000;
  const text = Math.floor(ms * 1e6)
    .toString()
    .padStart(9, "0");
  return text.slice(0, digits);
}

/** A Moment.js format string ("D MMM YYYY, h:mm a", "[Week] W") compiled to a function. */
export function compileMoment(format: string): DateFormatter {
  const expanded = format.replace(
    /\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g,
    (m) => LONG_FORMATS[m] ?? m,
  );
  const parts: (string | Token)[] = [];
  let last = 0;
  for (const m of expanded.matchAll(TOKEN_PATTERN)) {
    const at = m.index;
    if (at > last) parts.push(expanded.slice(last, at));
    const literal = m[1];
    const text = m[0];
    if (literal !== undefined) parts.push(literal);
    else if (text.startsWith("S")) parts.push((_d, t) => fraction(t, text.length));
    else parts.push(TOKENS[text] ?? text);
    last = at + text.length;
  }
  if (last < expanded.length) parts.push(expanded.slice(last));
  return (t) => {
    const d = new Date(Math.floor(t.wall));
    let out = "";
    for (const p of parts) out += typeof p === "string" ? p : p(d, t);
    return out;
  };
}

/** "a few seconds ago" / "in 2 hours": `instant` relative to `now` (ms), as Moment's fromNow. */
export function fromNow(instant: number, now: number): string {
  const text = humanizeSeconds((instant - now) / 1000);
  return instant > now ? `in ${text}` : `${text} ago`;
}

const CALENDAR_TIME = compileMoment("h:mm A");
const CALENDAR_WEEKDAY = compileMoment("dddd");
const CALENDAR_DATE = compileMoment("MM/DD/YYYY");

/** Moment's calendar(): "Today at 8:00 PM", "Last Monday at 9:30 AM", or "03/04/2025". */
export function calendarText(t: WallTime, nowWall: number): string {
  const day = (ms: number): number => Math.floor(ms / 86400000);
  const diff = day(t.wall) - day(nowWall);
  const at = CALENDAR_TIME(t);
  if (diff < -6 || diff >= 7) return CALENDAR_DATE(t);
  if (diff < -1) return `Last ${CALENDAR_WEEKDAY(t)} at ${at}`;
  if (diff < 0) return `Yesterday at ${at}`;
  if (diff < 1) return `Today at ${at}`;
  if (diff < 2) return `Tomorrow at ${at}`;
  return `${CALENDAR_WEEKDAY(t)} at ${at}`;
}
