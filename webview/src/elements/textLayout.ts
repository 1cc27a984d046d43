// The layout props of text elements (markdown, headings, captions, st.text): `width`,
// `text_alignment` and `wrap`, as CSS for the element's box (see docs/protocol.md).

import type { JSX } from "preact";
import type { TextLayout as TextLayoutProps } from "../core/types";

export interface TextLayout {
  style: JSX.CSSProperties;
  /** False: one line, cut with an ellipsis. */
  wrap: boolean;
}

/** `defaultWidth` is the element's width when the props give none. */
export function textLayout(
  props: TextLayoutProps,
  defaultWidth: "stretch" | "content",
): TextLayout {
  const style: JSX.CSSProperties = {};
  const width = props.width ?? defaultWidth;
  if (typeof width === "number") {
    style.width = `${width}px`;
    style.maxWidth = "100%";
  } else if (width === "content") {
    style.width = "fit-content";
    style.maxWidth = "100%";
  }
  if (props.text_alignment !== undefined) style.textAlign = props.text_alignment;
  return { style, wrap: props.wrap !== false };
}
