// `chat_message` (st.chat_message): a container with the author's avatar beside its content.
// The avatar is a preset icon (user / assistant), a Material icon, an emoji, an image, or the
// first letter of the author's name.

import type { JSX } from "preact";
import { Children } from "../core/Node";
import { str, usePayload } from "../core/ui";
import type { ElementProps, TreeNode, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "./icon";

const PRESET_ICONS: Record<string, string> = {
  user: ":material/face:",
  assistant: ":material/smart_toy:",
};

function AvatarImage({ image, store }: { image: Record<string, unknown>; store: ViewerStore }) {
  const hash = typeof image.hash === "string" ? image.hash : undefined;
  const ready = usePayload(store, hash);
  const src = hash
    ? ready !== undefined
      ? store.mediaUrl(hash, str(image.mimetype, "image/png"))
      : undefined
    : str(image.url) || undefined;
  return src ? <img class="sp-chat-avatar-img" src={src} alt="" /> : null;
}

function Avatar({ node, store }: { node: TreeNode; store: ViewerStore }) {
  const p = node.props;
  const avatar = str(p.avatar);
  let face: JSX.Element | string;
  let kind = str(p.avatar_type, "icon");
  if (kind === "image" && typeof p.image === "object" && p.image !== null) {
    face = <AvatarImage image={p.image as Record<string, unknown>} store={store} />;
  } else if (kind === "emoji") {
    face = <span class="sp-emoji">{avatar}</span>;
  } else if (avatar === "user" || avatar === "assistant") {
    kind = avatar;
    face = <Icon icon={PRESET_ICONS[avatar] ?? ""} />;
  } else if (avatar.startsWith(":material/")) {
    face = <Icon icon={avatar} />;
  } else {
    kind = "letter";
    face = [...str(p.name)][0] ?? "";
  }
  return (
    <div class={`sp-chat-avatar sp-chat-avatar-${kind}`} aria-hidden="true">
      {face}
    </div>
  );
}

function ChatMessage({ node, store }: ElementProps) {
  const width = node.props.width;
  const style: JSX.CSSProperties = typeof width === "number" ? { maxWidth: `${width}px` } : {};
  const name = str(node.props.name);
  const role = name === "user" || name === "human" ? "sp-chat-from-user" : "";
  return (
    <div
      class={`sp-chat-message ${role}${width === "content" ? " sp-chat-content-width" : ""}`}
      style={style}
      role="article"
      aria-label={`Chat message from ${name}`}
    >
      <Avatar node={node} store={store} />
      <div class="sp-chat-body">
        <Children node={node} store={store} />
      </div>
    </div>
  );
}

registerElement("chat_message", ChatMessage);
