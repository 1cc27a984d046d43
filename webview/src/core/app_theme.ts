// The app's `[theme]` from .streamlit/config.toml (the `app_config` frame), applied as CSS
// variables. A theme wins over VS Code's colours: the page takes Sidepane's own palette
// (`:root.sp-config-theme` in styles/base.css) with the options set on top; `base` fixes light
// or dark, else the scheme follows the system (or VS Code) and `light.` / `dark.` options apply
// to theirs. Without a theme nothing changes.

import type { AppConfigFrame } from "./protocol.generated";

type Options = Record<string, unknown>;
export type Scheme = "light" | "dark";

const STYLE_ID = "sp-config-theme";

/** config.toml colour options → the CSS variables they set (styles/base.css). */
const COLOR_VARS: Record<string, string[]> = {
  primaryColor: ["--sp-primary"],
  backgroundColor: ["--sp-bg"],
  secondaryBackgroundColor: ["--sp-bg-secondary", "--sp-input-bg"],
  textColor: ["--sp-fg"],
  linkColor: ["--sp-link"],
  codeBackgroundColor: ["--sp-code-bg"],
  borderColor: ["--sp-border"],
  redColor: ["--sp-red"],
  orangeColor: ["--sp-orange"],
  yellowColor: ["--sp-yellow"],
  greenColor: ["--sp-green"],
  blueColor: ["--sp-blue"],
  violetColor: ["--sp-violet"],
  grayColor: ["--sp-gray"],
  // Markdown's colours and the alerts' tints: st.success is green, st.info blue, st.warning
  // yellow, st.error red.
  greenBackgroundColor: ["--sp-green-bg", "--sp-success-bg"],
  greenTextColor: ["--sp-green-text", "--sp-success-fg"],
  blueBackgroundColor: ["--sp-blue-bg", "--sp-info-bg"],
  blueTextColor: ["--sp-blue-text", "--sp-info-fg"],
  yellowBackgroundColor: ["--sp-yellow-bg", "--sp-warning-bg"],
  yellowTextColor: ["--sp-yellow-text", "--sp-warning-fg"],
  redBackgroundColor: ["--sp-red-bg", "--sp-error-bg"],
  redTextColor: ["--sp-red-text", "--sp-error-fg"],
  orangeBackgroundColor: ["--sp-orange-bg"],
  orangeTextColor: ["--sp-orange-text"],
  violetBackgroundColor: ["--sp-violet-bg"],
  violetTextColor: ["--sp-violet-text"],
  grayBackgroundColor: ["--sp-gray-bg"],
  grayTextColor: ["--sp-gray-text"],
};

// Streamlit's radius keywords; any other value is a CSS length (a bare number is pixels).
const RADII: Record<string, string> = {
  none: "0",
  small: "0.35rem",
  medium: "0.5rem",
  large: "1rem",
  full: "1.4rem",
};

const FONTS: Record<string, string> = {
  "sans-serif": '"Source Sans Pro", "Source Sans 3", system-ui, -apple-system, sans-serif',
  serif: '"Source Serif Pro", "Source Serif 4", Georgia, serif',
  monospace: '"Source Code Pro", ui-monospace, SFMono-Regular, Menlo, monospace',
};

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

function length(value: unknown, keywords: Record<string, string> = {}): string | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  if (Object.hasOwn(keywords, t)) return keywords[t];
  return /^\d+(\.\d+)?$/.test(t) ? `${t}px` : t;
}

function font(value: unknown): string | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  // `font = "Inter:https://…"` names a font and where to load it; the name is what CSS needs.
  const name = t.split(":")[0]?.trim() ?? t;
  return FONTS[name] ?? `"${name.replace(/"/g, "")}", ${FONTS["sans-serif"]}`;
}

/** A CSS value is only ever a value: nothing that could close the rule or start another. */
function safe(value: string): boolean {
  return !/[;{}<>]/.test(value);
}

