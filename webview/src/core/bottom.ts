// The bottom slot: the `bottom` root (`st.bottom`, and a chat_input called in the app body) is
// drawn there, and while it holds something, the page sticks to its bottom as Streamlit's does
// with a pinned input.

/** The root the runtime sends pinned elements to (docs/protocol.md, Paths). */
export const BOTTOM_ROOT = "bottom";

/** The id of the element the app chrome keeps under the main column for the bottom root. */
export const BOTTOM_SLOT_ID = "sp-bottom";

/** How near the end of the page (px) still counts as "at the bottom". */
const BOTTOM_THRESHOLD = 4;

let installed = false;
let sticky = true;

function pinned(): boolean {
  const slot = document.getElementById(BOTTOM_SLOT_ID);
  return slot !== null && slot.childElementCount > 0;
}

/**
 * Keep the page at its bottom while something is pinned: it starts there, and content added
 * while the person is at the bottom (new messages) scrolls into view; scrolling up stops that
 * until they scroll back down. Installed once per page: a pinned widget is redrawn at another
 * place in the tree whenever messages are drawn before it, and that must not reset anything.
 */
export function stickToBottom(): void {
  const page = document.scrollingElement;
  const main = document.querySelector(".sp-main");
  if (installed || !page || !main || typeof ResizeObserver === "undefined") return;
  installed = true;
  const atBottom = () => page.scrollHeight - page.scrollTop - page.clientHeight < BOTTOM_THRESHOLD;
  const follow = () => {
    if (sticky && pinned() && !atBottom()) page.scrollTop = page.scrollHeight;
  };
  // A page that grows does not scroll, so a scroll event is the person's (or ours, which lands
  // at the bottom).
  window.addEventListener("scroll", () => (sticky = atBottom()), { passive: true });
  new ResizeObserver(follow).observe(main);
  follow();
}
