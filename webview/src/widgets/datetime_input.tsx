// `datetime_input`: `date_input`'s date field and `time_input`'s time field side by side, one
// value `YYYY-MM-DDTHH:MM`. Picking a date keeps the time (00:00 when empty); picking a time keeps
// the date (today when empty); the result is held inside `min`…`max`.

import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { DateField } from "./date_input";
import { todayIso } from "./dateFormat";
import { TimeField } from "./time_input";

/** Join a date and a time into the wire value, held inside [min, max] (ISO text sorts). */
export function joinDateTime(day: string, time: string, min: string, max: string): string {
  const joined = `${day}T${time.slice(0, 5)}`;
  if (joined < min) return min;
  if (joined > max) return max;
  return joined;
}

function DateTimeInput(props: ElementProps<"datetime_input">) {
  const { node } = props;
  const { disabled, label } = widgetProps(node);
  const [value, set] = useWidget(props);
  const id = controlId(node);
  const { min, max, step, format } = node.props;
  const clearable = node.props.clearable === true;
  const day = value !== null ? value.slice(0, 10) : null;
  const time = value !== null ? value.slice(11, 16) : null;
  const send = (next: string | null) => {
    if (next !== value) set(next);
  };
  const width = node.props.width;
  return (
    <div
      class={`sp-widget sp-datetime-input${disabled ? " sp-disabled" : ""}`}
      style={width !== undefined ? { width: `${width}px` } : undefined}
    >
      <WidgetLabel node={node} htmlFor={id} />
      <div class="sp-datetime-row">
        <DateField
          id={id}
          named={label !== ""}
          disabled={disabled}
          range={false}
          format={format}
          min={min.slice(0, 10)}
          max={max.slice(0, 10)}
          clearable={clearable}
          value={day}
          set={(next) => {
            if (typeof next === "string") send(joinDateTime(next, time ?? "00:00", min, max));
            else if (clearable) send(null);
          }}
        />
        <TimeField
          id={`${id}-time`}
          named={false}
          ariaLabel={label !== "" ? `${label}, time` : "Time"}
          disabled={disabled}
          step={step}
          withSeconds={false}
          twelve={false}
          clearable={clearable}
          value={time}
          set={(next) => {
            if (next !== null) send(joinDateTime(day ?? todayIso(), next, min, max));
            else if (clearable) send(null);
          }}
        />
      </div>
    </div>
  );
}

registerElement("datetime_input", DateTimeInput);
