// Small elements: text, divider, html, alert, progress, spinner, empty.

import { useEffect, useState } from "preact/hooks";
import { Help } from "../core/ui";
import type { AlertProps, ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { componentRoute } from "../components/frame_policy";
import { Frame } from "../documents/iframe";
import { renderMarkdown, sanitize } from "./markdownRender";
import { Icon } from "./icon";
import { textLayout } from "./textLayout";

function Text({ node }: ElementProps<"text">) {
  const p = node.props;
  const layout = textLayout(p, "content");
  return (
    <div class={layout.wrap ? "sp-text" : "sp-text sp-text-one-line"} style={layout.style}>
      {p.body}
      {p.help !== undefined && <Help text={p.help} />}
    </div>
  );
}

function Divider() {
  return <hr class="sp-divider" />;
}

function Html({ node }: ElementProps<"html">) {
  const { body, width, javascript } = node.props;
  if (javascript !== undefined) {
    return (
      <Frame
        src={componentRoute("_html", javascript)}
        width={width}
        height="content"
        title="st.html"
      />
    );
  }
  const style =
    width === "content"
      ? { width: "fit-content" }
      : width !== undefined
        ? { width: `${width}px` }
        : undefined;
  return (
    <div
      class="sp-html"
      style={style ? { ...style, maxWidth: "100%" } : undefined}
      dangerouslySetInnerHTML={{ __html: sanitize(body) }}
    />
  );
}

const ALERT_ICONS: Record<AlertProps["kind"], string> = {
  success: "✓",
  info: "i",
  warning: "!",
  error: "✕",
};

function Alert({ node }: ElementProps<"alert">) {
  const { kind, icon, title, body } = node.props;
  return (
    <div
      class={`sp-alert sp-alert-${kind}`}
      role={kind === "error" || kind === "warning" ? "alert" : "status"}
    >
      <span class="sp-alert-icon" aria-hidden="true">
        {icon !== undefined ? (
          <Icon icon={icon} />
        ) : (
          <span class="sp-alert-glyph">{ALERT_ICONS[kind]}</span>
        )}
      </span>
      <div class="sp-alert-body">
        {title !== undefined && <strong class="sp-alert-title">{title}</strong>}
        <div dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
      </div>
    </div>
  );
}

function Progress({ node }: ElementProps<"progress">) {
  const { value, text } = node.props;
  return (
    <div class="sp-progress">
      {text !== undefined && text !== "" && (
        <div class="sp-progress-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
      )}
      <div
        class="sp-progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
      >
        <div class="sp-progress-bar" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

/** Shown only once it has been up for 0.5 s, as Streamlit does, so quick blocks never flash. */
function Spinner({ node }: ElementProps<"spinner">) {
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  const showTime = node.props.show_time === true;
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), showTime ? 100 : 500);
    return () => clearInterval(timer);
  }, [showTime]);
  const elapsed = (now - since) / 1000;
  if (elapsed < 0.5) return null;
  return (
    <div class="sp-spinner" role="status">
      <span class="sp-spinner-wheel" aria-hidden="true" />
      <span
        dangerouslySetInnerHTML={{ __html: renderMarkdown(node.props.text, { inline: true }) }}
      />
      {showTime && <span class="sp-spinner-time">({elapsed.toFixed(1)} seconds)</span>}
    </div>
  );
}

function Empty() {
  return null;
}

registerElement("text", Text);
registerElement("divider", Divider);
registerElement("html", Html);
registerElement("alert", Alert);
registerElement("progress", Progress);
registerElement("spinner", Spinner);
registerElement("empty", Empty);
