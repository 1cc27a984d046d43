// `st.logo` (the `logo` frame): the app's logo at the top of the sidebar, and at the top of the
// app while the sidebar is closed (its `icon_image` there, when given). The frame's state lives
// here, apart from the store's app state: only these two places read it.

import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { LogoFrame, LogoImage } from "./core/protocol.generated";
import type { ViewerStore } from "./core/types";
import { usePayloads } from "./data/hooks";
import { Icon } from "./elements/icon";

type Logo = Omit<LogoFrame, "t">;

let current: Logo = {};
const listeners = new Set<(logo: Logo) => void>();

/** Show the logo a `logo` frame carries (none when it has no image). */
export function showLogo(frame: Logo): void {
  current = { ...frame };
  for (const listener of listeners) listener(current);
}

function useLogo(): Logo {
  const [logo, setLogo] = useState(current);
  useEffect(() => {
    listeners.add(setLogo);
    setLogo(current);
    return () => {
      listeners.delete(setLogo);
    };
  }, []);
  return logo;
}

function LogoPicture({ image, store }: { image: LogoImage; store: ViewerStore }) {
  const hashes = image.kind === "image" && image.mimetype !== undefined ? [image.value] : [];
  usePayloads(store, hashes);
  if (image.kind !== "image") return <Icon icon={image.value} />;
  const src =
    image.mimetype !== undefined ? store.mediaUrl(image.value, image.mimetype) : image.value;
  if (src === undefined) return <span class="sp-logo-pending" aria-busy="true" />;
  return <img class="sp-logo-image" src={src} alt="Logo" />;
}

/** The logo at the top of the sidebar (`place="sidebar"`) or of the app (`place="app"`). */
export function AppLogo({
  store,
  place,
}: {
  store: ViewerStore;
  place: "sidebar" | "app";
}): JSX.Element | null {
  const logo = useLogo();
  const image = place === "app" ? (logo.icon_image ?? logo.image) : logo.image;
  if (image === undefined) return null;
  const picture = <LogoPicture image={image} store={store} />;
  return (
    <div class={`sp-logo sp-logo-${logo.size ?? "medium"} sp-logo-${place}`} data-testid="stLogo">
      {logo.link !== undefined ? (
        <a href={logo.link} target="_blank" rel="noopener noreferrer">
          {picture}
        </a>
      ) : (
        picture
      )}
    </div>
  );
}
