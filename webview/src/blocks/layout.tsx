// Layout blocks: container, columns/column, tabs/tab, expander.

import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { Children, childrenOf, NodeView } from "../core/Node";
import { InlineMarkdown, num, str } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { Collapsible } from "./collapsible";

function Container({ node, store }: ElementProps) {
  const p = node.props;
  const height = typeof p.height === "number" ? p.height : undefined;
  const border = p.border === true || (p.border === undefined && height !== undefined);
  const style: JSX.CSSProperties =
    height !== undefined ? { height: `${height}px`, overflowY: "auto" } : {};
  const cls = ["sp-container", border && "sp-bordered", p.horizontal === true && "sp-horizontal"]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={cls} style={style}>
      <Children node={node} store={store} />
    </div>
  );
}

const GAPS: Record<string, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "1rem",
  medium: "2rem",
  large: "4rem",
  xlarge: "6rem",
  xxlarge: "8rem",
};

function Columns({ node, store }: ElementProps) {
  const p = node.props;
  const gap =
    p.gap === null
      ? "0"
      : typeof p.gap === "number"
        ? `${p.gap}px`
        : (GAPS[str(p.gap, "small")] ?? "1rem");
  const align =
    { top: "flex-start", center: "center", bottom: "flex-end" }[str(p.vertical_alignment, "top")] ??
    "flex-start";
  return (
    <div
      class={p.wrap === false ? "sp-columns sp-nowrap" : "sp-columns"}
      style={{ gap, alignItems: align }}
    >
      <Children node={node} store={store} />
    </div>
  );
}

function Column({ node, store }: ElementProps) {
  const weight = num(node.props.weight, 1);
  return (
    <div
      class={node.props.border === true ? "sp-column sp-bordered" : "sp-column"}
      style={{ flex: `${weight} 1 0%` }}
    >
      <Children node={node} store={store} />
    </div>
  );
}

/** The chosen tab per tabs block, kept across reruns and remounts while the labels stay. */
const chosenTabs = new Map<string, number>();

function Tabs({ node, store }: ElementProps) {
  const labels = Array.isArray(node.props.labels) ? node.props.labels.map((l) => String(l)) : [];
  const memo = `${node.key}|${labels.join("\u0000")}`;
  const [selected, setSelected] = useState(
    () => chosenTabs.get(memo) ?? num(node.props.default, 0),
  );
  const choose = (i: number) => {
    chosenTabs.set(memo, i);
    setSelected(i);
  };
  const tabs = childrenOf(node);
  const height = typeof node.props.height === "number" ? node.props.height : undefined;
  const onKey = (e: KeyboardEvent) => {
    const delta = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!delta || labels.length === 0) return;
    e.preventDefault();
    const next = (selected + delta + labels.length) % labels.length;
    choose(next);
    const list = (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>("[role=tab]");
    list[next]?.focus();
  };
  return (
    <div class="sp-tabs">
      <div class="sp-tablist" role="tablist" onKeyDown={onKey}>
        {labels.map((label, i) => (
          <button
            key={i}
            type="button"
            role="tab"
            id={`${node.key}-tab-${i}`}
            aria-selected={i === selected}
            tabIndex={i === selected ? 0 : -1}
            class={i === selected ? "sp-tab sp-tab-selected" : "sp-tab"}
            onClick={() => choose(i)}
          >
            <InlineMarkdown text={label} />
          </button>
        ))}
      </div>
      <div
        class="sp-tabpanels"
        style={height !== undefined ? { height: `${height}px`, overflowY: "auto" } : undefined}
      >
        {tabs.map((tab, i) => (
          <div
            key={tab.key}
            role="tabpanel"
            aria-labelledby={`${node.key}-tab-${i}`}
            hidden={i !== selected}
          >
            <NodeView nodeKey={tab.key} store={store} />
          </div>
        ))}
      </div>
    </div>
  );
}

function Tab({ node, store }: ElementProps) {
  return (
    <div class="sp-tab-content">
      <Children node={node} store={store} />
    </div>
  );
}

function Expander(props: ElementProps) {
  const [open, setOpen] = useState(props.node.props.expanded === true);
  const icon = props.node.props.icon;
  return (
    <Collapsible
      {...props}
      open={open}
      setOpen={setOpen}
      lead={typeof icon === "string" && <Icon icon={icon} />}
    />
  );
}

registerElement("container", Container);
registerElement("columns", Columns);
registerElement("column", Column);
registerElement("tabs", Tabs);
registerElement("tab", Tab);
registerElement("expander", Expander);
