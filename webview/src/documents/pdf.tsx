// The `pdf` element: every page drawn by pdf.js (pdfDocument.ts, its own chunk) into a scrolling
// box, fitted to its width; a toolbar moves between pages and zooms, as Streamlit's viewer does.
// A URL's document arrives as bytes too (the runtime downloads it: the page fetches nothing from
// other hosts); when it could not, the runtime says why and the viewer offers the URL in a tab.

import { useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps } from "../core/types";
import { lazyModule, useLazyRender } from "../core/lazy";
import { useElementWidth, usePayloads } from "../data/hooks";
import type { PDFDocumentProxy } from "./pdfDocument";

const loadPdfJs = lazyModule(() => import("./pdfDocument"));

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function Pdf({ node, store }: ElementProps<"pdf">): JSX.Element {
  const { hash, url, height, alt } = node.props;
  usePayloads(store, hash !== undefined ? [hash] : []);
  const payload = hash !== undefined ? store.getPayload(hash) : undefined;
  const bytes = payload instanceof Uint8Array ? payload : undefined;
  const box = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [zoom, setZoom] = useState(1);
  const [current, setCurrent] = useState(1);

  // Open the document (closed again when the bytes change or the element goes).
  const opened = useLazyRender(
    loadPdfJs,
    box,
    async ({ openPdf }, _el, active) => {
      setDoc(null);
      const d = await openPdf(bytes!);
      if (active()) {
        setDoc(d);
        setCurrent(1);
      }
      return () => {
        setDoc((shown) => (shown === d ? null : shown));
        void d.destroy();
      };
    },
    [bytes],
    { enabled: bytes !== undefined },
  );

  // Draw every page, fitted to the box's width at zoom 1.
  const drawn = useLazyRender(
    loadPdfJs,
    pagesRef,
    async ({ drawPage, pageWidth }, holder, active) => {
      const fit = (width - 24) / (await pageWidth(doc!, 1));
      const canvases = [...holder.querySelectorAll("canvas")];
      for (let i = 0; i < canvases.length && active(); i++) {
        await drawPage(doc!, i + 1, canvases[i]!, fit * zoom);
      }
    },
    [doc, width, zoom],
    { enabled: doc !== null && width > 0 },
  );
  const error = node.props.error ?? opened.error ?? drawn.error;

  // A document no longer given (the runtime could not download the new URL) is not shown.
  const pages = bytes !== undefined ? (doc?.numPages ?? 0) : 0;
  const goTo = (n: number): void => {
    const target = Math.min(Math.max(n, 1), pages);
    setCurrent(target);
    pagesRef.current
      ?.querySelector(`[data-page="${target}"]`)
      ?.scrollIntoView({ block: "start", behavior: "auto" });
  };
  // The page whose top is nearest the viewport's top is the current one.
  const onScroll = (): void => {
    const holder = pagesRef.current;
    if (holder === null) return;
    const top = holder.getBoundingClientRect().top;
    let best = 1;
    for (const el of holder.querySelectorAll<HTMLElement>("[data-page]")) {
      if (el.getBoundingClientRect().top - top <= holder.clientHeight / 2) {
        best = Number(el.dataset.page);
      }
    }
    setCurrent(best);
  };
  const zoomIndex = ZOOMS.indexOf(zoom);

  return (
    <div
      class="sp-pdf"
      ref={box}
      style={{ height: height === "stretch" ? "100%" : `${height}px` }}
      role="document"
      aria-label={alt}
      data-testid="stPdf"
    >
      <div class="sp-pdf-toolbar" role="toolbar">
        <button
          type="button"
          aria-label="Previous page"
          disabled={current <= 1}
          onClick={() => goTo(current - 1)}
        >
          ‹
        </button>
        <span class="sp-pdf-page">{pages > 0 ? `${current} / ${pages}` : "…"}</span>
        <button
          type="button"
          aria-label="Next page"
          disabled={current >= pages}
          onClick={() => goTo(current + 1)}
        >
          ›
        </button>
        <span class="sp-pdf-spacer" />
        <button
          type="button"
          aria-label="Zoom out"
          disabled={zoomIndex <= 0}
          onClick={() => setZoom(ZOOMS[zoomIndex - 1] ?? zoom)}
        >
          −
        </button>
        <span class="sp-pdf-zoom">{`${Math.round(zoom * 100)}%`}</span>
        <button
          type="button"
          aria-label="Zoom in"
          disabled={zoomIndex >= ZOOMS.length - 1}
          onClick={() => setZoom(ZOOMS[zoomIndex + 1] ?? zoom)}
        >
          +
        </button>
      </div>
      {error !== null && (
        <div class="sp-chart-error" role="alert">
          {`PDF error: ${error}`}
          {url !== undefined && (
            <div>
              <a href={url} target="_blank" rel="noopener noreferrer">
                Open the PDF in a new tab
              </a>
            </div>
          )}
        </div>
      )}
      <div
        class="sp-pdf-pages"
        ref={pagesRef}
        onScroll={onScroll}
        aria-busy={doc === null && error === null}
      >
        {Array.from({ length: pages }, (_, i) => (
          <div class="sp-pdf-sheet" data-page={i + 1} key={i}>
            <canvas aria-label={`Page ${i + 1}`} />
          </div>
        ))}
      </div>
    </div>
  );
}
