// The shared body of `expander` and `status`: a header button that opens and closes its children.

import type { ComponentChildren, JSX } from "preact";
import { Children } from "../core/Node";
import { InlineMarkdown } from "../core/ui";
import type { CollapsibleBlock, TreeNode, ViewerStore } from "../core/types";

interface CollapsibleProps {
  node: TreeNode<CollapsibleBlock>;
  store: ViewerStore;
  /** Extra classes on the outer box (state, kind). */
  extraClass?: string;
  style?: JSX.CSSProperties;
  /** What leads the header: an icon, a spinner, a state mark. */
  lead?: ComponentChildren;
  open: boolean;
  setOpen: (open: boolean) => void;
  attrs?: Record<string, string>;
}

export function Collapsible(p: CollapsibleProps) {
  const { node, store, open } = p;
  const id = `sp-${node.type}-${node.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const { type, label } = node.props;
  const cls = ["sp-expander", p.extraClass, open && "sp-open", type && `sp-expander-${type}`]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={cls} style={p.style} {...p.attrs}>
      <button
        type="button"
        class="sp-expander-head"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => p.setOpen(!open)}
      >
        {p.lead}
        <InlineMarkdown class="sp-expander-label" text={label} />
        <span class="sp-chevron" aria-hidden="true" />
      </button>
      <div id={id} class="sp-expander-body" hidden={!open}>
        <Children node={node} store={store} />
      </div>
    </div>
  );
}
