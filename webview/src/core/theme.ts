// What the viewer tells the runtime about itself in `hello`, shared by the boot module and the app.

/** The theme in force: `<html data-theme>` if set, else the system's colour scheme. */
export function currentTheme(): "light" | "dark" {
  const forced = document.documentElement.dataset.theme;
  if (forced === "light" || forced === "dark") return forced;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** `hello`'s fields other than the protocol version and the widget values: what only the
 * browser knows (`st.context`'s theme, locale, time zone, URL, embedding). */
export function helloFields(): {
  theme: "light" | "dark";
  viewport: { w: number; h: number };
  query: string;
  locale: string;
  timezone?: string;
  timezone_offset: number;
  url?: string;
  embedded: boolean;
} {
  const timezone = timeZoneId();
  return {
    theme: currentTheme(),
    viewport: { w: window.innerWidth, h: window.innerHeight },
    query: location.search.replace(/^\?/, ""),
    locale: navigator.language,
    ...(timezone ? { timezone } : {}),
    timezone_offset: new Date().getTimezoneOffset(),
    // A VS Code webview's address is VS Code's own, no app URL.
    ...(location.protocol.startsWith("http") ? { url: location.origin + location.pathname } : {}),
    embedded: new URLSearchParams(location.search).get("embed")?.toLowerCase() === "true",
  };
}

type TemporalNow = { Now: { timeZoneId(): string } };

/** The system's IANA time zone. Temporal answers at once; a first `Intl.DateTimeFormat` loads
 * the locale's data, 15–20 ms on the way to the hello (browsers without Temporal pay it). */
function timeZoneId(): string | undefined {
  const temporal = (globalThis as { Temporal?: TemporalNow }).Temporal;
  try {
    if (temporal) return temporal.Now.timeZoneId();
  } catch {
    // fall through to Intl
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
