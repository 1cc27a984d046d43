// The theme as a v2 component reads it: Streamlit's `--st-<option>` CSS variables (theme option
// names in kebab case), resolved from the page where the component sits (the sidebar's own
// colours there), sent to the component's frame with every render.

import { chartColors, configuredOptions } from "../../core/app_theme";
import {
  BUILT_IN_PALETTES,
  PALETTE_VARIABLES,
  resolvedColor,
  type Palette,
} from "../../core/palette";
import { PALETTE } from "../../data/vegaTheme";
import type { Theme } from "../../data/hooks";

/** `--st-*` name → the palette colour it reads (the page's variable, else the built-in one). */
const COLORS: [string, keyof Palette][] = [
  ["--st-primary-color", "primary"],
  ["--st-background-color", "bg"],
  ["--st-secondary-background-color", "bgSecondary"],
  ["--st-text-color", "fg"],
  ["--st-border-color", "border"],
  ["--st-link-color", "link"],
  ["--st-code-background-color", "codeBg"],
  ["--st-red-color", "red"],
  ["--st-orange-color", "orange"],
  ["--st-yellow-color", "yellow"],
  ["--st-blue-color", "blue"],
  ["--st-green-color", "green"],
  ["--st-violet-color", "violet"],
  ["--st-gray-color", "gray"],
];

const SANS = '"Source Sans Pro", sans-serif';
const MONO = '"Source Code Pro", monospace';

/** In the sidebar, its own backgrounds: the sidebar's (by default the page's secondary one),
 * and the page's as the secondary one, as Streamlit's sidebar theme has them. */
const SIDEBAR_SOURCES: Record<string, string[]> = {
  "--st-background-color": ["--sp-sidebar-bg", "--sp-bg-secondary"],
  "--st-secondary-background-color": ["--sp-bg"],
};

/** `var(a, var(b, fallback))`: the first of `sources` that is set. */
function firstSet(sources: string[], fallback: string): string {
  return sources.reduceRight((inner, name) => `var(${name}, ${inner})`, fallback);
}

/** The `--st-*` variables for a component placed in `where`. */
export function componentThemeVariables(where: Element, scheme: Theme): Record<string, string> {
  const doc = where.ownerDocument;
  const inSidebar = where.closest(".sp-sidebar") !== null;
  const vars: Record<string, string> = {};
  for (const [name, key] of COLORS) {
    const sources = (inSidebar ? SIDEBAR_SOURCES[name] : undefined) ?? [PALETTE_VARIABLES[key]];
    const fallback = BUILT_IN_PALETTES[scheme][key];
    vars[name] = resolvedColor(where, firstSet(sources, fallback)) || fallback;
  }
  const style = getComputedStyle(where);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  const font = read("--sp-font", SANS);
  vars["--st-font"] = font;
  vars["--st-heading-font"] = font;
  vars["--st-code-font"] = read("--sp-mono", MONO);
  vars["--st-base-radius"] = read("--sp-radius", "0.5rem");
  vars["--st-base-font-size"] = getComputedStyle(doc.documentElement).fontSize || "16px";
  vars["--st-base"] = scheme;
  const colors = chartColors(scheme);
  vars["--st-chart-categorical-colors"] = (colors.categorical ?? PALETTE[scheme]).join(",");
  if (colors.sequential !== undefined)
    vars["--st-chart-sequential-colors"] = colors.sequential.join(",");
  if (colors.diverging !== undefined)
    vars["--st-chart-diverging-colors"] = colors.diverging.join(",");
  // Any other configured option as `--st-<option-name>` (a list as its items joined by
  // commas), as Streamlit exposes every theme option.
  for (const [option, value] of Object.entries(configuredOptions(scheme, inSidebar))) {
    const name = `--st-${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const listed = Array.isArray(value);
    if (name in vars || value === undefined || (typeof value === "object" && !listed)) continue;
    const text = listed ? (value as unknown[]).map(String).join(",") : String(value);
    if (!/[;{}<>]/.test(text)) vars[name] = text;
  }
  return vars;
}
