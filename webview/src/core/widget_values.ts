// How a widget value travels (docs/protocol.md, Widgets): the person sets a value, the viewer
// shows it at once and sends `widget_value`; it keeps showing that local value until a run that
// started after the change draws the widget again. Form fields hold theirs until the form's
// submit button; `ignore_rerun` widgets hold theirs until the next `widget_value` carries them
// along. Triggers (buttons, the chat input: the schema's TRIGGER_TYPES) are sent and never held.

import type {
  NodeOf,
  Props,
  TreeNode,
  ViewerFrame,
  WidgetNode,
  WidgetType,
  WidgetValueFrame,
  WidgetValueMap,
} from "./types";
import { TRIGGER_TYPES } from "./types";

/** Any widget's wire value. */
type WidgetValue = WidgetValueMap[WidgetType];

interface LocalValue {
  value: WidgetValue;
  /** The run the viewer showed when the person set it. */
  sentAtRun: number;
  /** Set for a form field: held (unsent) until its form's submit button. */
  form?: string;
  /** `ignore_rerun`: kept, and sent along with the next widget_value. */
  deferred?: boolean;
}

/** What the widget values need of the store around them. */
export interface WidgetHost {
  getNode(key: string): TreeNode | undefined;
  /** The run of the latest upsert at node `key`. */
  nodeRun(key: string): number;
  /** The latest run the viewer shows. */
  run(): number;
  /** Re-render node `key`. */
  notify(key: string): void;
  send(frame: ViewerFrame): void;
}

export class WidgetValues {
  private readonly locals = new Map<string, LocalValue>();
  /** Widget id → node key, and form id → form node key, from the latest upserts. */
  private readonly widgetKeys = new Map<string, string>();
  private readonly formKeys = new Map<string, string>();

  constructor(private readonly host: WidgetHost) {}

  /** A node was upserted: keep the widget id / form id → node key maps current. */
  index(node: TreeNode): void {
    const id = node.props.id;
    if (typeof id !== "string") return;
    if (node.type === "form") this.formKeys.set(id, node.key);
    else if ("value" in node.props || TRIGGER_TYPES.has(node.type))
      this.widgetKeys.set(id, node.key);
  }

  /** A node left the tree: what it held goes with it. */
  forget(node: TreeNode): void {
    const id = node.props.id;
    if (typeof id !== "string") return;
    if (this.widgetKeys.get(id) === node.key) {
      this.widgetKeys.delete(id);
      this.locals.delete(id);
    }
    if (this.formKeys.get(id) === node.key) this.formKeys.delete(id);
  }

  value<N extends WidgetNode>(node: N): N["props"]["value"] {
    const local = this.locals.get(node.props.id ?? "");
    // A local value was set by setWidgetValue for this widget id, whose node has this type.
    const shown = (held: LocalValue): N["props"]["value"] => held.value as N["props"]["value"];
    if (!local) return node.props.value;
    if (local.form !== undefined || local.deferred) return shown(local);
    // A frame from a run that started after the change wins; an older one never overwrites it.
    return this.host.nodeRun(node.key) > local.sentAtRun ? node.props.value : shown(local);
  }

  set<N extends WidgetNode>(
    node: N,
    value: WidgetValueMap[N["type"]],
    options?: { send?: boolean },
  ): void {
    const id = node.props.id;
    if (id === undefined) return;
    const run = this.host.run();
    if (TRIGGER_TYPES.has(node.type)) {
      this.send(id, value, {});
      return;
    }
    // Keys not every widget has (a tab bar is never in a form), read as sent.
    const props: Props = node.props;
    const form = typeof props.form === "string" ? props.form : undefined;
    if (form !== undefined) {
      this.locals.set(id, { value, sentAtRun: run, form });
    } else if (options?.send === false || props.ignore_rerun === true) {
      this.locals.set(id, { value, sentAtRun: run, deferred: true });
    } else {
      this.locals.set(id, { value, sentAtRun: run });
      this.send(id, value, {});
    }
    this.host.notify(node.key);
  }

