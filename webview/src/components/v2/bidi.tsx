// `bidi_component`: an `st.components.v2` instance (docs/protocol.md, "Components v2"). The
// app's page runs no third-party script, so the component runs in a sandboxed frame served by
// Sidepane (the app's server, or the components server in VS Code's panel), whose page is the
// frame runtime (frame_runtime.ts). Once the frame says it is ready it gets `render` (again
// whenever the data, definition, theme or size mode change); state it sets becomes the widget's
// value (a rerun), triggers go to the instance's events widget; the frame is as tall (and, for
// width="content", as wide) as its content.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps, NodeOf } from "../../core/types";
import { registerElement } from "../../core/types";
import { useTheme } from "../../data/hooks";
import { FEATURE_POLICY, componentRoute, frameAllowed, sandboxFor } from "../frame_policy";
import { PanelNotice } from "../panel_notice";
import type { FrameDefinition, RenderMessage, Size } from "./messages";
import { readFrameMessage } from "./messages";
import { componentThemeVariables } from "./theme_vars";
import "../../styles/components.css";

type Props = NodeOf<"bidi_component">["props"];

const ARROW_REF_KEY = "__streamlit_arrow_ref__";

/** The component's definition as the frame takes it, with its files' absolute URLs. */
export function frameDefinition(p: Props, here: string = location.href): FrameDefinition {
  const url = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : new URL(componentRoute(p.name, path), here).href;
  return {
    name: p.name,
    html: p.html,
    css: p.css,
    js: p.js,
    cssUrl: url(p.css_path),
    jsUrl: url(p.js_path),
    isolateStyles: p.isolate_styles !== false,
  };
}

/** `data` as the frame gets it: JSON, bytes, or a table's Arrow IPC bytes (also for each table
 * one level deep in a dict, in place of its reference), and which of it is Arrow. */
export function frameData(p: Props): { data: unknown; arrow?: "data" | string[] } {
  if (p.data_bytes !== undefined) return { data: p.data_bytes };
  if (p.data_arrow !== undefined) return { data: p.data_arrow, arrow: "data" };
  const data: unknown = p.data ?? null;
  const refs = p.arrow_refs;
  if (refs === undefined || typeof data !== "object" || data === null || Array.isArray(data))
    return { data };
  const out: Record<string, unknown> = {};
  const arrow: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    const ref =
      typeof v === "object" && v !== null ? (v as Record<string, unknown>)[ARROW_REF_KEY] : null;
    if (typeof ref === "string" && ref in refs) {
      out[k] = refs[ref];
      arrow.push(k);
    } else {
      out[k] = v;
    }
  }
  return { data: out, arrow };
}

/** The frontend key: unique per instance, usable as a DOM id or class. */
export function frontendKey(id: string): string {
  return `st-${id.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

/** The frame's CSS width or height: pixels, its container's, or its measured content's
 * (`unmeasured` until the frame has reported it). */
function cssSize(size: Size, measured: number | undefined, unmeasured: string): string {
  if (typeof size === "number") return `${size}px`;
  if (size === "stretch") return "100%";
  return measured === undefined ? unmeasured : `${measured}px`;
}

export function BidiComponent({ node, store }: ElementProps<"bidi_component">) {
  const p = node.props;
  const outer = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const theme = useTheme();
  const [ready, setReady] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const src = componentRoute("_html", p.host);
  const width: Size = p.width ?? "stretch";
  const height: Size = p.height ?? "content";
  const definition = useMemo(
    () => frameDefinition(p),
    [p.name, p.html, p.css, p.js, p.css_path, p.js_path, p.isolate_styles],
  );
  const data = useMemo(() => frameData(p), [p.data, p.data_bytes, p.data_arrow, p.arrow_refs]);

  // The latest props for the message handler, which lives as long as the frame.
  const latest = useRef({ node, definition, data, theme, width, height });
  latest.current = { node, definition, data, theme, width, height };
  const render = (): void => {
    const target = frame.current?.contentWindow;
    const where = outer.current;
    if (!target || !where) return;
    const l = latest.current;
    const message: RenderMessage = {
      sidepaneV2: "render",
      definition: l.definition,
      key: frontendKey(l.node.props.id),
      data: l.data.data,
      ...(l.data.arrow !== undefined ? { arrow: l.data.arrow } : {}),
      theme: componentThemeVariables(where, l.theme),
      colorScheme: l.theme,
      width: l.width,
      height: l.height,
    };
    target.postMessage(message, "*");
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const message = readFrameMessage(event.data);
      if (message === null) return;
      switch (message.sidepaneV2) {
        case "ready":
          setReady(true);
          render();
          return;
        case "size":
          setSize({ width: message.width, height: message.height });
          return;
        case "error":
          setProblem(message.message);
          return;
        case "update": {
          const current = latest.current.node;
          const props = current.props;
          const shown = store.widgetValue(current);
          const state = { ...shown, ...message.state };
          const stateChanged = JSON.stringify(state) !== JSON.stringify(shown);
          if (message.triggers.length > 0) {
            // The state goes along with the trigger's widget_value: one rerun for both.
            if (stateChanged) store.setWidgetValue(current, state, { send: false });
            store.sendTrigger?.(props.events_id, message.triggers);
          } else if (stateChanged) {
            store.setWidgetValue(current, state);
          }
          return;
        }
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [store, src]);

  useEffect(() => {
    setReady(false);
  }, [src]);

  useEffect(() => {
    if (ready) render();
  }, [ready, definition, data, theme, width, height]);

  // In VS Code's panel the frame comes from the language server's components server; without
  // one the panel's CSP allows no frame.
  if (!frameAllowed(src)) return <PanelNotice what={`the ${p.name} component`} />;
  const style: JSX.CSSProperties = {
    width: cssSize(width, size?.width, "100%"),
    maxWidth: "100%",
    height: cssSize(height, size?.height, "0px"),
    // The frame's document takes the theme's scheme (frame_runtime.ts); a frame whose scheme
    // differs from its element's gets an opaque backdrop instead of showing the page through.
    // "normal" would follow the page's <meta name="color-scheme">, which VS Code's panel lacks.
    colorScheme: theme,
    border: "none",
    display: "block",
  };
  return (
    <div
      ref={outer}
      class="sp-component-v2"
      // height="stretch": the frame fills the container the component is in.
      style={height === "stretch" ? { height: "100%" } : undefined}
      data-testid="stBidiComponent"
      data-component={p.name}
    >
      {problem !== null && (
        <div class="sp-alert sp-alert-error" role="alert">
          <div class="sp-alert-body">
            The <strong>{p.name}</strong> component failed: {problem}
          </div>
        </div>
      )}
      <iframe
        ref={frame}
        class="sp-component-frame"
        title={p.name}
        src={src}
        sandbox={sandboxFor(src)}
        allow={FEATURE_POLICY}
        scrolling="no"
        style={style}
      />
    </div>
  );
}

registerElement("bidi_component", BidiComponent);
