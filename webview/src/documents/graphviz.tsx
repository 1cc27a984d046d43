// The `graphviz_chart` element: DOT laid out by Graphviz in the viewer (graphvizSvg.ts, its own
// chunk) and shown as inline SVG. "content" keeps the graph's own size, at most the
// container's; "stretch" or pixels scale the drawing to that box.

import { useRef } from "preact/hooks";
import type { JSX } from "preact";
import { lazyModule, useLazyRender } from "../core/lazy";
import type { ElementProps } from "../core/types";

const loadLayout = lazyModule(() => import("./graphvizSvg"));

export function GraphvizChart({ node }: ElementProps<"graphviz_chart">): JSX.Element {
  const { spec, engine, width, height, alt } = node.props;
  const host = useRef<HTMLDivElement>(null);
  const sized = width !== undefined || height !== undefined;

  const { error, drawn } = useLazyRender(
    loadLayout,
    host,
    async ({ graphvizSvg }, el, active) => {
      const svg = await graphvizSvg(spec, engine);
      if (!active()) return;
      // Graphviz's own output (it escapes the DOT's labels); no script can come from it.
      el.innerHTML = svg;
      const drawing = el.querySelector("svg");
      if (drawing !== null && sized) {
        // Sized by the box: the viewBox keeps the proportions.
        drawing.removeAttribute("width");
        drawing.removeAttribute("height");
      }
    },
    [spec, engine, sized],
  );

  const style: JSX.CSSProperties = {};
  if (typeof width === "number") style.width = `${width}px`;
  else if (width === "stretch") style.width = "100%";
  if (typeof height === "number") style.height = `${height}px`;
  else if (height === "stretch") style.height = "100%";
  return (
    <div
      class="sp-graphviz"
      data-testid="stGraphVizChart"
      style={style}
      role="img"
      aria-label={alt}
      aria-busy={!drawn && error === null}
    >
      {error !== null && <div class="sp-chart-error">{`Graphviz error: ${error}`}</div>}
      <div ref={host} class="sp-graphviz-host" />
    </div>
  );
}
