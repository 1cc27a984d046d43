// `exception` elements: the error, its message, and the traceback with the app's own frames
// emphasized and library frames folded; a frame click opens its location in the editor.

import { useState } from "preact/hooks";
import { renderMarkdown } from "./markdownRender";
import type { ElementProps, TracebackFrame, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";

function FrameRow({ frame, store }: { frame: TracebackFrame; store: ViewerStore }) {
  const base = frame.file.split(/[\\/]/).pop() ?? frame.file;
  return (
    <li class={frame.user ? "sp-frame sp-frame-user" : "sp-frame"}>
      <button
        type="button"
        class="sp-frame-loc"
        title={`${frame.file}:${frame.line}`}
        onClick={() => store.openLocation(frame.file, frame.line)}
      >
        {frame.user ? base : frame.file}:{frame.line}
      </button>{" "}
      in <code>{frame.name}</code>
      {frame.code && <pre class="sp-frame-code">{frame.code}</pre>}
      {frame.col !== undefined && (
        <pre class="sp-frame-caret">{" ".repeat(Math.max(0, frame.col - 1)) + "^"}</pre>
      )}
    </li>
  );
}

/** Consecutive library frames become one folded group. */
function LibraryGroup({ group, store }: { group: TracebackFrame[]; store: ViewerStore }) {
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <>
        {group.map((f, i) => (
          <FrameRow key={i} frame={f} store={store} />
        ))}
      </>
    );
  return (
    <li class="sp-frame sp-frame-folded">
      <button
        type="button"
        class="sp-link-button"
        onClick={() => setOpen(true)}
        aria-expanded={false}
      >
        {group.length} library frame{group.length === 1 ? "" : "s"} hidden — show
      </button>
    </li>
  );
}

export function Exception({ node, store }: ElementProps<"exception">) {
  const { type, message, note } = node.props;
  const rows: (TracebackFrame | TracebackFrame[])[] = [];
  for (const f of node.props.frames) {
    const last = rows[rows.length - 1];
    if (f.user) rows.push(f);
    else if (Array.isArray(last)) last.push(f);
    else rows.push([f]);
  }
  return (
    <div class="sp-exception" role="alert">
      <div class="sp-exception-head">
        {/* No type: client.showErrorDetails = "none" withholds it. */}
        {type && <strong>{type}</strong>}
        {message && node.props.markdown !== true && (
          <>
            {type ? ": " : ""}
            {message}
          </>
        )}
      </div>
      {/* A MarkdownFormattedException's message is Markdown, shown formatted below its type. */}
      {message && node.props.markdown === true && (
        <div
          class="sp-exception-message sp-markdown-body"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(message) }}
        />
      )}
      {note && <div class="sp-exception-note">{note}</div>}
      {rows.length > 0 && (
        <>
          <div class="sp-exception-tb">Traceback:</div>
          <ol class="sp-frames">
            {rows.map((row, i) =>
              Array.isArray(row) ? (
                <LibraryGroup key={i} group={row} store={store} />
              ) : (
                <FrameRow key={i} frame={row} store={store} />
              ),
            )}
          </ol>
        </>
      )}
    </div>
  );
}

registerElement("exception", Exception);
