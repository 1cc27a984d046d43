// The bottom root (`st.bottom`, and a chat_input called in the app body): drawn under the main
// column, stuck to the bottom of the window; while it holds something, the page sticks to its
// own bottom (core/bottom.ts) as Streamlit's does.

import { useEffect } from "preact/hooks";
import { BOTTOM_ROOT, BOTTOM_SLOT_ID, stickToBottom } from "../core/bottom";
import { Children, useNode } from "../core/Node";
import type { ViewerStore } from "../core/types";

export function BottomSlot({ store }: { store: ViewerStore }) {
  const root = useNode(store, BOTTOM_ROOT);
  const filled = root !== undefined && root.children.size > 0;
  useEffect(() => {
    if (filled) stickToBottom();
  }, [filled]);
  return (
    <div id={BOTTOM_SLOT_ID} class="sp-bottom">
      {filled && (
        <div class="sp-bottom-root">
          <Children node={root} store={store} />
        </div>
      )}
    </div>
  );
}