/** The options for `scheme`: the base ones with `light.`/`dark.` ones over them; `sidebar`: only
 * what `[theme.sidebar]` and `[theme.<scheme>.sidebar]` set, the latter winning. */
export function layeredOptions(theme: Options, scheme: Scheme, sidebar: boolean): Options {
  const prefixes = sidebar ? ["sidebar.", `${scheme}.sidebar.`] : ["", `${scheme}.`];
  const out: Options = {};
  for (const prefix of prefixes) {
    for (const [key, value] of Object.entries(theme)) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length);
      if (name.includes(".")) continue; // belongs to a more specific table
      out[name] = value;
    }
  }
  return out;
}

/** The CSS variables one layer of options sets. */
export function themeVariables(options: Options): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [key, names] of Object.entries(COLOR_VARS)) {
    const value = text(options[key]);
    if (value !== undefined) for (const name of names) vars[name] = value;
  }
  const fg = text(options.textColor);
  if (fg !== undefined) vars["--sp-muted"] = `color-mix(in srgb, ${fg} 60%, transparent)`;
  const primary = text(options.primaryColor);
  if (primary !== undefined) vars["--sp-focus"] = `color-mix(in srgb, ${primary} 50%, transparent)`;
  const radius = length(options.baseRadius, RADII);
  if (radius !== undefined) vars["--sp-radius"] = radius;
  const buttonRadius = length(options.buttonRadius, RADII);
  if (buttonRadius !== undefined) vars["--sp-button-radius"] = buttonRadius;
  const body = font(options.font);
  if (body !== undefined) vars["--sp-font"] = body;
  const code = font(options.codeFont);
  if (code !== undefined) vars["--sp-mono"] = code;
  const heading = font(options.headingFont);
  if (heading !== undefined) vars["--sp-heading-font"] = heading;
  const size = length(options.baseFontSize);
  if (size !== undefined) vars["--sp-base-font-size"] = size;
  return Object.fromEntries(Object.entries(vars).filter(([, value]) => safe(value)));
}

function rule(selector: string, vars: Record<string, string>): string {
  const body = Object.entries(vars)
    .map(([name, value]) => `${name}: ${value};`)
    .join(" ");
  return body ? `${selector} { ${body} }` : "";
}

/** A list option (`headingFontSizes`): a TOML array, or one value for the first item. */
function items(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}

/** Rules for the options that style particular elements rather than set a colour variable. */
export function elementRules(options: Options, scope: string): string[] {
  const rules: string[] = [];
  const add = (selector: string, declarations: Record<string, string | undefined>): void => {
    const body = Object.entries(declarations)
      .filter((entry): entry is [string, string] => entry[1] !== undefined && safe(entry[1]))
      .map(([name, value]) => `${name}: ${value};`)
      .join(" ");
    if (body) rules.push(`${scope} ${selector} { ${body} }`);
  };
  if (options.linkUnderline === false) add("a", { "text-decoration": "none" });
  if (options.linkUnderline === true) add("a", { "text-decoration": "underline" });
  const weight = text(options.baseFontWeight);
  if (weight !== undefined) add("", { "font-weight": weight });
  const sizes = items(options.headingFontSizes);
  const weights = items(options.headingFontWeights);
  for (let level = 1; level <= 6; level++) {
    add(`:is(.sp-heading, .sp-markdown-body) h${level}`, {
      "font-size": length(sizes[level - 1]),
      "font-weight": text(weights[level - 1]),
    });
  }
  add(":is(code, pre, .sp-code)", {
    "font-size": length(options.codeFontSize),
    "font-weight": text(options.codeFontWeight),
  });
  const codeColor = text(options.codeTextColor);
  if (codeColor !== undefined) add(":is(code, pre)", { color: codeColor });
  add(".sp-main", {
    "padding-top": length(options.paddingTop),
    "padding-bottom": length(options.paddingBottom),
  });
  add(".sp-metric-value", {
    "font-size": length(options.metricValueFontSize),
    "font-weight": text(options.metricValueFontWeight),
  });
  const frameBorder = text(options.dataframeBorderColor);
  add(":is(.sp-table, .sp-grid) :is(th, td, [role='gridcell'], [role='columnheader'])", {
    "border-color": frameBorder,
  });
  add(":is(.sp-table thead th, .sp-grid [role='columnheader'])", {
    background: text(options.dataframeHeaderBackgroundColor),
    color: text(options.dataframeHeaderTextColor),
  });
  if (options.showWidgetBorder === true) {
    add(":is(.sp-input, .sp-input-box, .sp-combo)", { border: "1px solid var(--sp-border)" });
  }
  return rules;
}

