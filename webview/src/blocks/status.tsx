// `status` (st.status): an expander whose icon says how a task is going — a spinner while
// "running", a check when "complete", an error mark on "error".

import { useEffect, useRef, useState } from "preact/hooks";
import { Children } from "../core/Node";
import { InlineMarkdown, str } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";

const STATE_LABELS: Record<string, string> = {
  running: "Running",
  complete: "Complete",
  error: "Error",
};

function StateIcon({ state }: { state: string }) {
  if (state === "running")
    return <span class="sp-spinner-wheel sp-status-icon" aria-hidden="true" />;
  return (
    <span class={`sp-status-icon sp-status-${state}`}>
      <Icon icon={state === "error" ? ":material/error:" : ":material/check:"} />
    </span>
  );
}

function Status({ node, store }: ElementProps) {
  const expanded = node.props.expanded === true;
  const [open, setOpen] = useState(expanded);
  // The script's `expanded` wins when it changes (status.update(expanded=...)); otherwise the
  // person's choice stays across updates and reruns.
  const seen = useRef(expanded);
  useEffect(() => {
    if (seen.current !== expanded) {
      seen.current = expanded;
      setOpen(expanded);
    }
  }, [expanded]);
  const state = str(node.props.state, "running");
  const type = str(node.props.type);
  const id = `sp-status-${node.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <div
      class={`sp-expander sp-status-block sp-state-${state}${open ? " sp-open" : ""}${type ? ` sp-expander-${type}` : ""}`}
      data-state={state}
      style={
        typeof node.props.width === "number" ? { maxWidth: `${node.props.width}px` } : undefined
      }
    >
      <button
        type="button"
        class="sp-expander-head"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <StateIcon state={state} />
        <span class="sp-visually-hidden">{STATE_LABELS[state] ?? state}:</span>
        <InlineMarkdown class="sp-expander-label" text={str(node.props.label)} />
        <span class="sp-chevron" aria-hidden="true" />
      </button>
      <div id={id} class="sp-expander-body" hidden={!open}>
        <Children node={node} store={store} />
      </div>
    </div>
  );
}

registerElement("status", Status);
