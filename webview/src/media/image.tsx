// The `image` element: one or more images (media payloads or URLs) with captions, side by side
// and wrapping, as Streamlit lays out a list of images.

import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { ElementProps, ViewerStore } from "../core/types";
import { useNodeProps, usePayloads } from "../data/hooks";

interface ImageEntry {
  hash?: string;
  url?: string;
  mimetype: string;
  caption?: string;
}

export function parseImages(raw: unknown): ImageEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: ImageEntry[] = [];
  for (const item of raw) {
    if (typeof item !== "object" || item === null) continue;
    const r = item as Record<string, unknown>;
    const entry: ImageEntry = { mimetype: typeof r.mimetype === "string" ? r.mimetype : "image/*" };
    if (typeof r.hash === "string") entry.hash = r.hash;
    if (typeof r.url === "string") entry.url = r.url;
    if (typeof r.caption === "string") entry.caption = r.caption;
    out.push(entry);
  }
  return out;
}

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

export function Image({ node, store }: ElementProps): JSX.Element {
  const props = useNodeProps(node, store);
  const images = useMemo(() => parseImages(props.images), [props.images]);
  const hashes = useMemo(
    () => images.flatMap((i) => (i.hash !== undefined ? [i.hash] : [])),
    [images],
  );
  usePayloads(store, hashes);
  const width = props.width;
  const imgStyle: JSX.CSSProperties =
    typeof width === "number"
      ? { width: `${width}px`, maxWidth: "100%" }
      : width === "stretch"
        ? { width: "100%" }
        : { maxWidth: "100%" };
  const link = typeof props.link === "string" ? props.link : undefined;
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