/** `[[theme.fontFaces]]` tables (family, url, weight, style, unicodeRange) as @font-face rules:
 * `font = "Family"` then names one (a URL under `/app/static/` with server.enableStaticServing,
 * or any https URL). */
export function fontFaceRules(faces: unknown): string[] {
  if (!Array.isArray(faces)) return [];
  const rules: string[] = [];
  for (const face of faces) {
    if (typeof face !== "object" || face === null) continue;
    const f = face as Record<string, unknown>;
    const family = text(f.family);
    const url = text(f.url);
    if (family === undefined || url === undefined) continue;
    // JSON strings are valid CSS strings; `safe` keeps them from closing the rule.
    const parts = [`font-family: ${JSON.stringify(family)};`, `src: url(${JSON.stringify(url)});`];
    const weight = text(f.weight);
    if (weight !== undefined) parts.push(`font-weight: ${weight};`);
    const style = text(f.style);
    if (style !== undefined) parts.push(`font-style: ${style};`);
    const range = text(f.unicodeRange);
    if (range !== undefined) parts.push(`unicode-range: ${range};`);
    const rule = `@font-face { ${parts.join(" ")} }`;
    if (parts.every((p) => safe(p.slice(0, -1)))) rules.push(rule);
  }
  return rules;
}

/** The style sheet for a theme in `scheme`: the page, then the sidebar. */
export function themeCss(theme: Options, scheme: Scheme): string {
  // `:root body` too: VS Code's high-contrast rules set the variables on <body>.
  const page = rule(
    ":root.sp-config-theme, :root.sp-config-theme body",
    themeVariables(layeredOptions(theme, scheme, false)),
  );
  // In the sidebar its own background is `backgroundColor`; the page's is left alone.
  const sidebarVars = themeVariables(layeredOptions(theme, scheme, true));
  if (sidebarVars["--sp-bg"] !== undefined) {
    sidebarVars["--sp-sidebar-bg"] = sidebarVars["--sp-bg"];
    delete sidebarVars["--sp-bg"];
  }
  const sidebar = rule(":root.sp-config-theme .sp-sidebar", sidebarVars);
  const pageOptions = layeredOptions(theme, scheme, false);
  const sidebarOptions = layeredOptions(theme, scheme, true);
  if (pageOptions.showSidebarBorder === true || theme.showSidebarBorder === true) {
    sidebarOptions.showSidebarBorder = true;
  }
  return [
    ...fontFaceRules(theme.fontFaces),
    page,
    sidebar,
    ...elementRules(pageOptions, ":root.sp-config-theme"),
    ...elementRules(sidebarOptions, ":root.sp-config-theme .sp-sidebar"),
    ...(sidebarOptions.showSidebarBorder === true
      ? [":root.sp-config-theme .sp-sidebar { border-right: 1px solid var(--sp-border); }"]
      : []),
  ]
    .filter(Boolean)
    .join("\n");
}

/** A list option (`chartCategoricalColors`): a TOML array, or a flag's JSON or comma list. */
export function colorList(value: unknown): string[] | undefined {
  let items: unknown = value;
  if (typeof value === "string") {
    try {
      items = JSON.parse(value);
    } catch {
      items = value.split(",");
    }
  }
  if (!Array.isArray(items)) return undefined;
  const colors = items.flatMap((c) => {
    const t = text(c);
    return t !== undefined && safe(t) ? [t] : [];
  });
  return colors.length > 0 ? colors : undefined;
}

