// The `audio` and `video` elements: native players with start/end times, loop, autoplay, muted.
// YouTube links become an embedded player, as in Streamlit.

import type { JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { usePayloads } from "../data/hooks";
import { mediaSource } from "./image";

const YOUTUBE =
  /^(?:https?:)?\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,})/;

/** The embed URL for a YouTube link, or undefined for anything else. */
export function youtubeEmbed(
  url: string,
  start: number,
  end: number | undefined,
  loop: boolean,
  autoplay: boolean,
  muted: boolean,
): string | undefined {
  const match = YOUTUBE.exec(url);
  if (match === null) return undefined;
  const id = match[1] ?? "";
  const params = new URLSearchParams();
  if (start > 0) params.set("start", String(start));
  if (end !== undefined) params.set("end", String(end));
  if (loop) {
    params.set("loop", "1");
    params.set("playlist", id);
  }
  if (autoplay) params.set("autoplay", "1");
  if (muted) params.set("mute", "1");
  const query = params.toString();
  return `https://www.youtube.com/embed/${id}${query ? "?" + query : ""}`;
}

function Player({
  node,
  store,
  kind,
}: ElementProps<"audio" | "video"> & { kind: "audio" | "video" }): JSX.Element {
  const p = node.props;
  const { hash, url, mimetype } = p;
  usePayloads(store, hash !== undefined ? [hash] : []);
  const src = mediaSource(store, hash, url, mimetype);
  const start = p.start_time ?? 0;
  const end = p.end_time;
  const loop = p.loop === true;
  const autoplay = p.autoplay === true;
  const muted = p.muted === true;
  const media = useRef<HTMLMediaElement>(null);

  useEffect(() => {
    const el = media.current;
    if (el === null) return;
    const seek = (): void => {
      if (start > 0) el.currentTime = start;
    };
    // Stop (or loop back) at end_time: the native `loop` would run to the file's end.
    const watch = (): void => {
      if (end === undefined || el.currentTime < end) return;
      if (loop) el.currentTime = start;
      else el.pause();
    };
    const ended = (): void => {
      if (loop && start > 0) {
        el.currentTime = start;
        void el.play().catch(() => undefined);
      }
    };
    if (el.readyState >= 1) seek();
    el.addEventListener("loadedmetadata", seek);
    el.addEventListener("timeupdate", watch);
    el.addEventListener("ended", ended);
    return () => {
      el.removeEventListener("loadedmetadata", seek);
      el.removeEventListener("timeupdate", watch);
      el.removeEventListener("ended", ended);
    };
  }, [src, start, end, loop]);

  const style: JSX.CSSProperties =
    p.width !== undefined ? { width: `${p.width}px`, maxWidth: "100%" } : { width: "100%" };
  if (src === undefined)
    return <div class={`sp-media-pending sp-${kind}-pending`} style={style} aria-busy="true" />;
  if (kind === "video" && url !== undefined) {
    const embed = youtubeEmbed(url, start, end, loop, autoplay, muted);
    if (embed !== undefined) {
      return (
        <iframe
          class="sp-video-embed"
          src={embed}
          style={style}
          title="Video"
          allow="autoplay; encrypted-media; picture-in-picture"
          allowFullScreen
        />
      );
    }
  }
  // The native loop only when no start/end range applies; otherwise the handlers loop the range.
  const nativeLoop = loop && start === 0 && end === undefined;
  if (kind === "audio") {
    return (
      <audio
        ref={media as { current: HTMLAudioElement | null }}
        class="sp-audio"
        controls
        src={src}
        loop={nativeLoop}
        autoplay={autoplay}
        style={style}
        data-testid="stAudio"
      >
        <source src={src} type={mimetype} />
      </audio>
    );
  }
  return (
    <video
      ref={media as { current: HTMLVideoElement | null }}
      class="sp-video"
      controls
      src={src}
      loop={nativeLoop}
      autoplay={autoplay}
      muted={muted}
      playsInline
      style={style}
      data-testid="stVideo"
    />
  );
}

export function Audio(props: ElementProps<"audio">): JSX.Element {
  return <Player {...props} kind="audio" />;
}

export function Video(props: ElementProps<"video">): JSX.Element {
  return <Player {...props} kind="video" />;
}
