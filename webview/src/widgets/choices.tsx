// checkbox, toggle, radio.

import { controlId, Help, InlineMarkdown, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";

function Check(props: ElementProps<"checkbox" | "toggle"> & { toggle: boolean }) {
  const { node } = props;
  const { label, disabled, help, visibility } = widgetProps(node);
  const [value, set] = useWidget(props);
  const id = controlId(node);
  return (
    <div class={`sp-widget sp-check${disabled ? " sp-disabled" : ""}`}>
      <label class={props.toggle ? "sp-toggle" : "sp-checkbox"} for={id}>
        <input
          id={id}
          type="checkbox"
          role={props.toggle ? "switch" : undefined}
          checked={value === true}
          disabled={disabled}
          aria-label={visibility !== "visible" ? label : undefined}
          onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)}
        />
        {props.toggle && <span class="sp-switch" aria-hidden="true" />}
        {visibility === "visible" && <InlineMarkdown text={label} />}
      </label>
      {help && <Help text={help} />}
    </div>
  );
}

function Radio(props: ElementProps<"radio">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const { options, captions = [] } = node.props;
  const id = controlId(node);
  return (
    <div class={`sp-widget sp-radio${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} as="div" />
      <div
        class={
          node.props.horizontal === true ? "sp-radio-options sp-horizontal" : "sp-radio-options"
        }
        role="radiogroup"
        aria-labelledby={`${id}-label`}
      >
        {options.map((option, i) => (
          <label key={i} class="sp-radio-option">
            <input
              type="radio"
              name={id}
              checked={value === i}
              disabled={disabled}
              onChange={() => set(i)}
            />
            <span>
              <InlineMarkdown text={option} />
              {captions[i] && (
                <InlineMarkdown class="sp-caption sp-option-caption" text={captions[i]} />
              )}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}

registerElement("checkbox", (p: ElementProps<"checkbox">) => <Check {...p} toggle={false} />);
registerElement("toggle", (p: ElementProps<"toggle">) => <Check {...p} toggle={true} />);
registerElement("radio", Radio);
