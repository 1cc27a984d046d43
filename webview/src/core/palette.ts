// The built-in light and dark palettes (Streamlit 1.67's). The page's colours live in the CSS
// custom properties of styles/base.css (`--sp-own-*`, then `--sp-*` with VS Code's and a
// config.toml `[theme]`'s on top); this table is their fallback for code that needs a colour
// where no style sheet applies yet (a detached node, a test), and tests/webview/palette.test.ts
// checks that base.css says the same.

import type { Theme } from "../data/hooks";

/** One scheme's colours, named for the `--sp-*` variable each one backs. */
export interface Palette {
  bg: string;
  bgSecondary: string;
  fg: string;
  muted: string;
  border: string;
  primary: string;
  link: string;
  codeBg: string;
  red: string;
  orange: string;
  yellow: string;
  green: string;
  blue: string;
  violet: string;
  gray: string;
}

/** The page variable each palette colour is read from. */
export const PALETTE_VARIABLES: Record<keyof Palette, string> = {
  bg: "--sp-bg",
  bgSecondary: "--sp-bg-secondary",
  fg: "--sp-fg",
  muted: "--sp-muted",
  border: "--sp-border",
  primary: "--sp-primary",
  link: "--sp-link",
  codeBg: "--sp-code-bg",
  red: "--sp-red",
  orange: "--sp-orange",
  yellow: "--sp-yellow",
  green: "--sp-green",
  blue: "--sp-blue",
  violet: "--sp-violet",
  gray: "--sp-gray",
};

/** Streamlit 1.67's Light and Dark themes (`muted` is its faded text: the text at 60 %). */
export const BUILT_IN_PALETTES: Record<Theme, Palette> = {
  light: {
    bg: "#ffffff",
    bgSecondary: "#f8f8f7",
    fg: "#2f2d2b",
    muted: "rgba(47, 45, 43, 0.6)",
    border: "#dcd8d4",
    primary: "#c53948",
    link: "#244fb4",
    codeBg: "#f7f7f6",
    red: "#d94a57",
    orange: "#e0682b",
    yellow: "#bb8300",
    green: "#079464",
    blue: "#3b82f6",
    violet: "#9b5de5",
    gray: "#6b7280",
  },
  dark: {
    bg: "#171614",
    bgSecondary: "#2d2b27",
    fg: "#edebe8",
    muted: "rgba(237, 235, 232, 0.6)",
    border: "#4a4742",
    primary: "#cf4250",
    link: "#85b8f8",
    codeBg: "#242321",
    red: "#f2919a",
    orange: "#f2a56d",
    yellow: "#fbd54f",
    green: "#7ed5b0",
    blue: "#85b8f8",
    violet: "#bf8ef7",
    gray: "#a9a5a0",
  },
};

/**
 * A CSS colour expression (`var(--sp-…, fallback)`, `light-dark(…)`, `color-mix(…)`) as the page
 * resolves it at `where`: a plain `rgb(...)`, or "" where no style applies.
 */
export function resolvedColor(where: Element, expression: string): string {
  const probe = where.ownerDocument.createElement("span");
  probe.style.display = "none";
  where.appendChild(probe);
  try {
    probe.style.color = expression;
    return getComputedStyle(probe).color;
  } finally {
    probe.remove();
  }
}

/**
 * A palette colour as the page shows it at `where` (VS Code's, `[theme]`'s or the built-in one),
 * resolved through an element's computed `color`: a plain `rgb(...)` even where the variable is
 * `light-dark(...)`, `color-mix(...)` or another variable. The built-in value when none is set.
 */
export function pageColor(
  key: keyof Palette,
  scheme: Theme,
  where: Element = document.body ?? document.documentElement,
): string {
  const fallback = BUILT_IN_PALETTES[scheme][key];
  return resolvedColor(where, `var(${PALETTE_VARIABLES[key]}, ${fallback})`) || fallback;
}
