// The `pdf` element: every page drawn by pdf.js (pdfDocument.ts, its own chunk) into a scrolling
// box, fitted to its width; a toolbar moves between pages and zooms, as Streamlit's viewer does.

import { useEffect, useRef, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { ElementProps } from "../core/types";
import { useElementWidth, usePayloads } from "../data/hooks";
import type { PDFDocumentProxy } from "./pdfDocument";

let loading: Promise<typeof import("./pdfDocument")> | null = null;

function loadPdfJs(): Promise<typeof import("./pdfDocument")> {
  loading ??= import("./pdfDocument").catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function Pdf({ node, store }: ElementProps<"pdf">): JSX.Element {
  const { hash, url, height, alt } = node.props;
  usePayloads(store, hash !== undefined ? [hash] : []);
  const bytes = hash !== undefined ? store.getPayload(hash) : undefined;
  const source = bytes instanceof Uint8Array ? bytes : url;
  const box = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState(1);
  const [current, setCurrent] = useState(1);

  useEffect(() => {
    if (source === undefined) return;
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    setDoc(null);
    loadPdfJs()
      .then(({ openPdf }) => openPdf(source))
      .then((d) => {
        opened = d;
        if (cancelled) void d.destroy();
        else {
          setDoc(d);
          setError(null);
          setCurrent(1);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [source]);

  // Draw every page, fitted to the box's width at zoom 1.
  useEffect(() => {
    const holder = pagesRef.current;
    if (doc === null || holder === null || width === 0) return;
    let cancelled = false;
    void loadPdfJs().then(async ({ drawPage, pageWidth }) => {
      const fit = (width - 24) / (await pageWidth(doc, 1));
      const canvases = [...holder.querySelectorAll("canvas")];
      for (let i = 0; i < canvases.length && !cancelled; i++) {
        await drawPage(doc, i + 1, canvases[i]!, fit * zoom).catch((e: unknown) => {
          setError(e instanceof Error ? e.message : String(e));
        });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [doc, width, zoom]);

  const pages = doc?.numPages ?? 0;
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
        <div class="sp-chart-error">
          {`PDF error: ${error}`}
          {/* The page may fetch only from its own server (its CSP): a PDF elsewhere opens in
              a tab of its own. */}
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
