// `button_group` (st.pills: separate rounded chips; st.segmented_control: one joined bar) and
// `feedback` (thumbs, faces, stars). Each option is a toggle button (aria-pressed): Tab reaches
// the group, ←/→ (and Home/End) move between its buttons, Enter/Space pick.

import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { controlId, InlineMarkdown, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ButtonGroupProps, ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";

/** The selection after a click on option `index` (the wire value: selected indexes). */
export function clickedSelection(
  selected: readonly number[],
  index: number,
  props: Pick<ButtonGroupProps, "multi" | "required">,
): number[] {
  const isSelected = selected.includes(index);
  if (props.multi === true) {
    return isSelected ? selected.filter((i) => i !== index) : [...selected, index];
  }
  if (isSelected) return props.required === true ? [...selected] : [];
  return [index];
}

const MOVE_KEYS = new Set(["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End"]);

/** The key-up of a key `moveFocus` took: not VS Code's either. */
function keepMoveKey(e: JSX.TargetedKeyboardEvent<HTMLElement>): void {
  if (MOVE_KEYS.has(e.key)) e.stopPropagation();
}

/** ←/→/Home/End move the focus along a group's buttons; the keys are the group's, so they do not
 * also reach VS Code's keybindings. */
function moveFocus(e: JSX.TargetedKeyboardEvent<HTMLElement>): void {
  const buttons = Array.from(
    e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)"),
  );
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0 || buttons.length === 0) return;
  const last = buttons.length - 1;
  const next: Record<string, number> = {
    ArrowRight: Math.min(at + 1, last),
    ArrowDown: Math.min(at + 1, last),
    ArrowLeft: Math.max(at - 1, 0),
    ArrowUp: Math.max(at - 1, 0),
    Home: 0,
    End: last,
  };
  const to = next[e.key];
  const target = to === undefined ? undefined : buttons[to];
  if (target === undefined) return;
  e.preventDefault();
  e.stopPropagation();
  target.focus();
}

/** An icon-only option's accessible name: the emoji, or the Material icon's name in words. */
export function iconName(icon: string): string {
  const material = /^:material\/([a-z0-9_]+):$/.exec(icon);
  return material ? material[1]!.replace(/_/g, " ") : icon;
}

/** A group's width: pixels or its container's; absent: as wide as its content. */
function widthStyle(width: number | "stretch" | undefined): JSX.CSSProperties {
  if (width === "stretch") return { width: "100%" };
  if (typeof width === "number") return { width: `${width}px`, maxWidth: "100%" };
  return {};
}

function ButtonGroup(props: ElementProps<"button_group">) {
  const { node } = props;
  const p = node.props;
  const { disabled, visibility, label } = widgetProps(node);
  const [value, set] = useWidget(props);
  const id = controlId(node);
  const stretch = p.width !== undefined;
  const cls = [
    "sp-widget",
    "sp-button-group",
    `sp-${p.style === "pills" ? "pills" : "segmented"}`,
    // Absent: the layout decides (one row in a column or a horizontal container, as Streamlit).
    p.wrap === undefined ? "" : p.wrap ? "sp-group-wrap" : "sp-group-nowrap",
    stretch ? "sp-stretch" : "",
    disabled ? "sp-disabled" : "",
  ];
  return (
    <div class={cls.filter(Boolean).join(" ")} style={widthStyle(p.width)}>
      <WidgetLabel node={node} htmlFor={id} as="div" />
      <div
        class="sp-group-options"
        role="group"
        id={id}
        aria-labelledby={visibility === "visible" ? `${id}-label` : undefined}
        aria-label={visibility !== "visible" ? label : undefined}
        onKeyDown={moveFocus}
        onKeyUp={keepMoveKey}
      >
        {p.options.map((option, i) => {
          const pressed = value.includes(i);
          return (
            <button
              key={i}
              type="button"
              class={pressed ? "sp-group-option sp-selected" : "sp-group-option"}
              aria-pressed={pressed}
              aria-label={
                option.content === "" && option.icon !== undefined
                  ? iconName(option.icon)
                  : undefined
              }
              disabled={disabled}
              onClick={() => {
                const next = clickedSelection(value, i, p);
                // A required selection's own option: nothing changes, nothing is sent.
                if (next.length !== value.length || next.some((n, k) => n !== value[k])) set(next);
              }}
            >
              {option.icon !== undefined && <Icon icon={option.icon} />}
              {option.content !== "" && <InlineMarkdown text={option.content} />}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** The icons of each feedback kind, left to right, with the rating each one sends. */
export const FEEDBACK_OPTIONS: Record<
  ElementProps<"feedback">["node"]["props"]["options"],
  { icon: string; rating: number; name: string }[]
> = {
  thumbs: [
    { icon: "thumb_up", rating: 1, name: "Thumbs up" },
    { icon: "thumb_down", rating: 0, name: "Thumbs down" },
  ],
  faces: [
    { icon: "sentiment_sad", rating: 0, name: "Very dissatisfied" },
    { icon: "sentiment_dissatisfied", rating: 1, name: "Dissatisfied" },
    { icon: "sentiment_neutral", rating: 2, name: "Neutral" },
    { icon: "sentiment_satisfied", rating: 3, name: "Satisfied" },
    { icon: "sentiment_very_satisfied", rating: 4, name: "Very satisfied" },
  ],
  stars: [1, 2, 3, 4, 5].map((n) => ({
    icon: "star",
    rating: n - 1,
    name: n === 1 ? "1 star" : `${n} stars`,
  })),
};

function Feedback(props: ElementProps<"feedback">) {
  const { node } = props;
  const p = node.props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  // Stars fill up to the one under the pointer, as Streamlit's do.
  const [hover, setHover] = useState<number | null>(null);
  const stars = p.options === "stars";
  const shown = hover ?? value;
  const cls = [
    "sp-widget",
    "sp-feedback",
    `sp-feedback-${p.options}`,
    disabled ? "sp-disabled" : "",
  ];
  return (
    <div class={cls.filter(Boolean).join(" ")} style={widthStyle(p.width)}>
      <div
        class="sp-group-options"
        role="group"
        aria-label="Feedback"
        onKeyDown={moveFocus}
        onKeyUp={keepMoveKey}
        onMouseLeave={() => setHover(null)}
      >
        {FEEDBACK_OPTIONS[p.options].map(({ icon, rating, name }) => {
          const pressed = value === rating;
          const lit = stars ? shown !== null && rating <= shown : pressed;
          const classes = ["sp-feedback-option", pressed ? "sp-selected" : "", lit ? "sp-lit" : ""];
          return (
            <button
              key={rating}
              type="button"
              class={classes.filter(Boolean).join(" ")}
              aria-pressed={pressed}
              aria-label={name}
              title={name}
              disabled={disabled}
              onMouseEnter={() => stars && !disabled && setHover(rating)}
              onClick={() => set(pressed ? null : rating)}
            >
              <span class="sp-material-icon" aria-hidden="true">
                {icon}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

registerElement("button_group", ButtonGroup);
registerElement("feedback", Feedback);
