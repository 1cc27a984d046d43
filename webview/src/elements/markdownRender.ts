// Markdown → HTML for markdown, caption, alert and label text: markdown-it (raw HTML off unless
// allowed, then DOMPurify), KaTeX for $…$ / $$…$$, Streamlit's :color[text] and :material/icon:.

import DOMPurify from "dompurify";
import { renderTex } from "../core/katex";
import MarkdownIt from "markdown-it";
import type { StateBlock, StateInline } from "markdown-it";

const COLORS = new Set([
  "red",
  "orange",
  "yellow",
  "green",
  "blue",
  "violet",
  "gray",
  "grey",
  "rainbow",
  "primary",
]);

function math(tex: string, displayMode: boolean): string {
  return renderTex(tex, displayMode);
}

/** `$…$` inline math (not `$ 5` prices: the opening `$` must be followed by a non-space). */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const open = display ? 2 : 1;
  if (!display && /\s/.test(src.charAt(start + 1))) return false;
  let end = start + open;
  while (end < state.posMax) {
    end = src.indexOf(display ? "$$" : "$", end);
    if (end < 0) return false;
    if (src.charCodeAt(end - 1) !== 0x5c /* \ */) break;
    end++;
  }
  if (end < 0 || end >= state.posMax || end === start + open) return false;
  if (!display && /\s/.test(src.charAt(end - 1))) return false;
  if (!silent) {
    const token = state.push("math_inline", "", 0);
    token.content = src.slice(start + open, end);
    token.meta = { display };
  }
  state.pos = end + open;
  return true;
}

/** A `$$` line … `$$` line block. */
function blockMath(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  const first = state.src.slice(
    state.bMarks[startLine]! + state.tShift[startLine]!,
    state.eMarks[startLine],
  );
  if (!first.startsWith("$$")) return false;
  if (silent) return true;
  let content = first.slice(2);
  let line = startLine;
  let closed = content.trimEnd().endsWith("$$") && content.trim().length >= 2;
  if (closed) content = content.trimEnd().slice(0, -2);
  while (!closed && ++line < endLine) {
    const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
    if (text.trimEnd().endsWith("$$")) {
      content += "\n" + text.trimEnd().slice(0, -2);
      closed = true;
    } else {
      content += "\n" + text;
    }
  }
  state.line = line + 1;
  const token = state.push("math_block", "", 0);
  token.content = content;
  token.map = [startLine, state.line];
  return true;
}

/** The classes of `:red[…]`, `:red-background[…]` and `:red-badge[…]` (a rainbow badge is plain). */
function colorClass(color: string, variant: string | undefined): string | undefined {
  if (variant === "-badge")
    return color === "rainbow" ? undefined : `sp-badge sp-fg-${color} sp-bg-${color}`;
  return variant ? `sp-bg-${color}` : `sp-fg-${color}`;
}

/** `:red[text]`, `:blue-background[text]`, `:green-badge[text]`: coloured text, a coloured
 * background or a badge (st.badge), with nested markdown. */
function colorText(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x3a /* : */) return false;
  const match = /^:([a-z]+)(-background|-badge)?\[/.exec(src.slice(start, start + 24));
  if (!match || !COLORS.has(match[1]!)) return false;
  const contentStart = start + match[0].length;
  let depth = 1;
  let pos = contentStart;
  for (; pos < state.posMax; pos++) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x5c) pos++;
    else if (ch === 0x5b) depth++;
    else if (ch === 0x5d && --depth === 0) break;
  }
  if (depth !== 0) return false;
  if (!silent) {
    const open = state.push("color_open", "span", 1);
    const color = match[1] === "grey" ? "gray" : match[1]!;
    const cls = colorClass(color, match[2]);
    if (cls !== undefined) open.attrSet("class", cls);
    const max = state.posMax;
    state.pos = contentStart;
    state.posMax = pos;
    state.md.inline.tokenize(state);
    state.posMax = max;
    state.push("color_close", "span", -1);
  }
  state.pos = pos + 1;
  return true;
}

/** `:material/name:` → a Material Symbols ligature (drawn if the font is present, else its name). */
function materialIcon(state: StateInline, silent: boolean): boolean {
  const match = /^:material\/([a-z0-9_]+):/.exec(state.src.slice(state.pos, state.pos + 64));
  if (!match) return false;
  if (!silent) {
    const token = state.push("material_icon", "", 0);
    token.content = match[1]!;
  }
  state.pos += match[0].length;
  return true;
}

type Md = InstanceType<typeof MarkdownIt>;

function build(html: boolean): Md {
  const md = new MarkdownIt({ html, linkify: true, breaks: false });
  md.inline.ruler.after("escape", "math_inline", inlineMath);
  md.inline.ruler.before("emphasis", "color_text", colorText);
  md.inline.ruler.before("emphasis", "material_icon", materialIcon);
  md.block.ruler.before("fence", "math_block", blockMath, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.renderer.rules.math_inline = (tokens, idx) => {
    const token = tokens[idx]!;
    return math(token.content, (token.meta as { display: boolean }).display);
  };
  md.renderer.rules.math_block = (tokens, idx) => math(tokens[idx]!.content, true);
  md.renderer.rules.material_icon = (tokens, idx) =>
    `<span class="sp-material-icon" aria-hidden="true">${md.utils.escapeHtml(tokens[idx]!.content)}</span>`;
  // A ```mermaid fence (st.mermaid_chart's body) becomes a placeholder holding its source; the
  // component draws it (documents/mermaid.ts, loaded only then).
  const defaultFence =
    md.renderer.rules.fence ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim().toLowerCase() !== "mermaid") {
      return defaultFence(tokens, idx, options, env, self);
    }
    const source = md.utils.escapeHtml(token.content);
    return `<div class="sp-mermaid" data-mermaid="${source}" aria-busy="true"></div>\n`;
  };
  // Links leave the app: a new tab, without giving the page a handle on this one.
  const defaultLink =
    md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (!href.startsWith("#")) {
      token.attrSet("target", "_blank");
      token.attrSet("rel", "noopener noreferrer");
    }
    return defaultLink(tokens, idx, options, env, self);
  };
  return md;
}

let safe: Md | undefined;
let unsafe: Md | undefined;

/**
 * Markdown as HTML. Raw HTML in the source is escaped unless `allowHtml`; then it is parsed and
 * passed through DOMPurify (scripts, event handlers and javascript: URLs removed).
 */
export function renderMarkdown(
  body: string,
  options?: { allowHtml?: boolean; inline?: boolean },
): string {
  const allowHtml = options?.allowHtml === true;
  const md = allowHtml ? (unsafe ??= build(true)) : (safe ??= build(false));
  const html = options?.inline ? md.renderInline(body) : md.render(body);
  return allowHtml ? sanitize(html) : html;
}

/** Sanitize HTML for `st.html` and `unsafe_allow_html` markdown. */
export function sanitize(html: string): string {
  // FORCE_BODY: a leading <style> (st.html's CSS) is kept, as Streamlit keeps it, instead of
  // being dropped as part of a document head.
  return DOMPurify.sanitize(html, { ADD_ATTR: ["target"], FORCE_BODY: true });
}

/** The slug Streamlit would give a heading (lower case, dashes). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}
