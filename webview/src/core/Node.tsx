// Draws one node of the tree by its type's registered component. Each NodeView subscribes to its
// own node, so an upsert re-renders just that node (and a new child re-renders just its parent).

import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { useLayoutEffect, useState } from "preact/hooks";
import type { RunInfo } from "./store";
import type { TreeNode, ViewerStore } from "./types";
import { componentFor } from "./types";

/** Block types: they hold children, so the stale-run dimming applies to their leaves instead. */
export const BLOCK_TYPES = new Set([
  "container",
  "columns",
  "column",
  "grid",
  "grid_cell",
  "tabs",
  "tab",
  "expander",
  "popover",
  "form",
  "chat_message",
  "status",
  "dialog",
  "root",
]);

/** Re-render the calling component whenever node `key` changes; returns the current node. */
export function useNode(store: ViewerStore, key: string): TreeNode | undefined {
  const [, setTick] = useState(0);
  const node = store.getNode(key);
  const rendered = node?.version;
  useLayoutEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const unsubscribe = store.subscribeNode(key, bump);
    // Frames may land between this render and the subscription (an early transport delivers
    // buffered frames at once): catch up instead of missing them.
    if (store.getNode(key)?.version !== rendered) bump();
    return unsubscribe;
  }, [store, key]);
  return node;
}

/** Children of a node in index order. */
export function childrenOf(node: TreeNode): TreeNode[] {
  return [...node.children.entries()].sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

export function NodeView({ nodeKey, store }: { nodeKey: string; store: ViewerStore }) {
  const node = useNode(store, nodeKey);
  if (!node) return null;
  const Draw = componentFor(node.type);
  const run = (store as ViewerStore & Partial<RunInfo>).nodeRun?.(nodeKey);
  const block = BLOCK_TYPES.has(node.type);
  return (
    <div
      class={block ? `sp-node sp-block sp-${node.type}-node` : `sp-node sp-el sp-${node.type}-node`}
      data-run={block ? undefined : run}
      data-key={block ? nodeKey : undefined}
    >
      <ElementBoundary type={node.type}>
        {Draw ? (
          <Draw node={node} store={store} />
        ) : (
          <div class="sp-unsupported">
            unsupported element <code>{node.type}</code>
          </div>
        )}
      </ElementBoundary>
    </div>
  );
}

/** The children of a block, each in its own NodeView. */
export function Children({ node, store }: { node: TreeNode; store: ViewerStore }) {
  return (
    <>
      {childrenOf(node).map((child) => (
        <NodeView key={child.key} nodeKey={child.key} store={store} />
      ))}
    </>
  );
}

interface BoundaryState {
  error: unknown;
}

/** One element failing to draw shows its error in place; the rest of the page keeps working. */
export class ElementBoundary extends Component<
  { type: string; children: ComponentChildren },
  BoundaryState
> {
  override state: BoundaryState = { error: undefined };

  static override getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const message =
      this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <div class="sp-render-error" role="alert">
        Could not draw <code>{this.props.type}</code>: {message}
      </div>
    );
  }
}
