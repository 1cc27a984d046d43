// What the viewer tells the runtime about itself in `hello`, shared by the boot module and the app.

/** The theme in force: `<html data-theme>` if set, else the system's colour scheme. */
export function currentTheme(): "light" | "dark" {
  const forced = document.documentElement.dataset.theme;
  if (forced === "light" || forced === "dark") return forced;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** `hello`'s fields other than the protocol version and the widget values. */
export function helloFields(): {
  theme: "light" | "dark";
  viewport: { w: number; h: number };
  query: string;
} {
  return {
    theme: currentTheme(),
    viewport: { w: window.innerWidth, h: window.innerHeight },
    query: location.search.replace(/^\?/, ""),
  };
}
