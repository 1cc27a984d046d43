// Development builds only (main.tsx loads this chunk when SIDEPANE_DEV): each frame the viewer
// receives is checked against the schema, and a frame that breaks it shows as an error on the
// page and in the console instead of drawing a silently wrong element. The browser e2e tests
// fail on that console error, as the Python tests fail on a frame the runtime emits wrong.

import type { IncomingFrame } from "./protocol";
import { SHAPES } from "./protocol.shapes.generated";
import { validateFrame } from "./validate";

/** What the console error of a frame that breaks the schema starts with (tests look for it). */
export const VIOLATION = "Sidepane protocol: a frame breaks the schema";

const SHOWN = 20;
let panel: HTMLElement | undefined;
let shown = 0;

/** Check one received frame; report what is wrong with it. */
export function checkFrame(frame: IncomingFrame): void {
  const problems = validateFrame(SHAPES, frame);
  if (problems.length === 0) return;
  console.error(`${VIOLATION} ('${frame.t}'):\n${problems.join("\n")}`);
  if (shown >= SHOWN) return;
  shown += 1;
  panel ??= createPanel();
  const item = document.createElement("pre");
  item.textContent = `'${frame.t}' frame: ${problems.join("; ")}`;
  panel.appendChild(item);
}

function createPanel(): HTMLElement {
  const el = document.createElement("div");
  el.className = "sp-protocol-errors";
  el.setAttribute("role", "alert");
  const title = document.createElement("strong");
  title.textContent =
    "Frames that break the protocol schema (development build) — a bug in Sidepane:";
  el.appendChild(title);
  document.body.appendChild(el);
  return el;
}
