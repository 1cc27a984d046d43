// The contract inside the webview bundle: frames (mirroring docs/protocol.md), the tree the
// store keeps, and how element components plug in. The store (store.ts) implements ViewerStore.

import type { ComponentType } from "preact";

export type PathItem = string | number;
export type Path = PathItem[];

export type Props = Record<string, unknown>;

export interface UpsertFrame {
  t: "upsert";
  run: number;
  path: Path;
  type: string;
  props: Props;
}
export interface RunStartFrame {
  t: "run_start";
  session: string;
  run: number;
  script: string;
}
export interface RunEndFrame {
  t: "run_end";
  run: number;
  status: "ok" | "error" | "stopped" | "interrupted";
  remove: Path[];
  ms: number;
}
export interface PayloadFrame {
  t: "payload";
  hash: string;
  kind: "column" | "media";
  data: unknown;
}
export interface PageConfigFrame {
  t: "page_config";
  title: string | null;
  icon: string | null;
  layout: "centered" | "wide";
  sidebar: "auto" | "expanded" | "collapsed";
}
export interface ToastFrame {
  t: "toast";
  run: number;
  body: string;
  icon: string | null;
  duration: number;
}
export interface QueryParamsFrame {
  t: "query_params";
  params: [string, string][];
}
export interface SourceChangedFrame {
  t: "source_changed";
  path: string;
}
/** A debugger holds the run at file:line (`paused`), or let it go on (docs/protocol.md). */
export interface DebugFrame {
  t: "debug";
  run: number;
  paused: boolean;
  file?: string;
  line?: number;
}
/** The runtime's answer to an `upload` chunk: bytes held so far, or why the file is refused. */
export interface UploadStatusFrame {
  t: "upload_status";
  id: string;
  hash: string;
  received?: number;
  error?: string;
}
export interface ErrorFrame {
  t: "error";
  code: string;
  message: string;
}
export type RuntimeFrame =
  | UpsertFrame
  | RunStartFrame
  | RunEndFrame
  | PayloadFrame
  | PageConfigFrame
  | ToastFrame
  | QueryParamsFrame
  | SourceChangedFrame
  | DebugFrame
  | UploadStatusFrame
  | ErrorFrame;

export type ViewerFrame =
  | {
      t: "hello";
      v: number;
      viewport?: { w: number; h: number };
      theme?: "light" | "dark";
      query?: string;
      page?: string;
      widgets?: Record<string, unknown>;
    }
  | { t: "widget_value"; id: string; value: unknown; run: number; values?: Record<string, unknown> }
  | { t: "rerun"; page?: string; query?: string }
  | { t: "stop" }
  | { t: "run_on_save"; enabled: boolean }
  | {
      t: "upload";
      id: string;
      hash: string;
      name: string;
      type: string;
      size: number;
      offset: number;
      data: Uint8Array;
    };

export const PROTOCOL_VERSION = 1;

/** One node of the tree: an element or a block, with children by index. */
export interface TreeNode {
  readonly key: string; // the path joined with "/", stable for a node's lifetime
  readonly path: Path;
  type: string;
  props: Props;
  children: Map<number, TreeNode>;
  /** Bumped on every change to this node's own type/props or its set of children. */
  version: number;
}

/** What an element component receives. */
export interface ElementProps {
  node: TreeNode;
  store: ViewerStore;
}

export type ElementComponent = ComponentType<ElementProps>;

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
   * arrived since (docs/protocol.md, Widgets); else the frame's `value`.
   */
  widgetValue(node: TreeNode): unknown;
  /** The person changed a widget: show it at once and send widget_value (unless deferred). */
  setWidgetValue(node: TreeNode, value: unknown, options?: { send?: boolean }): void;
  /**
   * Send a trigger value for a widget that has no node of its own (a dataframe's button
   * column): one widget_value, carrying any deferred values along, as a button's click does.
   */
  sendTrigger?(id: string, value: unknown): void;
  /** A form's submit button was clicked: send it with the form's held field values. */
  submitForm(formId: string, buttonNode: TreeNode): void;
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
export function registerElement(type: string, component: ElementComponent): void {
  registry.set(type, component);
}

export function componentFor(type: string): ElementComponent | undefined {
  return registry.get(type);
}
