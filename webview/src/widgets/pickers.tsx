// date_input, time_input, color_picker: native pickers (keyboard accessible by the browser).

import { useState } from "preact/hooks";
import { controlId, str, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";

function DateInput(props: ElementProps) {
  const { node } = props;
  const { disabled, label } = widgetProps(node);
  const [value, set] = useWidget<string | string[] | null>(props);
  const id = controlId(node);
  const min = str(node.props.min) || undefined;
  const max = str(node.props.max) || undefined;
  if (node.props.range === true) {
    const parts = Array.isArray(value) ? value : [];
    const start = parts[0] ?? "";
    const end = parts[1] ?? "";
    const change = (which: 0 | 1, text: string) => {
      const next = which === 0 ? [text, end] : [start, text];
      // The wire keeps only the leading filled dates: [], [start] or [start, end].
      const wire = next[0] ? (next[1] ? [next[0], next[1]].sort() : [next[0]]) : [];
      set(wire);
    };
    return (
      <div class={`sp-widget sp-date-input${disabled ? " sp-disabled" : ""}`}>
        <WidgetLabel node={node} htmlFor={id} />
        <div class="sp-range-inputs">
          <input
            id={id}
            class="sp-input"
            type="date"
            aria-label={`${label} start`}
            min={min}
            max={max}
            value={start}
            disabled={disabled}
            onChange={(e) => change(0, (e.currentTarget as HTMLInputElement).value)}
          />
          <span aria-hidden="true">–</span>
          <input
            class="sp-input"
            type="date"
            aria-label={`${label} end`}
            min={start || min}
            max={max}
            value={end}
            disabled={disabled}
            onChange={(e) => change(1, (e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </div>
    );
  }
  return (
    <div class={`sp-widget sp-date-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <input
        id={id}
        class="sp-input"
        type="date"
        min={min}
        max={max}
        value={typeof value === "string" ? value : ""}
        disabled={disabled}
        onChange={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          set(text === "" ? null : text);
        }}
      />
    </div>
  );
}

function TimeInput(props: ElementProps) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget<string | null>(props);
  const id = controlId(node);
  const step = typeof node.props.step === "number" ? node.props.step : 900;
  const withSeconds = step % 60 !== 0;
  return (
    <div class={`sp-widget sp-time-input${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <input
        id={id}
        class="sp-input"
        type="time"
        step={step}
        value={value ?? ""}
        disabled={disabled}
        onChange={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          if (text === "") return set(null);
          // The wire form has seconds only when the step is not whole minutes.
          const [h = "00", m = "00", s = "00"] = text.split(":");
          set(withSeconds ? `${h}:${m}:${s.slice(0, 2)}` : `${h}:${m}`);
        }}
      />
    </div>
  );
}

function ColorPicker(props: ElementProps) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget<string>(props);
  const [live, setLive] = useState<string | undefined>(undefined);
  const id = controlId(node);
  const expand = (c: string) =>
    /^#[0-9a-fA-F]{3}$/.test(c) ? `#${[...c.slice(1)].map((x) => x + x).join("")}` : c;
  const shown = live ?? expand(typeof value === "string" ? value : "#000000");
  return (
    <div class={`sp-widget sp-color-picker${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div class="sp-color-row">
        <input
          id={id}
          type="color"
          class="sp-color-swatch"
          value={shown}
          disabled={disabled}
          onInput={(e) => setLive((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => {
            setLive(undefined);
            const next = (e.currentTarget as HTMLInputElement).value;
            if (next !== value) set(next);
          }}
        />
        <span class="sp-color-hex">{shown}</span>
      </div>
    </div>
  );
}

registerElement("date_input", DateInput);
registerElement("time_input", TimeInput);
registerElement("color_picker", ColorPicker);
