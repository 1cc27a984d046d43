// `component_frame`: components.html (its page served by Sidepane, see frame_policy.ts)
// or components.iframe (any URL), at a fixed height, as wide as its container unless a width
// is given (docs/protocol.md, "Custom components").

import type { JSX } from "preact";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { FEATURE_POLICY, componentRoute, frameAllowed, sandboxFor } from "./frame_policy";
import { PanelNotice } from "./panel_notice";
import "../styles/components.css";

export function ComponentFrame({ node }: ElementProps<"component_frame">): JSX.Element {
  const p = node.props;
  const src = p.src ?? componentRoute("_html", p.html_id ?? "");
  if (!frameAllowed(src)) {
    return <PanelNotice what={p.src !== undefined ? p.src : "this HTML component"} />;
  }
  const style: JSX.CSSProperties = {
    width: p.width !== undefined ? `${p.width}px` : "100%",
    height: `${p.height}px`,
    colorScheme: "normal",
  };
  return (
    <iframe
      class="sp-component-frame"
      data-testid="stIFrame"
      src={src}
      sandbox={sandboxFor(src)}
      allow={FEATURE_POLICY}
      scrolling={p.scrolling === true ? "auto" : "no"}
      tabIndex={p.tab_index}
      title={p.src !== undefined ? p.src : "st.components.v1.html"}
      style={style}
    />
  );
}

registerElement("component_frame", ComponentFrame);
