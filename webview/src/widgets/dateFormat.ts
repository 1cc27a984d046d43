// Calendar dates and times of day for date_input / time_input: wire forms, the script's display
// formats, lenient parsing of what a person types, and calendar arithmetic. Dates are plain
// year/month/day values (no time zone); the wire form is "YYYY-MM-DD".

/** A calendar date; `m` is 1-12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function toIso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "YYYY-MM-DD" → a date, or null if it is not a real one. */
export function parseIso(text: unknown): Ymd | null {
  if (typeof text !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return valid(y, m, d) ? { y, m, d } : null;
}

/** Days since 1970-01-01 (proleptic Gregorian, any year 1-9999), for arithmetic. */
function ordinal({ y, m, d }: Ymd): number {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y); // Date.UTC maps years 0-99 to 1900-1999
  return Math.round(date.getTime() / 86_400_000);
}

function fromOrdinal(n: number): Ymd {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(iso: string, days: number): string {
  const ymd = parseIso(iso);
  return ymd ? toIso(fromOrdinal(ordinal(ymd) + days)) : iso;
}

/** Move by whole months, keeping the day where the target month has it (else its last day). */
export function addMonths(iso: string, months: number): string {
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  const index = ymd.y * 12 + (ymd.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (y < 1 || y > 9999) return iso;
  return toIso({ y, m, d: Math.min(ymd.d, daysInMonth(y, m)) });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  const ymd = parseIso(iso);
  if (!ymd) return 0;
  return (((ordinal(ymd) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function clampIso(iso: string, min: string | undefined, max: string | undefined): string {
  if (min && iso < min) return min;
  if (max && iso > max) return max;
  return iso;
}

/** Today in the viewer's own time zone. */
export function todayIso(now = new Date()): string {
  return toIso({ y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
}

// ---- the script's date formats: YYYY/MM/DD, DD/MM/YYYY, MM/DD/YYYY with "/", "." or "-" ----

/** The order of the fields and the separator of a format such as "DD.MM.YYYY". */
function layout(format: string): { order: ("Y" | "M" | "D")[]; sep: string } {
  const sep = /[/.-]/.exec(format)?.[0] ?? "/";
  const order = format
    .split(sep)
    .map((part) => part.charAt(0))
    .filter((c): c is "Y" | "M" | "D" => c === "Y" || c === "M" || c === "D");
  return order.length === 3 ? { order, sep } : { order: ["Y", "M", "D"], sep: "/" };
}

export function formatDate(iso: string, format: string): string {
  const ymd = parseIso(iso);
  if (!ymd) return "";
  const { order, sep } = layout(format);
  return order.map((f) => (f === "Y" ? pad(ymd.y, 4) : pad(f === "M" ? ymd.m : ymd.d))).join(sep);
}

/**
 * What a person typed, read in the script's format (any of "/", "." or "-" between the fields,
 * one- or two-digit day and month), or as an ISO date; null if it is not a real date.
 */
export function parseDate(text: string, format: string): string | null {
  const trimmed = text.trim();
  const iso = parseIso(trimmed);
  if (iso) return toIso(iso);
  const parts = trimmed.split(/\s*[/.-]\s*/);
  const { order } = layout(format);
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const field = (f: "Y" | "M" | "D") => parts[order.indexOf(f)] ?? "";
  const [ys, ms, ds] = [field("Y"), field("M"), field("D")];
  if (ys.length !== 4 || ms.length > 2 || ds.length > 2) return null;
  const [y, m, d] = [Number(ys), Number(ms), Number(ds)];
  return valid(y, m, d) ? toIso({ y, m, d }) : null;
}

/** The separator shown between the two dates of a range. */
export const RANGE_SEP = " – ";

/** A typed range: "start – end" (en or em dash, or a spaced hyphen), or just "start". */
export function splitRange(text: string): string[] {
  return text
    .split(/\s*[–—]\s*|\s+-\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

// ---- times of day: seconds since midnight ----

export const DAY_SECONDS = 86_400;

/** "HH:MM" or "HH:MM:SS" → seconds since midnight, or null. */
export function parseWireTime(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return h < 24 && m < 60 && s < 60 ? h * 3600 + m * 60 + s : null;
}

/** The wire form: seconds only when the step is not whole minutes (docs/protocol.md). */
export function wireTime(seconds: number, withSeconds: boolean): string {
  const [h, m, s] = hms(seconds);
  return withSeconds ? `${pad(h)}:${pad(m)}:${pad(s)}` : `${pad(h)}:${pad(m)}`;
}

function hms(seconds: number): [number, number, number] {
  return [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
}

/** Whether the viewer's locale writes times with AM/PM (`format="localized"`). */
export function localeUses12h(): boolean {
  try {
    const cycle = new Intl.DateTimeFormat(undefined, { hour: "numeric" }).resolvedOptions()
      .hourCycle;
    return cycle === "h11" || cycle === "h12";
  } catch {
    return false;
  }
}

/** "13:30" (24h) or "1:30 PM" (12h), with ":SS" when `withSeconds`. */
export function formatTime(seconds: number, twelve: boolean, withSeconds: boolean): string {
  const [h, m, s] = hms(seconds);
  const tail = `${pad(m)}${withSeconds ? `:${pad(s)}` : ""}`;
  if (!twelve) return `${pad(h)}:${tail}`;
  return `${h % 12 || 12}:${tail} ${h < 12 ? "AM" : "PM"}`;
}

/**
 * A typed time: "13:30", "9:05:10", "1:30 pm", "1pm", "0930" or "13"; null if it is not one.
 * An hour over 12 with AM/PM is not a time.
 */
export function parseTime(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\./g, "");
  const match =
    /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]m?)?$/.exec(t) ??
    /^(\d{2})(\d{2})()\s*([ap]m?)?$/.exec(t);
  if (!match) return null;
  let h = Number(match[1]);
  const m = Number(match[2] || 0);
  const s = Number(match[3] || 0);
  const half = match[4];
  if (m > 59 || s > 59) return null;
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half.startsWith("p") ? 12 : 0);
  } else if (h > 23) return null;
  return h * 3600 + m * 60 + s;
}
