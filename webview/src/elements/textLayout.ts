// The layout props of text elements (markdown, headings, captions, st.text): `width`,
// `text_alignment` and `wrap`, as CSS for the element's box (see docs/protocol.md).

import type { JSX } from "preact";
import type { Props } from "../core/types";

export interface TextLayout {
  style: JSX.CSSProperties;
  /** False: one line, cut with an ellipsis. */
  wrap: boolean;
}

const ALIGNMENTS = new Set(["left", "center", "right", "justify"]);

/** `fallbackWidth` is the element's width when the props give none. */
export function textLayout(props: Props, fallbackWidth: "stretch" | "content"): TextLayout {
  const style: JSX.CSSProperties = {};
  const width = props.width ?? fallbackWidth;
  if (typeof width === "number" && width > 0) {
    style.width = `${width}px`;
    style.maxWidth = "100%";
  } else if (width === "content") {
    style.width = "fit-content";
    style.maxWidth = "100%";
  }
  const align = props.text_alignment;
  if (typeof align === "string" && ALIGNMENTS.has(align)) style.textAlign = align;
  return { style, wrap: props.wrap !== false };
}
