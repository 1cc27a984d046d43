// Layout blocks: container, columns/column, tabs/tab, expander.

import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { Children, childrenOf, NodeView } from "../core/Node";
import { InlineMarkdown } from "../core/ui";
import type { ColumnsProps, ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { Collapsible } from "./collapsible";

/** A fixed height (pixels) whose content scrolls; absent: as tall as the content. */
export function scrollingStyle(height: number | undefined): JSX.CSSProperties | undefined {
  return height !== undefined ? { height: `${height}px`, overflowY: "auto" } : undefined;
}

function Container({ node, store }: ElementProps<"container">) {
  const p = node.props;
  // The runtime decides the border (a fixed height has one unless the script said border=False).
  const cls = ["sp-container", p.border && "sp-bordered", p.horizontal && "sp-horizontal"]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={cls} style={scrollingStyle(p.height)}>
      <Children node={node} store={store} />
    </div>
  );
}

const GAPS: Record<Exclude<ColumnsProps["gap"], number | null>, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "1rem",
  medium: "2rem",
  large: "4rem",
  xlarge: "6rem",
  xxlarge: "8rem",
};

const ALIGN: Record<ColumnsProps["vertical_alignment"], string> = {
  top: "flex-start",
  center: "center",
  bottom: "flex-end",
};

function Columns({ node, store }: ElementProps<"columns">) {
  const p = node.props;
  const gap = p.gap === null ? "0" : typeof p.gap === "number" ? `${p.gap}px` : GAPS[p.gap];
  const align = ALIGN[p.vertical_alignment];
  return (
    <div
      class={p.wrap === false ? "sp-columns sp-nowrap" : "sp-columns"}
      style={{ gap, alignItems: align }}
    >
      <Children node={node} store={store} />
    </div>
  );
}

function Column({ node, store }: ElementProps<"column">) {
  return (
    <div
      class={node.props.border ? "sp-column sp-bordered" : "sp-column"}
      style={{ flex: `${node.props.weight} 1 0%` }}
    >
      <Children node={node} store={store} />
    </div>
  );
}

/** The chosen tab per tabs block, kept across reruns and remounts while the labels stay. */
const chosenTabs = new Map<string, number>();

function Tabs({ node, store }: ElementProps<"tabs">) {
  const { labels, height } = node.props;
  const memo = `${node.key}|${labels.join("\u0000")}`;
  const [selected, setSelected] = useState(() => chosenTabs.get(memo) ?? node.props.default ?? 0);
  const choose = (i: number) => {
    chosenTabs.set(memo, i);
    setSelected(i);
  };
  const tabs = childrenOf(node);
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
      <div class="sp-tabpanels" style={scrollingStyle(height)}>
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

function Tab({ node, store }: ElementProps<"tab">) {
  return (
    <div class="sp-tab-content">
      <Children node={node} store={store} />
    </div>
  );
}

function Expander(props: ElementProps<"expander">) {
  const [open, setOpen] = useState(props.node.props.expanded);
  const icon = props.node.props.icon;
  return (
    <Collapsible
      {...props}
      open={open}
      setOpen={setOpen}
      lead={icon !== undefined && <Icon icon={icon} />}
    />
  );
}

registerElement("container", Container);
registerElement("columns", Columns);
registerElement("column", Column);
registerElement("tabs", Tabs);
registerElement("tab", Tab);
registerElement("expander", Expander);
