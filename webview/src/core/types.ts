// The contract inside the webview bundle: the frames and element props (generated from the
// Python schema, docs/protocol.md), the tree the store keeps, and how element components plug in.
// The store (store.ts) implements ViewerStore.

import type { ComponentType } from "preact";
import type {
  ElementPropsMap,
  UploadStatusFrame,
  ViewerFrame,
  WidgetType,
  WidgetValueMap,
} from "./protocol.generated";

export * from "./protocol.generated";

export type PathItem = string | number;
export type Path = PathItem[];

/** Props of a type the schema does not declare yet: read them checking each value's type. */
export type Props = Record<string, unknown>;

/** An element or block type whose props the schema declares. */
export type ElementType = keyof ElementPropsMap;

/** The props a node of `type` carries: its declared interface, else an untyped map. */
export type PropsOf<T extends string> = T extends ElementType ? ElementPropsMap[T] : Props;

/** One node of the tree: an element or a block of type `T`, with children by index. */
export interface TreeNode<P = Props, T extends string = string> {
  readonly key: string; // the path joined with "/", stable for a node's lifetime
  readonly path: Path;
  /** Fixed for the node's lifetime: an upsert of another type replaces the node. */
  readonly type: T;
  props: P;
  children: Map<number, TreeNode>;
  /** Bumped on every change to this node's own type/props or its set of children. */
  version: number;
}

/**
 * A node of type `T` with its declared props. For several types it is a union discriminated by
 * `type`: `NodeOf<"dataframe" | "data_editor">` narrows with `node.type === "dataframe"`.
 */
export type NodeOf<T extends string> = { [K in T]: TreeNode<PropsOf<K>, K> }[T];

/** A node of a widget type: its props carry the widget's `id` and wire `value`. */
export type WidgetNode = NodeOf<WidgetType>;

/**
 * Whether `node` is of type `type` (then its props are that type's: the runtime builds them
 * from the same schema, and tests/python validates every frame against it).
 */
export function isNodeOf<T extends string>(node: TreeNode, type: T): node is NodeOf<T> {
  return node.type === type;
}

/**
 * What an element component receives. `ElementProps<"markdown">`: `node.props` is
 * `MarkdownProps`, as the schema declares it; a bare `ElementProps` has untyped props.
 */
export interface ElementProps<T extends string = string> {
  node: NodeOf<T>;
  store: ViewerStore;
}

export type ElementComponent<T extends string = string> = ComponentType<ElementProps<T>>;

/** The viewer-side state a component may read or act on. */
export interface ViewerStore {
  /** Subscribe to changes of one node (by key); returns an unsubscribe function. */
  subscribeNode(key: string, listener: () => void): () => void;
  getNode(key: string): TreeNode | undefined;
  /** A payload by hash (column batches: decoded object; media: Uint8Array), if received. */
  getPayload(hash: string): unknown;
  /** Subscribe to the arrival of a payload; returns an unsubscribe function. */
  subscribePayload(hash: string, listener: () => void): () => void;
  /** An object URL for a media payload (created once per hash), or undefined if not here yet. */
  mediaUrl(hash: string, mimetype: string): string | undefined;
  /**
   * The value a widget shows: what the person set locally, unless a newer run's frame has
   * arrived since (docs/protocol.md, Widgets); else the frame's `value` (undefined only where
   * the props may lack one: a dataframe without `on_select`).
   */
  widgetValue<N extends WidgetNode>(node: N): N["props"]["value"];
  /**
   * The person changed a widget: show it at once and send widget_value (unless deferred). The
   * value is the widget type's wire value (`WidgetValueMap`), as the runtime reads it.
   */
  setWidgetValue<N extends WidgetNode>(
    node: N,
    value: WidgetValueMap[N["type"]],
    options?: { send?: boolean },
  ): void;
  /**
   * Send a trigger value for a widget that has no node of its own (a dataframe's button
   * column): one widget_value, carrying any deferred values along, as a button's click does.
   */
  sendTrigger?(id: string, value: unknown): void;
  /** A form's submit button was clicked: send it with the form's held field values. */
  submitForm(formId: string, button: NodeOf<"button">): void;
  /** Send a raw viewer frame (rerun, stop, upload). */
  send(frame: ViewerFrame): void;
  /**
   * The runtime's next `upload_status` for file `hash` of widget `id` (core/upload.ts sends the
   * chunks); rejects if the connection drops first.
   */
  uploadStatus(id: string, hash: string): Promise<UploadStatusFrame>;
  /** Run another page of a multipage app with this query string (`st.page_link`). */
  goToPage?(name: string, query?: string): void;
  /** Open a source location (VS Code: the editor; browser: nothing or a copyable text). */
  openLocation(file: string, line: number): void;
  readonly theme: "light" | "dark";
}

const registry = new Map<string, ElementComponent>();

/** Make `component` draw nodes of `type` (one registration per type). */
export function registerElement<T extends string>(type: T, component: ElementComponent<T>): void {
  // Nodes of `type` carry its declared props (the runtime builds them from the same schema).
  registry.set(type, component as unknown as ElementComponent);
}

export function componentFor<T extends string>(type: T): ElementComponent<T> | undefined {
  return registry.get(type) as ElementComponent<T> | undefined;
}
