// The `image` element: one or more images (media payloads or URLs) with captions, side by side
// and wrapping, as Streamlit lays out a list of images.

import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { ElementProps, ViewerStore } from "../core/types";
import { usePayloads } from "../data/hooks";

/** Where a media item's bytes are: an object URL for a payload (once here), else its URL. */
export function mediaSource(
  store: ViewerStore,
  hash: string | undefined,
  url: string | undefined,
  mimetype: string,
): string | undefined {
  if (hash !== undefined) return store.mediaUrl(hash, mimetype);
  return url;
}

export function Image({ node, store }: ElementProps<"image">): JSX.Element {
  const { images, width, link } = node.props;
  const hashes = useMemo(
    () => images.flatMap((i) => (i.hash !== undefined ? [i.hash] : [])),
    [images],
  );
  usePayloads(store, hashes);
  const imgStyle: JSX.CSSProperties =
    typeof width === "number"
      ? { width: `${width}px`, maxWidth: "100%" }
      : width === "stretch"
        ? { width: "100%" }
        : { maxWidth: "100%" };
  return (
    <div class="sp-images" data-testid="stImage">
      {images.map((img, i) => {
        const src = mediaSource(store, img.hash, img.url, img.mimetype);
        const picture =
          src === undefined ? (
            <div
              class="sp-media-pending"
              style={typeof width === "number" ? { width: `${width}px` } : undefined}
              aria-busy="true"
            />
          ) : (
            <img src={src} alt={img.caption ?? ""} style={imgStyle} />
          );
        return (
          <figure key={i} class={"sp-image" + (width === "stretch" ? " sp-image-stretch" : "")}>
            {link !== undefined ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {picture}
              </a>
            ) : (
              picture
            )}
            {img.caption !== undefined && (
              <figcaption class="sp-image-caption">{img.caption}</figcaption>
            )}
          </figure>
        );
      })}
    </div>
  );
}
