// The `iframe` element (st.iframe): a URL, an HTML page the app's server serves (sandboxed, an
// origin of its own, as components.html's) or a local file's bytes. A page at its content's
// height reports it (the reporter st.iframe appends) and the frame follows.

import { useEffect, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import {
  FEATURE_POLICY,
  componentRoute,
  frameAllowed,
  sandboxFor,
} from "../components/frame_policy";
import { PanelNotice } from "../components/panel_notice";
import type { ElementProps } from "../core/types";
import { usePayloads } from "../data/hooks";

/** Before a page reports its height. */
const INITIAL_HEIGHT = 150;

interface FrameProps {
  src: string | undefined;
  width: number | "content" | undefined;
  height: number | "stretch" | "content";
  tabIndex?: number;
  title: string;
}

/** A sandboxed frame; at "content" height it follows the height its page reports. */
export function Frame({ src, width, height, tabIndex, title }: FrameProps): JSX.Element {
  const frame = useRef<HTMLIFrameElement>(null);
  const [contentHeight, setContentHeight] = useState(INITIAL_HEIGHT);
  useEffect(() => {
    if (height !== "content") return;
    const listen = (e: MessageEvent): void => {
      const data = e.data as { type?: unknown; height?: unknown } | null;
      if (e.source !== frame.current?.contentWindow || data?.type !== "sidepane:frameHeight") {
        return;
      }
      if (typeof data.height === "number" && data.height >= 0) setContentHeight(data.height);
    };
    window.addEventListener("message", listen);
    return () => window.removeEventListener("message", listen);
  }, [height]);

  if (src !== undefined && !frameAllowed(src)) return <PanelNotice what={title} />;
  const style: JSX.CSSProperties = {
    width: typeof width === "number" ? `${width}px` : "100%",
    maxWidth: "100%",
    height:
      height === "content" ? `${contentHeight}px` : height === "stretch" ? "100%" : `${height}px`,
    colorScheme: "normal",
  };
  return (
    <iframe
      ref={frame}
      class="sp-iframe"
      data-testid="stIFrame"
      src={src}
      sandbox={src !== undefined ? sandboxFor(src) : undefined}
      allow={FEATURE_POLICY}
      tabIndex={tabIndex}
      title={title}
      style={style}
    />
  );
}

export function Iframe({ node, store }: ElementProps<"iframe">): JSX.Element {
  const p = node.props;
  usePayloads(store, p.hash !== undefined ? [p.hash] : []);
  const src =
    p.src ??
    (p.html_id !== undefined
      ? componentRoute("_html", p.html_id)
      : p.hash !== undefined
        ? store.mediaUrl(p.hash, p.mimetype ?? "application/octet-stream")
        : undefined);
  return (
    <Frame
      src={src}
      width={p.width}
      height={p.height}
      tabIndex={p.tab_index}
      title={p.alt ?? p.src ?? "st.iframe"}
    />
  );
}
