// pydeck's `tooltip` for the object under the pointer: its `html` or `text` template with
// `{field}` filled from the object (or its GeoJSON `properties`). Values are escaped in html and
// the result sanitised, so neither the data nor the template can run script in the page.

import DOMPurify from "dompurify";

export interface TooltipSpec {
  html?: string;
  text?: string;
  style?: Record<string, string>;
}

export interface TooltipContent {
  html?: string;
  text?: string;
  style?: Record<string, string>;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const properties = object.properties;
  if (typeof properties === "object" && properties !== null && Object.hasOwn(properties, name))
    return (properties as Record<string, unknown>)[name];
  return undefined;
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** `template` with each `{name}` the object has replaced by its value (others left as written). */
export function fillTemplate(template: string, object: unknown, html: boolean): string {
  if (typeof object !== "object" || object === null) return template;
  const row = object as Record<string, unknown>;
  return template.replace(/\{([^{}]*)\}/g, (match, name: string) => {
    const value = field(row, name);
    if (value === undefined) return match;
    return html ? escapeHtml(asText(value)) : asText(value);
  });
}

/** The tooltip deck.gl shows for `object`, or null (no tooltip, or nothing under the pointer). */
export function tooltipFor(spec: TooltipSpec | null, object: unknown): TooltipContent | null {
  if (spec === null || object === null || object === undefined) return null;
  const out: TooltipContent = {};
  if (spec.style !== undefined) out.style = spec.style;
  if (typeof spec.html === "string" && spec.html !== "") {
    out.html = DOMPurify.sanitize(fillTemplate(spec.html, object, true));
  } else if (typeof spec.text === "string" && spec.text !== "") {
    out.text = fillTemplate(spec.text, object, false);
  } else {
    return null;
  }
  return out;
}

/** The element's `tooltip` prop (pydeck's JSON), or null when absent or not an object. */
export function parseTooltip(json: string | undefined): TooltipSpec | null {
  if (json === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null ? (parsed as TooltipSpec) : null;
  } catch {
    return null;
  }
}
