// `button` (and a form's submit button) and `download_button`.

import type { JSX } from "preact";
import { Help, InlineMarkdown, widgetProps } from "../core/ui";
import type { ButtonProps, DownloadButtonProps, ElementProps, TreeNode } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "../elements/icon";

function ButtonFace({
  node,
  onClick,
}: {
  node: TreeNode<ButtonProps | DownloadButtonProps>;
  onClick: () => void;
}) {
  const { label, disabled, help } = widgetProps(node);
  const p = node.props;
  const icon = p.icon !== undefined ? <Icon icon={p.icon} /> : null;
  const right = p.icon_position === "right";
  const style: JSX.CSSProperties = p.width !== undefined ? { width: `${p.width}px` } : {};
  return (
    <div class={`sp-widget sp-button-row${p.use_container_width === true ? " sp-stretch" : ""}`}>
      <button
        type="button"
        class={`sp-button sp-button-${p.kind}`}
        disabled={disabled}
        style={style}
        title={p.shortcut}
        onClick={onClick}
      >
        {!right && icon}
        <InlineMarkdown text={label} />
        {right && icon}
      </button>
      {help && <Help text={help} />}
    </div>
  );
}

function Button({ node, store }: ElementProps<"button">) {
  const onClick = () => {
    const form = node.props.form;
    if (node.props.is_submit === true && form !== undefined) store.submitForm(form, node);
    else store.setWidgetValue(node, true);
  };
  return <ButtonFace node={node} onClick={onClick} />;
}

function DownloadButton({ node, store }: ElementProps<"download_button">) {
  const onClick = () => {
    const p = node.props;
    const url = p.hash !== undefined ? store.mediaUrl(p.hash, p.mimetype) : undefined;
    if (url) {
      const a = document.createElement("a");
      a.href = url;
      a.download = p.file_name ?? "download";
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    // "ignore" just downloads; otherwise the click is a trigger like a button's.
    if (p.ignore_rerun !== true) store.setWidgetValue(node, true);
  };
  return <ButtonFace node={node} onClick={onClick} />;
}

registerElement("button", Button);
registerElement("download_button", DownloadButton);
