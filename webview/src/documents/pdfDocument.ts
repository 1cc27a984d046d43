// pdf.js: its own chunk, loaded on the first st.pdf. Its worker (pdf.worker.min.mjs, copied
// beside the bundle by webview/build.mjs) parses the document off the main thread (in VS Code's
// panel too: core/worker_url.ts); where a worker cannot start, pdf.js parses on the page.

import * as pdfjs from "pdfjs-dist";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { workerUrl } from "../core/worker_url";

const workerReady = workerUrl(new URL("../pdf.worker.min.mjs", import.meta.url).href).then(
  (url) => {
    pdfjs.GlobalWorkerOptions.workerSrc = url;
  },
);

export type { PDFDocumentProxy };

/** Open a PDF from its bytes. */
export async function openPdf(source: Uint8Array): Promise<PDFDocumentProxy> {
  await workerReady;
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  return pdfjs.getDocument({ data: new Uint8Array(source), isEvalSupported: false }).promise;
}

/** Draw page `number` into `canvas` at `scale` (CSS pixels per PDF point), sharp on HiDPI. */
export async function drawPage(
  doc: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement,
  scale: number,
): Promise<void> {
  const page = await doc.getPage(number);
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}

/** A page's width in PDF points (for fitting it to the viewer's width). */
export async function pageWidth(doc: PDFDocumentProxy, number: number): Promise<number> {
  const page = await doc.getPage(number);
  return page.getViewport({ scale: 1 }).width;
}
