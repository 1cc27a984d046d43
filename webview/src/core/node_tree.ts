// The element tree the viewer draws: nodes by path, patched by `upsert` and removed by `run_end`
// (docs/protocol.md). Components subscribe per node, so a frame re-renders only what it touches.

import type { Path, TreeNode, UpsertFrame } from "./types";

export function keyOf(path: Path): string {
  return path.join("/");
}

/** What the tree tells the store around it. */
export interface TreeHooks {
  /** A root (main, sidebar, …) got its first node. */
  rootAdded(name: string): void;
  /** A node was put in the tree or its props replaced. */
  upserted(node: TreeNode): void;
  /** A node left the tree (with its subtree, each node told). */
  forgotten(node: TreeNode): void;
}

export class NodeTree {
  private readonly nodes = new Map<string, TreeNode>();
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Node key → the run of its latest upsert. */
  private readonly runs = new Map<string, number>();
  private readonly roots: string[] = [];
  /** After a hello the runtime resends everything: nodes it does not resend are gone. */
  private resentSinceHello: Set<string> | undefined;

  constructor(private readonly hooks: TreeHooks) {
    this.root("main");
  }

  get(key: string): TreeNode | undefined {
    return this.nodes.get(key);
  }

  /** The run of the latest upsert at `key` (0 if none since the last hello). */
  nodeRun(key: string): number {
    return this.runs.get(key) ?? 0;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  notify(key: string): void {
    const set = this.listeners.get(key);
    if (set) for (const listener of [...set]) listener();
  }

  upsert(frame: UpsertFrame): void {
    const { path, type, props, run } = frame;
    if (path.length < 2 || typeof path[0] !== "string") return;
    const key = keyOf(path);
    const parentKey = keyOf(path.slice(0, -1));
    const parent = path.length === 2 ? this.root(path[0]) : this.nodes.get(parentKey);
    const index = path[path.length - 1];
    if (!parent || typeof index !== "number") {
      console.warn("sidepane: upsert without its parent", path);
      return;
    }
    this.runs.set(key, run);
    this.resentSinceHello?.add(key);
    const existing = this.nodes.get(key);
    if (existing && existing.type === type) {
      existing.props = props;
      existing.version++;
      this.hooks.upserted(existing);
      this.notify(key);
      return;
    }
    if (existing) this.dropDescendants(existing);
    const node: TreeNode = { key, path, type, props, children: new Map(), version: 0 };
    this.nodes.set(key, node);
    parent.children.set(index, node);
    this.hooks.upserted(node);
    if (!existing) {
      parent.version++;
      this.notify(parentKey);
    }
    this.notify(key);
  }

  /** Remove the node at `key` and its subtree. */
  remove(key: string): void {
    const node = this.nodes.get(key);
    if (!node || node.path.length < 2) return;
    const parentKey = keyOf(node.path.slice(0, -1));
    const parent = this.nodes.get(parentKey);
    const index = node.path[node.path.length - 1];
    this.dropDescendants(node);
    this.forget(node);
    if (parent && typeof index === "number") {
      parent.children.delete(index);
      parent.version++;
      this.notify(parentKey);
    }
    this.notify(key);
  }

  /** Tell the children of `key` they changed (their version moves on), without new props. */
  touchChildren(key: string): void {
    const node = this.nodes.get(key);
    if (!node) return;
    for (const child of node.children.values()) {
      child.version++;
      this.notify(child.key);
    }
  }

  /** Remove every child of root `name` (a page change empties the main body). */
  clearRoot(name: string): void {
    const root = this.nodes.get(name);
    if (root) for (const child of [...root.children.values()]) this.remove(child.key);
  }

  /** A hello: the runtime resends the whole tree, with run numbers that may start again. */
  resync(): void {
    this.runs.clear();
    this.resentSinceHello = new Set();
  }

  /** A run after a hello finished: what it did not resend is gone. */
  resynced(): void {
    const resent = this.resentSinceHello;
    if (resent === undefined) return;
    this.resentSinceHello = undefined;
    const stale: string[] = [];
    const walk = (node: TreeNode): void => {
      for (const child of node.children.values()) {
        if (resent.has(child.key)) walk(child);
        else stale.push(child.key);
      }
    };
    for (const root of this.roots) {
      const node = this.nodes.get(root);
      if (node) walk(node);
    }
    for (const key of stale) this.remove(key);
  }

  private root(name: string): TreeNode {
    let root = this.nodes.get(name);
    if (!root) {
      root = { key: name, path: [name], type: "root", props: {}, children: new Map(), version: 0 };
      this.nodes.set(name, root);
      this.roots.push(name);
      this.hooks.rootAdded(name);
    }
    return root;
  }

  private dropDescendants(node: TreeNode): void {
    for (const child of node.children.values()) {
      this.dropDescendants(child);
      this.forget(child);
    }
    node.children.clear();
  }

  private forget(node: TreeNode): void {
    this.nodes.delete(node.key);
    this.runs.delete(node.key);
    this.hooks.forgotten(node);
  }
}
