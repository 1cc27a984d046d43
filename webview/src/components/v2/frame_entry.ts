// The entry point of static/components_v2_frame.js (webview/build.mjs): starts the frame's
// runtime. Exports nothing, so the bundle runs as the classic inline script of the frame's page.
import { startFrameRuntime } from "./frame_runtime";

startFrameRuntime();
