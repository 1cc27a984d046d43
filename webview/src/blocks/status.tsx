// `status` (st.status): an expander whose icon says how a task is going — a spinner while
// "running", a check when "complete", an error mark on "error".

import { useEffect, useRef, useState } from "preact/hooks";
import { str } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { Collapsible } from "./collapsible";

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
  return (
    <Collapsible
      node={node}
      store={store}
      open={open}
      setOpen={setOpen}
      extraClass={`sp-status-block sp-state-${state}`}
      attrs={{ "data-state": state }}
      style={
        typeof node.props.width === "number" ? { maxWidth: `${node.props.width}px` } : undefined
      }
      lead={
        <>
          <StateIcon state={state} />
          <span class="sp-visually-hidden">{STATE_LABELS[state] ?? state}:</span>
        </>
      }
    />
  );
}

registerElement("status", Status);
