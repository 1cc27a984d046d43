// `link_button`: a link drawn as a button, opened in a new tab. It is an <a target="_blank">,
// which a browser opens itself and which the VS Code panel's webview host hands to VS Code's
// opener (a webview cannot open tabs), as it does for every link the viewer draws. With an `id`
// (on_click "rerun" or a callback) the click also sends a trigger, as a button's does.

import type { JSX } from "preact";
import { Help, InlineMarkdown } from "../core/ui";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";

/** Width for a button-like element: pixels, "stretch", or (absent) its content. */
export function buttonWidth(width: number | "stretch" | undefined): {
  stretch: boolean;
  style: JSX.CSSProperties;
} {
  if (width === "stretch") return { stretch: true, style: {} };
  return { stretch: false, style: width !== undefined ? { width: `${width}px` } : {} };
}

/** Send a trigger widget's one-run value (a click), as a button's click does. */
export function sendClick(store: ViewerStore, id: string, value: unknown): void {
  store.sendTrigger?.(id, value);
}

function LinkButton({ node, store }: ElementProps<"link_button">) {
  const p = node.props;
  const disabled = p.disabled === true;
  const icon = p.icon !== undefined ? <Icon icon={p.icon} /> : null;
  const right = p.icon_position === "right";
  const { stretch, style } = buttonWidth(p.width);
  return (
    <div class={`sp-widget sp-button-row${stretch ? " sp-stretch" : ""}`}>
      <a
        class={`sp-button sp-button-${p.kind} sp-link-button${disabled ? " sp-disabled" : ""}`}
        style={style}
        href={disabled ? undefined : p.url}
        target="_blank"
        rel="noopener noreferrer"
        role={disabled ? "link" : undefined}
        aria-disabled={disabled || undefined}
        title={p.shortcut}
        onClick={(event) => {
          if (disabled) {
            event.preventDefault();
            return;
          }
          // The link opens as any link does; a widget also reruns the app.
          if (p.id !== undefined) sendClick(store, p.id, true);
        }}
      >
        {!right && icon}
        <InlineMarkdown text={p.label} />
        {right && icon}
      </a>
      {p.help !== undefined && p.help !== "" && <Help text={p.help} />}
    </div>
  );
}

registerElement("link_button", LinkButton);
