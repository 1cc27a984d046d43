// `status` (st.status): an expander whose icon says how a task is going — a spinner while
// "running", a check when "complete", an error mark on "error".

import { useEffect, useRef, useState } from "preact/hooks";
import type { ElementProps, StatusProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { Collapsible } from "./collapsible";

const STATE_LABELS: Record<StatusProps["state"], string> = {
  running: "Running",
  complete: "Complete",
  error: "Error",
};

function StateIcon({ state }: { state: StatusProps["state"] }) {
  if (state === "running")
    return <span class="sp-spinner-wheel sp-status-icon" aria-hidden="true" />;
  return (
    <span class={`sp-status-icon sp-status-${state}`}>
      <Icon icon={state === "error" ? ":material/error:" : ":material/check:"} />
    </span>
  );
}

function Status({ node, store }: ElementProps<"status">) {
  const { expanded, state, width } = node.props;
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
  return (
    <Collapsible
      node={node}
      store={store}
      open={open}
      setOpen={setOpen}
      extraClass={`sp-status-block sp-state-${state}`}
      attrs={{ "data-state": state }}
      style={width !== undefined ? { maxWidth: `${width}px` } : undefined}
      lead={
        <>
          <StateIcon state={state} />
          <span class="sp-visually-hidden">{STATE_LABELS[state]}:</span>
        </>
      }
    />
  );
}

registerElement("status", Status);
