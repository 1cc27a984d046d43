// Value formatting for sliders and number inputs: printf-style number formats ("%d", "%0.2f",
// "%.1f%%"…) and moment-style date formats ("YYYY-MM-DD", "HH:mm"…), as Streamlit accepts.

import { MONTHS, WEEKDAYS } from "../core/dates";

/** printf-style formatting of one number (d i u f F e E g G s x X o, flags, width, precision). */
export function sprintf(format: string, value: number): string {
  return format.replace(
    /%([-+ 0#,]*)(\d+)?(?:\.(\d+))?([diufFeEgGsxXo%])/g,
    (_m, flags: string, width?: string, prec?: string, conv?: string) => {
      if (conv === "%") return "%";
      const precision = prec === undefined ? undefined : Number(prec);
      let out: string;
      switch (conv) {
        case "d":
        case "i":
        case "u":
          out = Math.trunc(value).toString();
          break;
        case "f":
        case "F":
          out = value.toFixed(precision ?? 6);
          break;
        case "e":
        case "E":
          out = value.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
          if (conv === "E") out = out.toUpperCase();
          break;
        case "g":
        case "G":
          out = String(Number(value.toPrecision(precision || 6)));
          break;
        case "x":
          out = Math.trunc(value).toString(16);
          break;
        case "X":
          out = Math.trunc(value).toString(16).toUpperCase();
          break;
        case "o":
          out = Math.trunc(value).toString(8);
          break;
        default:
          out = String(value);
      }
      if (flags.includes(",")) {
        const [int, frac] = out.split(".");
        out =
          (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",") +
          (frac !== undefined ? `.${frac}` : "");
      }
      if (flags.includes("+") && value >= 0) out = `+${out}`;
      else if (flags.includes(" ") && value >= 0) out = ` ${out}`;
      const w = width ? Number(width) : 0;
      if (out.length < w) {
        if (flags.includes("-")) out = out.padEnd(w);
        else if (flags.includes("0")) {
          const sign = /^[+\- ]/.test(out) ? out.charAt(0) : "";
          out = sign + out.slice(sign.length).padStart(w - sign.length, "0");
        } else out = out.padStart(w);
      }
      return out;
    },
  );
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Moment-style formatting of a UTC wall-clock time (the slider's dates are wall clock as UTC). */
export function formatDate(format: string, date: Date): string {
  const tokens: Record<string, () => string> = {
    YYYY: () => String(date.getUTCFullYear()),
    YY: () => pad(date.getUTCFullYear() % 100),
    MMMM: () => MONTHS[date.getUTCMonth()] ?? "",
    MMM: () => (MONTHS[date.getUTCMonth()] ?? "").slice(0, 3),
    MM: () => pad(date.getUTCMonth() + 1),
    M: () => String(date.getUTCMonth() + 1),
    DD: () => pad(date.getUTCDate()),
    Do: () => ordinal(date.getUTCDate()),
    D: () => String(date.getUTCDate()),
    dddd: () => WEEKDAYS[date.getUTCDay()] ?? "",
    ddd: () => (WEEKDAYS[date.getUTCDay()] ?? "").slice(0, 3),
    HH: () => pad(date.getUTCHours()),
    H: () => String(date.getUTCHours()),
    hh: () => pad(date.getUTCHours() % 12 || 12),
    h: () => String(date.getUTCHours() % 12 || 12),
    mm: () => pad(date.getUTCMinutes()),
    m: () => String(date.getUTCMinutes()),
    ss: () => pad(date.getUTCSeconds()),
    s: () => String(date.getUTCSeconds()),
    SSS: () => pad(date.getUTCMilliseconds(), 3),
    A: () => (date.getUTCHours() < 12 ? "AM" : "PM"),
    a: () => (date.getUTCHours() < 12 ? "am" : "pm"),
  };
  return format.replace(
    /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g,
    (match, literal?: string) => (literal !== undefined ? literal : (tokens[match]?.() ?? match)),
  );
}

function ordinal(n: number): string {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** Decimal places of a step, so stepping 0.1 + 0.2 shows 0.3, not 0.30000000000000004. */
export function decimals(step: number): number {
  if (!Number.isFinite(step) || Number.isInteger(step)) return 0;
  const text = step.toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split(".")[1]?.length ?? 0;
}

/** Round `value` to the precision of `step`. */
export function roundTo(value: number, step: number): number {
  const d = Math.min(15, decimals(step) + 2);
  return Number(value.toFixed(d));
}
