// `form` blocks: fields inside hold their values until the form's submit button
// (core/widget_values.ts).

import { Children } from "../core/Node";
import type { ElementProps, FormProps, NodeOf, TreeNode, ViewerStore } from "../core/types";
import { isNodeOf, registerElement } from "../core/types";
import { renderMarkdown } from "../elements/markdownRender";
import { scrollingStyle } from "./layout";

const MISSING_SUBMIT = `**Missing Submit Button**

This form has no submit button, which means that user interactions will never be sent to your Streamlit app.

To create a submit button, use the \`st.form_submit_button()\` function.

For more information, refer to the [documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).`;

/** The form's first submit button, searched in its subtree. */
function submitButton(node: TreeNode): NodeOf<"button"> | undefined {
  for (const child of node.children.values()) {
    if (
      isNodeOf(child, "button") &&
      child.props.is_submit === true &&
      child.props.disabled !== true
    )
      return child;
    const found = submitButton(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Enter in a text or number field of a form submits it (unless `enter_to_submit: false`).
 * Fields raise this DOM event; the form, which knows its subtree, answers it.
 */
export const FORM_ENTER = "sp-form-enter";

export function requestFormSubmit(from: EventTarget | null): void {
  from?.dispatchEvent(new CustomEvent(FORM_ENTER, { bubbles: true }));
}

function onEnter(node: TreeNode<FormProps>, store: ViewerStore): (e: Event) => void {
  return (e: Event) => {
    e.stopPropagation();
    if (node.props.enter_to_submit === false) return;
    const button = submitButton(node);
    if (button) store.submitForm(node.props.id, button);
  };
}

function Form({ node, store }: ElementProps<"form">) {
  const p = node.props;
  const ref = (el: HTMLElement | null) => {
    if (!el) return;
    // One listener per element; replaced on re-render so it always sees the current subtree.
    const holder = el as HTMLElement & { spFormEnter?: (e: Event) => void };
    if (holder.spFormEnter) el.removeEventListener(FORM_ENTER, holder.spFormEnter);
    holder.spFormEnter = onEnter(node, store);
    el.addEventListener(FORM_ENTER, holder.spFormEnter);
  };
  return (
    <form
      ref={ref}
      class={p.border ? "sp-form sp-bordered" : "sp-form"}
      style={scrollingStyle(p.height)}
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <Children node={node} store={store} />
      {p.missing_submit && (
        <div class="sp-alert sp-alert-error" role="alert">
          <div
            class="sp-alert-body"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(MISSING_SUBMIT) }}
          />
        </div>
      )}
    </form>
  );
}

registerElement("form", Form);
