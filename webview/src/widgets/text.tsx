// text_input, text_area, number_input: edited locally, sent on Enter (Ctrl+Enter for a text
// area) or when the field loses focus; in a form, Enter also submits the form.

import { useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps, TextInputProps, TreeNode, WidgetProps } from "../core/types";
import { registerElement } from "../core/types";
import { requestFormSubmit } from "../blocks/form";
import { Icon } from "../elements/icon";
import { decimals, sprintf } from "./format";

/** What the person is typing (undefined when not editing: show the widget's value). */
function useDraft() {
  return useState<string | undefined>(undefined);
}

function inForm(node: TreeNode<WidgetProps>): boolean {
  return node.props.form !== undefined;
}

const INPUT_TYPES: Record<TextInputProps["type"], string> = {
  default: "text",
  password: "password",
  email: "email",
  url: "url",
  phone: "tel",
  search: "search",
};

function TextInput(props: ElementProps<"text_input">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const [draft, setDraft] = useDraft();
  const [reveal, setReveal] = useState(false);
  const id = controlId(node);
  const { max_chars: maxChars, type } = node.props;
  const shown = draft ?? value ?? "";
  const commit = () => {
    if (draft !== undefined && draft !== (value ?? "")) set(draft);
    setDraft(undefined);
  };
  const icon = node.props.icon;
  return (
    <div class={`sp-widget sp-text-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div class="sp-input-box">
        {icon !== undefined && <Icon icon={icon} />}
        <input
          id={id}
          class="sp-input"
          type={type === "password" && reveal ? "text" : INPUT_TYPES[type]}
          value={shown}
          maxLength={maxChars}
          disabled={disabled}
          placeholder={node.props.placeholder ?? ""}
          autocomplete={node.props.autocomplete}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            commit();
            if (inForm(node)) requestFormSubmit(e.currentTarget);
          }}
          onBlur={commit}
        />
        {type === "password" && (
          <button
            type="button"
            class="sp-input-adorn"
            aria-label={reveal ? "Hide password" : "Show password"}
            onClick={() => setReveal(!reveal)}
          >
            {reveal ? "Hide" : "Show"}
          </button>
        )}
      </div>
      {maxChars !== undefined && draft !== undefined && (
        <div class="sp-counter" aria-live="polite">
          {shown.length}/{maxChars}
        </div>
      )}
    </div>
  );
}

function TextArea(props: ElementProps<"text_area">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const [draft, setDraft] = useDraft();
  const id = controlId(node);
  const maxChars = node.props.max_chars;
  const h = node.props.height;
  const style =
    typeof h === "number" ? { height: `${h}px` } : h === "stretch" ? { height: "100%" } : undefined;
  const shown = draft ?? value ?? "";
  const commit = () => {
    if (draft !== undefined && draft !== (value ?? "")) set(draft);
    setDraft(undefined);
  };
  return (
    <div class={`sp-widget sp-text-area${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <textarea
        id={id}
        class="sp-input"
        style={style}
        rows={h === "content" ? Math.max(1, shown.split("\n").length) : 4}
        value={shown}
        maxLength={maxChars}
        disabled={disabled}
        placeholder={node.props.placeholder ?? ""}
        onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            commit();
            if (inForm(node)) requestFormSubmit(e.currentTarget);
          }
        }}
        onBlur={commit}
      />
      <div class="sp-counter">
        {draft !== undefined && <span>Press ⌘/Ctrl+Enter to apply</span>}
        {maxChars !== undefined && (
          <span>
            {shown.length}/{maxChars}
          </span>
        )}
      </div>
    </div>
  );
}

function NumberInput(props: ElementProps<"number_input">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const [draft, setDraft] = useDraft();
  const id = controlId(node);
  const p = node.props;
  const isInt = p.data_type === "int";
  const step = p.step || 1;
  const { min, max, format } = p;
  const show = (v: number | null) => (v === null || v === undefined ? "" : sprintf(format, v));
  const clamp = (v: number) => {
    let out = v;
    if (min !== undefined) out = Math.max(min, out);
    if (max !== undefined) out = Math.min(max, out);
    return isInt ? Math.round(out) : Number(out.toFixed(Math.max(decimals(step), 8)));
  };
  const send = (v: number | null) => {
    setDraft(undefined);
    if (v !== value) set(v);
  };
  const commit = () => {
    if (draft === undefined) return;
    const text = draft.trim();
    if (text === "") return send(null);
    const parsed = Number(text.replace(/,/g, ""));
    if (Number.isNaN(parsed)) return setDraft(undefined);
    send(clamp(parsed));
  };
  const bump = (dir: 1 | -1) => {
    const base =
      draft !== undefined && draft.trim() !== "" && !Number.isNaN(Number(draft))
        ? Number(draft)
        : (value ?? min ?? 0);
    send(clamp(Number((base + dir * step).toFixed(Math.max(decimals(step), decimals(base))))));
  };
  const atMin = value !== null && min !== undefined && value <= min;
  const atMax = value !== null && max !== undefined && value >= max;
  return (
    <div class={`sp-widget sp-number-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div class="sp-input-box">
        {p.icon !== undefined && <Icon icon={p.icon} />}
        <input
          id={id}
          class="sp-input"
          type="text"
          inputMode={isInt ? "numeric" : "decimal"}
          role="spinbutton"
          aria-valuenow={value ?? undefined}
          aria-valuemin={min}
          aria-valuemax={max}
          value={draft ?? show(value)}
          disabled={disabled}
          placeholder={p.placeholder ?? ""}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === "ArrowUp" || e.key === "ArrowDown") {
              e.preventDefault();
              bump(e.key === "ArrowUp" ? 1 : -1);
            } else if (e.key === "Enter") {
              commit();
              if (inForm(node)) requestFormSubmit(e.currentTarget);
            }
          }}
          onBlur={commit}
        />
        <button
          type="button"
          class="sp-step"
          aria-label="Decrement"
          tabIndex={-1}
          disabled={disabled || atMin}
          onClick={() => bump(-1)}
        >
          −
        </button>
        <button
          type="button"
          class="sp-step"
          aria-label="Increment"
          tabIndex={-1}
          disabled={disabled || atMax}
          onClick={() => bump(1)}
        >
          +
        </button>
      </div>
    </div>
  );
}

registerElement("text_input", TextInput);
registerElement("text_area", TextArea);
registerElement("number_input", NumberInput);
