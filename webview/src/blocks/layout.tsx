// Layout blocks: container, columns/column, tabs/tab, expander.

import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Children, childrenOf, NodeView } from "../core/Node";
import { InlineMarkdown } from "../core/ui";
import type { ColumnsProps, ContainerProps, ElementProps, ScrollingBlock } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";
import { useAutoscroll } from "./autoscroll";
import { Collapsible } from "./collapsible";

/**
 * A block's height: pixels (its content scrolls), "stretch" (fills its parent's height) or
 * absent (as tall as its content).
 */
export function scrollingStyle(height: ScrollingBlock["height"]): JSX.CSSProperties | undefined {
  // Grow along a column parent (a fixed-height container), fill a row's height across it.
  if (height === "stretch") return { flex: "1 1 auto", alignSelf: "stretch" };
  return height !== undefined ? { height: `${height}px`, overflowY: "auto" } : undefined;
}

/**
 * The CSS class Streamlit gives a container with a `key`: `st-key-<key>`, each character other
 * than a letter, digit, `_` or `-` made a `-` ("" without a key). Scripts style their keyed
 * containers with it through `st.html`/`st.markdown` CSS.
 */
export function keyClassName(key: string | undefined): string {
  return key !== undefined && key !== "" ? `st-key-${key.replace(/[^A-Za-z0-9_-]/g, "-")}` : "";
}

/** A block's fixed width in pixels (never wider than its parent); absent: stretch. */
export function widthStyle(width: number | undefined): JSX.CSSProperties {
  return width !== undefined ? { width: `${width}px`, maxWidth: "100%" } : {};
}

type Gap = Exclude<ContainerProps["gap"], undefined>;

/** The CSS length of a gap: a named size, pixels, or none. */
export function gapLength(gap: Gap): string {
  return gap === null ? "0" : typeof gap === "number" ? `${gap}px` : GAPS[gap];
}

const FLEX: Record<string, string> = {
  left: "flex-start",
  top: "flex-start",
  center: "center",
  right: "flex-end",
  bottom: "flex-end",
  distribute: "space-between",
};

/**
 * Where a container's children sit, as Streamlit lays out its flex containers: along the main
 * axis ("distribute" spreads them), across it ("distribute" in a row stretches each to the
 * row's height).
 */
export function containerStyle(p: ContainerProps): JSX.CSSProperties {
  const style: JSX.CSSProperties = { ...scrollingStyle(p.height) };
  const along = p.horizontal ? p.horizontal_alignment : p.vertical_alignment;
  const across = p.horizontal ? p.vertical_alignment : p.horizontal_alignment;
  if (along !== undefined) style.justifyContent = FLEX[along];
  if (across !== undefined) {
    style.alignItems =
      across === "distribute" ? (p.horizontal ? "stretch" : "flex-start") : FLEX[across];
  }
  if (p.horizontal || p.gap !== undefined)
    style.gap = gapLength(p.gap === undefined ? "small" : p.gap);
  if (p.width === "content") style.width = "fit-content";
  else Object.assign(style, widthStyle(p.width));
  return style;
}

function Container({ node, store }: ElementProps<"container">) {
  const p = node.props;
  const box = useAutoscroll(typeof p.height === "number", p.autoscroll);
  // The runtime decides the border (a fixed height has one unless the script said border=False).
  // A row, or a set gap, spaces the children by the gap alone (no margins of their own).
  const cls = [
    "sp-container",
    keyClassName(p.key),
    p.border && "sp-bordered",
    p.horizontal && "sp-horizontal",
    p.wrap === false && "sp-nowrap",
    (p.horizontal || p.gap !== undefined) && "sp-gapped",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div ref={box} class={cls} style={containerStyle(p)}>
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
  const align = ALIGN[p.vertical_alignment];
  return (
    <div
      class={p.wrap === false ? "sp-columns sp-nowrap" : "sp-columns"}
      style={{ gap: gapLength(p.gap), alignItems: align, ...widthStyle(p.width) }}
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
  const { labels, height, width } = node.props;
  const memo = `${node.key}|${labels.join("\u0000")}`;
  const [local, setLocal] = useState(() => chosenTabs.get(memo) ?? node.props.default ?? 0);
  // Stateful tabs (`on_change` set): the chosen label is a widget value, sent and rerun.
  const stateful = node.props.id !== undefined;
  const shown = stateful ? labels.indexOf(store.widgetValue(node) as string) : local;
  const selected = shown >= 0 ? shown : 0;
  const choose = (i: number) => {
    if (stateful) {
      const label = labels[i];
      if (i !== selected && label !== undefined) store.setWidgetValue(node, label);
      return;
    }
    chosenTabs.set(memo, i);
    setLocal(i);
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
    <div class={`sp-tabs ${keyClassName(node.props.key)}`.trim()} style={widthStyle(width)}>
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
  const { node, store } = props;
  const { expanded, label } = node.props;
  const [local, setLocal] = useState(expanded);
  // The script's `expanded` wins when it (or the label: another expander here) changes, as in
  // Streamlit; a rerun that leaves both alone keeps what the person chose.
  useEffect(() => setLocal(expanded), [expanded, label]);
  // A stateful expander (`on_change` set): open or closed is a widget value, sent and rerun.
  const stateful = node.props.id !== undefined;
  const open = stateful ? store.widgetValue(node) === true : local;
  const setOpen = stateful ? (next: boolean) => store.setWidgetValue(node, next) : setLocal;
  const { icon, width } = node.props;
  return (
    <Collapsible
      {...props}
      open={open}
      setOpen={setOpen}
      extraClass={keyClassName(node.props.key)}
      style={widthStyle(width)}
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
