// `chat_message` (st.chat_message): a container with the author's avatar beside its content.
// The avatar is a preset icon (user / assistant), a Material icon, an emoji, an image, or the
// first letter of the author's name.

import type { JSX } from "preact";
import { Children } from "../core/Node";
import { usePayload } from "../core/ui";
import type { ChatMessageProps, ElementProps, ImageItem, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";
import { Icon } from "./icon";

const PRESET_ICONS: Record<string, string> = {
  user: ":material/face:",
  assistant: ":material/smart_toy:",
};

function AvatarImage({ image, store }: { image: ImageItem; store: ViewerStore }) {
  const { hash, url, mimetype } = image;
  const ready = usePayload(store, hash);
  const src =
    hash !== undefined ? (ready !== undefined ? store.mediaUrl(hash, mimetype) : undefined) : url;
  return src ? <img class="sp-chat-avatar-img" src={src} alt="" /> : null;
}

function Avatar({ props: p, store }: { props: ChatMessageProps; store: ViewerStore }) {
  const avatar = p.avatar ?? "";
  let face: JSX.Element | string;
  let kind: string = p.avatar_type;
  if (kind === "image" && p.image !== undefined) {
    face = <AvatarImage image={p.image} store={store} />;
  } else if (kind === "emoji") {
    face = <span class="sp-emoji">{avatar}</span>;
  } else if (avatar === "user" || avatar === "assistant") {
    kind = avatar;
    face = <Icon icon={PRESET_ICONS[avatar] ?? ""} />;
  } else if (avatar.startsWith(":material/")) {
    face = <Icon icon={avatar} />;
  } else {
    kind = "letter";
    face = [...p.name][0] ?? "";
  }
  return (
    <div class={`sp-chat-avatar sp-chat-avatar-${kind}`} aria-hidden="true">
      {face}
    </div>
  );
}

function ChatMessage({ node, store }: ElementProps<"chat_message">) {
  const { width, name } = node.props;
  const style: JSX.CSSProperties = typeof width === "number" ? { maxWidth: `${width}px` } : {};
  const role = name === "user" || name === "human" ? "sp-chat-from-user" : "";
  return (
    <div
      class={`sp-chat-message ${role}${width === "content" ? " sp-chat-content-width" : ""}`}
      style={style}
      role="article"
      aria-label={`Chat message from ${name}`}
    >
      <Avatar props={node.props} store={store} />
      <div class="sp-chat-body">
        <Children node={node} store={store} />
      </div>
    </div>
  );
}

registerElement("chat_message", ChatMessage);