  /** A trigger of a widget without a node of its own (a dataframe's button column). */
  trigger(id: string, value: unknown): void {
    this.send(id, value, {});
  }

  /** Send form `formId`'s submit button with the form's fields, which stop being held. */
  submitForm(formId: string, button: NodeOf<"button">): void {
    const formKey = this.formKeys.get(formId);
    const form = formKey === undefined ? undefined : this.host.getNode(formKey);
    const clear = form?.props.clear_on_submit === true;
    const values: Record<string, unknown> = {};
    const touched: string[] = [];
    for (const [wid, key] of this.widgetKeys) {
      const node = this.widgetNode(key);
      if (!node || (node.props as Props).form !== formId || TRIGGER_TYPES.has(node.type)) continue;
      values[wid] = this.value(node);
      const local = this.locals.get(wid);
      if (local?.form !== undefined) {
        // Submitted: now an ordinary sent value (the stale-run rule applies), or gone when the
        // form clears itself on submit (the run sends the fields' defaults).
        if (clear) this.locals.delete(wid);
        else this.locals.set(wid, { value: local.value, sentAtRun: this.host.run() });
        touched.push(key);
      }
    }
    this.send(button.props.id, true, values);
    for (const key of touched) this.host.notify(key);
  }

  /**
   * A run finished: a change older than it has been drawn (or overruled) by it, so the frames
   * are the truth again for those widgets (held form and deferred values stay).
   */
  runEnded(run: number, scope?: string[]): void {
    for (const [id, local] of this.locals) {
      if (local.form === undefined && !local.deferred && local.sentAtRun < run) {
        const key = this.widgetKeys.get(id);
        // A fragment's run (`scope`: the keys it redrew) has drawn only the widgets inside it.
        if (scope !== undefined && !(key !== undefined && within(key, scope))) continue;
        this.locals.delete(id);
        if (key) this.host.notify(key);
      }
    }
  }

  /** The widget values this viewer shows, as a `hello` carries them (no triggers, no uploads). */
  shown(): Record<string, unknown> {
    const widgets: Record<string, unknown> = {};
    for (const [id, key] of this.widgetKeys) {
      const node = this.widgetNode(key);
      if (!node || TRIGGER_TYPES.has(node.type) || node.type === "file_uploader") continue;
      const local = this.locals.get(id);
      // An unsubmitted form edit is not a value yet: send what the form last submitted.
      widgets[id] = local?.form !== undefined ? node.props.value : this.value(node);
    }
    return widgets;
  }

  /**
   * A `hello` hands the runtime what this viewer shows (`shown`) and the runtime's run numbers
   * may start again: only unsubmitted form edits stay held.
   */
  reconnected(): void {
    for (const [id, local] of this.locals) if (local.form === undefined) this.locals.delete(id);
  }

  /** The node at `key`, which `index` found to be a widget. */
  private widgetNode(key: string): WidgetNode | undefined {
    return this.host.getNode(key) as WidgetNode | undefined;
  }

  /** Send widget_value, carrying any deferred (`ignore_rerun`) values along. */
  private send(id: string, value: unknown, values: Record<string, unknown>): void {
    const all = { ...values };
    const run = this.host.run();
    for (const [wid, local] of this.locals) {
      if (local.deferred && wid !== id) {
        all[wid] = local.value;
        this.locals.set(wid, { value: local.value, sentAtRun: run });
      }
    }
    const frame: WidgetValueFrame = { t: "widget_value", id, value, run };
    if (Object.keys(all).length > 0) frame.values = all;
    this.host.send(frame);
  }
}

/** Whether node `key` is one of `roots` or lies under one. */
function within(key: string, roots: string[]): boolean {
  return roots.some((root) => key === root || key.startsWith(`${root}/`));
}
