// A fixed-height container's autoscroll: it follows content added at its end (a chat log) while
// the person is at that end, as Streamlit's does; scrolling up stops it until they come back.

import type { RefObject } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

/** How near the end (px) still counts as "at the end". */
const END_THRESHOLD = 4;

/**
 * A ref for the scrolling box. It follows new content when it has a fixed height and
 * `autoscroll` is true, or absent while it holds chat messages (Streamlit's default).
 */
export function useAutoscroll(
  fixed: boolean,
  autoscroll: boolean | undefined,
): RefObject<HTMLDivElement> {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!fixed || autoscroll === false || !el || typeof MutationObserver === "undefined") return;
    let atEnd = true;
    const onScroll = () => {
      atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < END_THRESHOLD;
    };
    const follow = () => {
      const wanted = autoscroll === true || el.querySelector(".sp-chat-message") !== null;
      if (wanted && atEnd) el.scrollTop = el.scrollHeight;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    const observer = new MutationObserver(follow);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    follow();
    return () => {
      el.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, [fixed, autoscroll]);
  return box;
}