let current: Options = {};

/** The configured chart colours for `scheme` (undefined: the built-in palette). */
export function chartColors(scheme: Scheme): {
  categorical?: string[];
  sequential?: string[];
  diverging?: string[];
} {
  const options = layeredOptions(current, scheme, false);
  return {
    categorical: colorList(options.chartCategoricalColors),
    sequential: colorList(options.chartSequentialColors),
    diverging: colorList(options.chartDivergingColors),
  };
}

/** The configured theme options in force for `scheme` (in the sidebar, its own over them). */
export function configuredOptions(scheme: Scheme, sidebar: boolean): Record<string, unknown> {
  const page = layeredOptions(current, scheme, false);
  return sidebar ? { ...page, ...layeredOptions(current, scheme, true) } : page;
}

/** The scheme in force: `<html data-theme>` if set, else the system's. */
function schemeOf(doc: Document): Scheme {
  const forced = doc.documentElement.dataset.theme;
  if (forced === "light" || forced === "dark") return forced;
  return doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

let stopWatching: (() => void) | undefined;
// `<html data-theme>` before a config fixed it (VS Code's kind, or none: the system's).
let previousScheme: string | undefined;

/** Apply an `app_config` frame's theme and client options to the page. */
export function applyAppConfig(
  frame: Pick<AppConfigFrame, "theme" | "show_sidebar_navigation">,
  doc: Document = document,
): void {
  const root = doc.documentElement;
  root.classList.toggle("sp-no-sidebar-nav", frame.show_sidebar_navigation === false);
  current = frame.theme;
  stopWatching?.();
  stopWatching = undefined;
  const configured = Object.keys(current).length > 0;
  root.classList.toggle("sp-config-theme", configured);
  // As Streamlit 1.67, the sidebar keeps the built-in palette's own shades (styles/base.css)
  // unless a background colour is configured, for the page or the sidebar.
  root.classList.toggle(
    "sp-custom-backgrounds",
    Object.keys(current).some((k) => /(^|\.)(backgroundColor|secondaryBackgroundColor)$/.test(k)),
  );
  const base = text(current.base);
  // As Streamlit 1.67: a theme with [theme.light] / [theme.dark] tables follows the system (or
  // VS Code here); any other is one custom theme on its base, light unless it says dark.
  const varies = Object.keys(current).some((k) => k.startsWith("light.") || k.startsWith("dark."));
  const fixed: Scheme | undefined =
    base === "light" || base === "dark" ? base : configured && !varies ? "light" : undefined;
  if (fixed !== undefined) {
    // Neither the system nor VS Code switches it (core/vscode_theme.ts).
    if (root.dataset.configBase === undefined) previousScheme = root.dataset.theme;
    root.dataset.configBase = fixed;
    root.dataset.theme = fixed;
  } else if (root.dataset.configBase !== undefined) {
    // The fixed scheme is gone (the config changed): back to what the page followed before.
    delete root.dataset.configBase;
    if (previousScheme === undefined) delete root.dataset.theme;
    else root.dataset.theme = previousScheme;
  }
  let style = doc.getElementById(STYLE_ID);
  if (!configured) {
    style?.remove();
    return;
  }
  if (style === null) {
    style = doc.createElement("style");
    style.id = STYLE_ID;
    doc.head.appendChild(style);
  }
  const sheet = style;
  const render = (): void => {
    sheet.textContent = themeCss(current, schemeOf(doc));
  };
  render();
  // `light.` / `dark.` options follow a scheme that changes (system or VS Code).
  const observer = new MutationObserver(render);
  observer.observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  const media = doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)");
  media?.addEventListener?.("change", render);
  stopWatching = () => {
    observer.disconnect();
    media?.removeEventListener?.("change", render);
  };
}
