// `exception` elements: the error, its message, and the traceback with the app's own frames
// emphasized and library frames folded; a frame click opens its location in the editor.

import { useState } from "preact/hooks";
import { str } from "../core/ui";
import { renderMarkdown } from "./markdownRender";
import type { ElementProps, ViewerStore } from "../core/types";
import { registerElement } from "../core/types";

interface Frame {
  file: string;
  line: number;
  name: string;
  code: string;
  user: boolean;
  col?: number;
}

function frames(value: unknown): Frame[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is Frame => typeof f === "object" && f !== null && typeof (f as Frame).file === "string",
  );
}

function FrameRow({ frame, store }: { frame: Frame; store: ViewerStore }) {
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
function LibraryGroup({ group, store }: { group: Frame[]; store: ViewerStore }) {
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

export function Exception({ node, store }: ElementProps) {
  const type = str(node.props.type, "Exception");
  const message = str(node.props.message);
  const note = node.props.note;
  const list = frames(node.props.frames);
  const rows: (Frame | Frame[])[] = [];
  for (const f of list) {
    const last = rows[rows.length - 1];
    if (f.user) rows.push(f);
    else if (Array.isArray(last)) last.push(f);
    else rows.push([f]);
  }
  return (
    <div class="sp-exception" role="alert">
      <div class="sp-exception-head">
        <strong>{type}</strong>
        {message && node.props.markdown !== true && <>: {message}</>}
      </div>
      {/* A MarkdownFormattedException's message is Markdown, shown formatted below its type. */}
      {message && node.props.markdown === true && (
        <div
          class="sp-exception-message sp-markdown-body"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(message) }}
        />
      )}
      {typeof note === "string" && note && <div class="sp-exception-note">{note}</div>}
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
