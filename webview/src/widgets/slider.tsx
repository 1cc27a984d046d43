// `slider` and `select_slider`: native range inputs (role="slider", one step per arrow key), two
// thumbs for a range. A key press sends widget_value synchronously; a drag sends on release.

import { useState } from "preact/hooks";
import { controlId, Help, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps, SelectSliderProps, SliderProps } from "../core/types";
import { registerElement } from "../core/types";
import { decimals, formatDate, sprintf } from "./format";

interface Scale {
  min: number;
  max: number;
  step: number;
  /** Display text of a value. */
  show: (v: number) => string;
  /** Wire value → slider position, and back. */
  snap: (v: number) => number;
}

const US_PER_MS = 1000;

function sliderScale(p: SliderProps): Scale {
  const { min, max, format, data_type: type } = p;
  const step = p.step || 1;
  const places = Math.max(decimals(step), decimals(min));
  const snap = (v: number) => {
    const k = Math.round((v - min) / step);
    const snapped = Math.min(max, Math.max(min, min + k * step));
    return type === "int" ? Math.round(snapped) : Number(snapped.toFixed(places));
  };
  let show: (v: number) => string;
  if (type === "int" || type === "float") show = (v) => sprintf(format, v);
  else show = (v) => formatDate(format, new Date(v / US_PER_MS));
  return { min, max, step, show, snap };
}

function optionsScale({ options }: SelectSliderProps): Scale {
  return {
    min: 0,
    max: Math.max(0, options.length - 1),
    step: 1,
    show: (v) => options[v] ?? "",
    snap: (v) => Math.min(options.length - 1, Math.max(0, Math.round(v))),
  };
}

/** The value after a navigation key, or undefined for other keys. */
export function keyStep(key: string, value: number, scale: Scale): number | undefined {
  const big = Math.max(scale.step, (scale.max - scale.min) / 10);
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      return scale.snap(value + scale.step);
    case "ArrowLeft":
    case "ArrowDown":
      return scale.snap(value - scale.step);
    case "PageUp":
      return scale.snap(value + big);
    case "PageDown":
      return scale.snap(value - big);
    case "Home":
      return scale.min;
    case "End":
      return scale.max;
    default:
      return undefined;
  }
}

function SliderBase({
  node,
  store,
  scale,
}: ElementProps<"slider" | "select_slider"> & { scale: Scale }) {
  const { disabled, help, label } = widgetProps(node);
  const [wire, setWire] = useWidget({ node, store });
  const { range } = node.props;
  // A range's value is [lo, hi], a single value a number (docs/protocol.md).
  const values: number[] = Array.isArray(wire) ? wire : [wire];
  // While dragging, the thumb moves locally; the value is sent once, on release.
  const [dragging, setDragging] = useState<number[] | undefined>(undefined);
  const shown = dragging ?? values;
  const id = controlId(node);

  const commit = (next: number[]) => {
    setDragging(undefined);
    const ordered = range ? [Math.min(next[0]!, next[1]!), Math.max(next[0]!, next[1]!)] : next;
    if (ordered.every((v, i) => v === values[i])) return;
    setWire(range ? ordered : ordered[0]!);
  };
  const withThumb = (i: number, v: number) => shown.map((old, j) => (j === i ? v : old));
  const pct = (v: number) =>
    scale.max === scale.min ? 0 : ((v - scale.min) / (scale.max - scale.min)) * 100;
  const lo = range ? Math.min(...shown) : scale.min;
  const hi = range ? Math.max(...shown) : (shown[0] ?? scale.min);

  return (
    <div class={`sp-widget sp-slider${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={`${id}-0`} />
      <div class="sp-slider-values" aria-hidden="true">
        {shown.map((v, i) => (
          <span key={i} class="sp-slider-value" style={{ left: `${pct(v)}%` }}>
            {scale.show(v)}
          </span>
        ))}
      </div>
      <div class="sp-slider-track">
        <div
          class="sp-slider-fill"
          style={{ left: `${pct(lo)}%`, width: `${pct(hi) - pct(lo)}%` }}
        />
        {shown.map((v, i) => (
          <input
            key={i}
            id={`${id}-${i}`}
            type="range"
            class="sp-slider-input"
            min={scale.min}
            max={scale.max}
            step={scale.step}
            value={v}
            disabled={disabled}
            aria-label={range ? `${label} ${i === 0 ? "start" : "end"}` : undefined}
            aria-labelledby={range ? undefined : `${id}-0-label`}
            aria-valuetext={scale.show(v)}
            onKeyDown={(e) => {
              const next = keyStep(e.key, v, scale);
              if (next === undefined) return;
              // Handled here (not by the browser) so one key = one step = one widget_value, sent now.
              e.preventDefault();
              // The key is the slider's: not also a keybinding of VS Code, which a webview
              // forwards the keys that reach its window to.
              e.stopPropagation();
              commit(withThumb(i, next));
            }}
            onKeyUp={(e) => {
              if (keyStep(e.key, v, scale) !== undefined) e.stopPropagation();
            }}
            onInput={(e) =>
              setDragging(
                withThumb(i, scale.snap(Number((e.currentTarget as HTMLInputElement).value))),
              )
            }
            onChange={(e) =>
              commit(withThumb(i, scale.snap(Number((e.currentTarget as HTMLInputElement).value))))
            }
          />
        ))}
      </div>
      <div class="sp-slider-bounds" aria-hidden="true">
        <span>{scale.show(scale.min)}</span>
        <span>{scale.show(scale.max)}</span>
      </div>
      {help && widgetProps(node).visibility !== "visible" && <Help text={help} />}
    </div>
  );
}

function Slider(props: ElementProps<"slider">) {
  return <SliderBase {...props} scale={sliderScale(props.node.props)} />;
}

function SelectSlider(props: ElementProps<"select_slider">) {
  return <SliderBase {...props} scale={optionsScale(props.node.props)} />;
}

registerElement("slider", Slider);
registerElement("select_slider", SelectSlider);
