// `component_instance`: a declared custom component (docs/protocol.md, "Custom components").
// Its page loads in a sandboxed frame (frame_policy.ts) and speaks Streamlit's component
// protocol (bridge.ts): once it says it is ready it gets `streamlit:render` (again whenever its
// args, tables, disabled flag, theme or width change); a value it sets becomes the widget's
// value, which reruns the app; it sets its own height.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { widgetProps } from "../core/ui";
import { useElementWidth, useTheme } from "../data/hooks";
import {
  API_VERSION,
  dataframeArgs,
  exportedTheme,
  readMessage,
  renderMessage,
  wireValue,
} from "./bridge";
import { FEATURE_POLICY, componentSrc, frameAllowed, sandboxFor } from "./frame_policy";
import { PanelNotice } from "./panel_notice";
import "../styles/components.css";

/** How long a component may take to say it is ready before the app says it has trouble. */
export const READY_WARNING_MS = 60_000;

export function ComponentInstance({ node, store }: ElementProps<"component_instance">) {
  const p = node.props;
  const { disabled } = widgetProps(node);
  const outer = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const width = useElementWidth(outer);
  const theme = useTheme();
  const initialHeight = typeof p.args.height === "number" ? p.args.height : undefined;
  const [height, setHeight] = useState<number | undefined>(initialHeight);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const src = useMemo(() => componentSrc(p.name, p.url), [p.name, p.url]);
  const args = useMemo(() => ({ ...p.args, ...p.bytes_args }), [p.args, p.bytes_args]);
  const dfs = useMemo(() => dataframeArgs(p.dataframe_args), [p.dataframe_args]);

  // The latest props for the message handler, which lives as long as the frame.
  const latest = useRef({ node, args, dfs, disabled, theme });
  latest.current = { node, args, dfs, disabled, theme };
  const render = (): void => {
    const target = frame.current?.contentWindow;
    const { args: a, dfs: tables, disabled: d, theme: t } = latest.current;
    target?.postMessage(renderMessage(a, tables, d, exportedTheme(t)), "*");
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const message = readMessage(event.data);
      if (message === null) return;
      switch (message.type) {
        case "streamlit:componentReady":
          if (message.apiVersion !== API_VERSION) {
            setProblem(`Unrecognized component API version: '${message.apiVersion}'`);
            return;
          }
          setReady(true);
          render();
          return;
        case "streamlit:setFrameHeight":
          setHeight(message.height);
          return;
        case "streamlit:setComponentValue": {
          if (latest.current.disabled) return;
          const value = wireValue(message.value, message.dataType);
          if (value !== undefined) store.setWidgetValue(latest.current.node, value);
          return;
        }
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [store, src]);

  // A new page (another component or url) starts unready.
  useEffect(() => {
    setReady(false);
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), READY_WARNING_MS);
    return () => clearTimeout(timer);
  }, [src]);

  useEffect(() => {
    if (ready) render();
  }, [ready, args, dfs, disabled, theme, width]);

  // In VS Code's panel a `url=` component's dev server on loopback is out of reach when the
  // script runs on another machine (frame_policy.ts): the notice offers the browser.
  if (
    !frameAllowed(src, undefined, undefined, { devServer: p.url !== undefined && p.url !== "" })
  ) {
    return <PanelNotice what={`the ${p.name} component`} />;
  }
  if (problem !== null) {
    return (
      <div class="sp-alert sp-alert-error" role="alert">
        <div class="sp-alert-body">{problem}</div>
      </div>
    );
  }
  const style: JSX.CSSProperties = {
    width: "100%",
    height: `${height ?? 0}px`,
    colorScheme: "normal",
    display: ready ? "block" : "none",
  };
  return (
    <div ref={outer} class="sp-component" data-component={p.name}>
      {!ready && !slow && height !== 0 && (
        <div class="sp-component-loading" style={{ height: `${height ?? 40}px` }} />
      )}
      {!ready && slow && (
        <div class="sp-alert sp-alert-warning" role="alert">
          <div class="sp-alert-body">
            Your app is having trouble loading the <strong>{p.name}</strong> component
            {p.url !== undefined ? ` from ${p.url}` : ""}: it has not said it is ready (no{" "}
            <code>Streamlit.setComponentReady()</code> message).
          </div>
        </div>
      )}
      <iframe
        ref={frame}
        class="sp-component-frame"
        data-testid="stCustomComponentV1"
        title={p.name}
        src={src}
        sandbox={sandboxFor(src)}
        allow={FEATURE_POLICY}
        tabIndex={p.tab_index}
        scrolling="no"
        style={style}
      />
    </div>
  );
}

registerElement("component_instance", ComponentInstance);
