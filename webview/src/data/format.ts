// Cell display text, close to what Streamlit's grid shows: plain integers, floats with at most
// four decimals, datetimes as "YYYY-MM-DD HH:MM:SS" (in the column's time zone), durations as
// pandas writes them.

import { INT64_MIN, type TimeUnit } from "./columns";

export function formatInteger(value: number | bigint): string {
  return value.toString();
}

export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(0);
  const abs = Math.abs(value);
  if (abs >= 1e16 || (abs !== 0 && abs < 1e-4))
    return value.toExponential(4).replace(/\.?0+e/, "e");
  // Round to 4 decimals, then drop trailing zeros ("1.5000" -> "1.5").
  return value.toFixed(4).replace(/\.?0+$/, "");
}

const PER_SECOND: Record<TimeUnit, bigint> = {
  s: 1n,
  ms: 1000n,
  us: 1_000_000n,
  ns: 1_000_000_000n,
};
const FRACTION_DIGITS: Record<TimeUnit, number> = { s: 0, ms: 3, us: 6, ns: 9 };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Split an epoch value into whole seconds and the sub-second fraction text (may be ""). */
function splitSeconds(value: bigint, unit: TimeUnit): { seconds: number; fraction: string } {
  const per = PER_SECOND[unit];
  let whole = value / per;
  let rest = value % per;
  if (rest < 0n) {
    rest += per;
    whole -= 1n;
  }
  if (rest === 0n) return { seconds: Number(whole), fraction: "" };
  const digits = rest.toString().padStart(FRACTION_DIGITS[unit], "0").replace(/0+$/, "");
  return { seconds: Number(whole), fraction: "." + digits };
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(tz: string): Intl.DateTimeFormat | null {
  let fmt = zoneFormatters.get(tz);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone: tz,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      fmt = null; // an unknown zone name: show UTC rather than fail
    }
    zoneFormatters.set(tz, fmt);
  }
  return fmt;
}

/** A fixed UTC offset written "+05:00", "-0330" or "Z", in minutes; undefined for zone names. */
export function fixedOffset(tz: string): number | undefined {
  if (tz === "Z" || tz === "UTC" || tz === "utc") return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(tz);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** Wall-clock fields of `ms` (UTC epoch) in `tz`, and its UTC offset in minutes. */
export function wallClock(ms: number, tz: string | undefined): { date: Date; offset: number } {
  const fixed = tz === undefined ? 0 : fixedOffset(tz);
  if (fixed !== undefined) return { date: new Date(ms + fixed * 60000), offset: fixed };
  const fmt = tz !== undefined ? zoneFormatter(tz) : null;
  if (fmt === null) return { date: new Date(ms), offset: 0 };
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const f = (name: string): number => parts[name] ?? 0;
  const wall = Date.UTC(
    f("year"),
    f("month") - 1,
    f("day"),
    f("hour") % 24,
    f("minute"),
    f("second"),
  );
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
  return { date: new Date(wall), offset };
}

/** A datetime value (int64 in `unit` since the epoch, UTC) as text; null when missing (NaT). */
export function formatDatetime(value: bigint, unit: TimeUnit, tz?: string): string | null {
  if (value === INT64_MIN) return null;
  const { seconds, fraction } = splitSeconds(value, unit);
  const { date, offset } = wallClock(seconds * 1000, tz);
  const year = date.getUTCFullYear();
  let text =
    `${year < 0 ? "-" + pad(-year, 4) : pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction}`;
  if (tz !== undefined) {
    const sign = offset < 0 ? "-" : "+";
    const abs = Math.abs(offset);
    text += `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  return text;
}

/** A duration as pandas writes it: "1 days 02:03:04.5". Null when missing (NaT). */
export function formatDuration(value: bigint, unit: TimeUnit): string | null {
  if (value === INT64_MIN) return null;
  const negative = value < 0n;
  const { seconds, fraction } = splitSeconds(negative ? -value : value, unit);
  const days = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}${fraction}`;
  return `${negative ? "-" : ""}${days} days ${clock}`;
}

/** A time value in milliseconds since the epoch (for charts); null when missing. */
export function timeToMs(value: bigint, unit: TimeUnit): number | null {
  if (value === INT64_MIN) return null;
  switch (unit) {
    case "s":
      return Number(value) * 1000;
    case "ms":
      return Number(value);
    case "us":
      return Number(value / 1000n) + Number(value % 1000n) / 1000;
    case "ns":
      return Number(value / 1_000_000n) + Number(value % 1_000_000n) / 1e6;
  }
}
