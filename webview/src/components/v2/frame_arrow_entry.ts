// The entry point of static/components_v2_arrow.js (webview/build.mjs): Apache Arrow's IPC
// reader for a v2 component's frame, which the server puts in the frame's page only for an
// instance whose data holds tables (they arrive as Arrow `Table`s, as in Streamlit). It is
// large (~220 kB), so other frames go without. Read by frame_runtime.ts's `decodeTables`.
import { tableFromIPC } from "apache-arrow";
import { ARROW_READER } from "./messages";

(globalThis as Record<string, unknown>)[ARROW_READER] = tableFromIPC;
