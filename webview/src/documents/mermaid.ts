// Mermaid diagrams (st.mermaid_chart, or a ```mermaid fence in any Markdown): mermaid is its own
// chunk, loaded when the first diagram is drawn. securityLevel "strict": labels are sanitized
// and click handlers are off, as the page runs no script from the app.

import { useEffect, useState } from "preact/hooks";
import { lazyModule, useLazyRender } from "../core/lazy";
import { pageColor, resolvedColor } from "../core/palette";
import { currentTheme } from "../core/theme";
import type { Theme } from "../data/hooks";

type Mermaid = (typeof import("mermaid"))["default"];

let counter = 0;

const loadMermaid = lazyModule(() => import("mermaid").then((m) => m.default));

/** The `%% stAlt: …` line st.mermaid_chart adds for `alt`: the diagram's accessible name. */
export function mermaidAlt(source: string): string | undefined {
  const match = /^\s*%%\s*stAlt\s*:(.*)$/m.exec(source);
  const text = match?.[1]?.trim();
  return text === undefined || text === "" ? undefined : text;
}

function placeholders(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(".sp-mermaid[data-mermaid]")];
}

/** Show `message` in place of the diagram in `holder`. */
function showError(holder: HTMLElement, message: string): void {
  const box = document.createElement("div");
  box.className = "sp-chart-error";
  box.textContent = `Mermaid error: ${message}`;
  holder.replaceChildren(box);
  holder.removeAttribute("aria-busy");
}

/** The page's colours a diagram is drawn in. */
export interface MermaidColors {
  fg: string;
  bg: string;
  bgSecondary: string;
  border: string;
  muted: string;
  /** The blue, green and orange background tints (markdown's), 1.67's diagram fills. */
  fills: [string, string, string];
}

/** Mermaid's theme variables for the app's look, as Streamlit 1.67 sets them: nodes on the
 * secondary background with the app's border colour (not its primary colour), lines in the muted
 * text colour, the blue, green and orange tints as its fills, 14 px text. */
export function mermaidThemeVariables(theme: Theme, c: MermaidColors): Record<string, unknown> {
  return {
    darkMode: theme === "dark",
    background: c.bg,
    primaryColor: c.fills[0],
    primaryTextColor: c.fg,
    primaryBorderColor: c.border,
    secondaryColor: c.fills[1],
    tertiaryColor: c.fills[2],
    lineColor: c.muted,
    textColor: c.fg,
    mainBkg: c.bgSecondary,
    nodeBorder: c.border,
    edgeLabelBackground: c.bg,
    fontSize: "14px",
  };
}

/** Draw every Mermaid placeholder under `root` (markdownRender.ts makes them) in the theme. */
async function drawMermaid(mermaid: Mermaid, root: HTMLElement, theme: Theme): Promise<void> {
  const holders = placeholders(root);
  if (holders.length === 0) return;
  const colors: MermaidColors = {
    fg: pageColor("fg", theme, root),
    bg: pageColor("bg", theme, root),
    bgSecondary: pageColor("bgSecondary", theme, root),
    border: pageColor("border", theme, root),
    muted: pageColor("muted", theme, root),
    fills: [
      resolvedColor(root, "var(--sp-blue-bg)"),
      resolvedColor(root, "var(--sp-green-bg)"),
      resolvedColor(root, "var(--sp-orange-bg)"),
    ],
  };
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    suppressErrorRendering: true,
    theme: "base",
    fontFamily: getComputedStyle(root).fontFamily,
    themeVariables: mermaidThemeVariables(theme, colors),
  });
  for (const holder of holders) {
    const source = holder.dataset.mermaid ?? "";
    const alt = mermaidAlt(source);
    try {
      counter += 1;
      const { svg } = await mermaid.render(`sp-mermaid-${counter}`, source);
      // Mermaid's own output, sanitized by it at securityLevel "strict".
      holder.innerHTML = svg;
      holder.setAttribute("role", "img");
      if (alt !== undefined) holder.setAttribute("aria-label", alt);
    } catch (e) {
      showError(holder, e instanceof Error ? e.message : String(e));
    }
    holder.removeAttribute("aria-busy");
  }
}

/**
 * Draw the Mermaid fences of the HTML in `ref` (a Markdown body) after each render, and again
 * when the theme changes. Nothing is observed, nor mermaid loaded, for Markdown without one.
 */
export function useMermaid(ref: { current: HTMLElement | null }, html: string): void {
  const present = html.includes('class="sp-mermaid"');
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    if (!present) return;
    const follow = (): void => setTheme(currentTheme());
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    media?.addEventListener("change", follow);
    return () => {
      observer.disconnect();
      media?.removeEventListener("change", follow);
    };
  }, [present]);
  const { error } = useLazyRender(
    loadMermaid,
    ref,
    (mermaid, el) => drawMermaid(mermaid, el, theme ?? currentTheme()).then(() => undefined),
    [html, theme],
    { enabled: present && theme !== null },
  );
  // Mermaid itself could not be loaded: each diagram says so where it would be.
  useEffect(() => {
    const el = ref.current;
    if (error !== null && el !== null)
      for (const holder of placeholders(el)) showError(holder, error);
  }, [error, html]);
}
