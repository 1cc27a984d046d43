// Small pieces shared by elements and widgets: markdown spans, help tooltips, widget labels.

import { useEffect, useState } from "preact/hooks";
import { renderMarkdown } from "../elements/markdownRender";
import type { TreeNode, ViewerStore, WidgetNode, WidgetProps, WidgetValueMap } from "./types";

/** Inline markdown (labels, captions, tab titles). */
export function InlineMarkdown({ text, class: cls }: { text: string; class?: string }) {
  return (
    <span
      class={cls}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text, { inline: true }) }}
    />
  );
}

/** A "?" that shows `text` (markdown) on hover and keyboard focus. */
export function Help({ text }: { text: string }) {
  return (
    <span class="sp-helptip" tabIndex={0} role="img" aria-label={`Help: ${text}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.3" />
        <text x="8" y="11.5" text-anchor="middle" font-size="10" fill="currentColor">
          ?
        </text>
      </svg>
      <span
        class="sp-tooltip"
        role="tooltip"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
      />
    </span>
  );
}

export function str(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === "number" ? value : fallback;
}

/** The common widget props (WidgetProps, declared once in the schema), with their defaults. */
export function widgetProps(node: TreeNode<WidgetProps>) {
  const p = node.props;
  return {
    id: p.id,
    label: p.label,
    visibility: p.label_visibility ?? "visible",
    disabled: p.disabled === true,
    help: p.help !== undefined && p.help !== "" ? p.help : undefined,
  };
}

/** A DOM id for a widget's control, so its <label for> points at it. */
export function controlId(node: TreeNode): string {
  return `sp-w-${node.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * A widget's label: markdown, with its help icon. `hidden` keeps the space (and the accessible
 * name), `collapsed` removes the row, as Streamlit does.
 */
export function WidgetLabel({
  node,
  htmlFor,
  as = "label",
}: {
  node: TreeNode<WidgetProps>;
  htmlFor?: string;
  as?: "label" | "div";
}) {
  const { label, visibility, help } = widgetProps(node);
  const Tag = as;
  return (
    <div class={`sp-label-row sp-label-${visibility}`}>
      <Tag
        class="sp-label"
        for={Tag === "label" ? htmlFor : undefined}
        id={htmlFor ? `${htmlFor}-label` : undefined}
      >
        <InlineMarkdown text={label} />
      </Tag>
      {help && visibility === "visible" && <Help text={help} />}
    </div>
  );
}

/** Force a re-render when a payload arrives. */
export function usePayload(store: ViewerStore, hash: string | undefined): unknown {
  const [, setTick] = useState(0);
  const bump = () => setTick((n) => n + 1);
  useEffect(() => (hash ? store.subscribePayload(hash, bump) : undefined), [store, hash]);
  return hash ? store.getPayload(hash) : undefined;
}

/**
 * The value a widget shows and a setter that sends it (see ViewerStore.setWidgetValue), typed as
 * the widget's declared wire `value` (`WidgetValueMap`).
 */
export function useWidget<N extends WidgetNode>({
  node,
  store,
}: {
  node: N;
  store: ViewerStore;
}): [N["props"]["value"], (value: WidgetValueMap[N["type"]], send?: boolean) => void] {
  const value = store.widgetValue(node);
  const set = (next: WidgetValueMap[N["type"]], send = true) =>
    store.setWidgetValue(node, next, send ? undefined : { send: false });
  return [value, set];
}
