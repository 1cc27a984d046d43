// color_picker (the browser's native colour input); date_input and time_input have their own
// modules, registered from here.

import { useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import "./date_input";
import "./time_input";

function ColorPicker(props: ElementProps<"color_picker">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
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

registerElement("color_picker", ColorPicker);
