// The preview panel's page: the viewer bundle (dist/webview/) under a strict Content-Security-
// Policy. The one script element carries a fresh nonce; the bundle's chunks load by import() from
// the webview's resource origin (`cspSource`), which is all script-src allows besides the nonce.

import { randomBytes } from "node:crypto";

export interface PanelPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri` of dist/webview/sidepane.js and sidepane.css. */
  scriptUri: string;
  styleUri: string;
  /** The app's modules, fetched beside the entry instead of after it (dist/webview/preload.json). */
  preloadUris: string[];
  nonce: string;
  /** The previewed script's path, kept by the page in its state for the reload serializer. */
  script: string;
  title: string;
  /** A page's script to open the app at (Preview App on a page file), else none. */
  pageFile?: string;
  /** Where the language server serves custom components, as the webview reaches it
   * (componentHost.ts): Sidepane's own pages (component files, HTML pages) are framed from it. */
  componentBase?: string;
  /** The extension runs on another machine than the panel (`vscode.env.remoteName`): a
   * `url=` component's loopback dev server is then not the webview's loopback. */
  remote?: boolean;
}

/** A nonce of 128 random bits (base64: within CSP's nonce syntax). */
export function makeNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${cspSource} 'wasm-unsafe-eval'`,
    // pdf.js's and maplibre's workers: started from a blob: of the script's text, which the page
    // fetches from `cspSource` (webview/src/core/worker_url.ts).
    `worker-src ${cspSource} blob:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource} data: https:`, // a config.toml's [[theme.fontFaces]] may load over https
    `img-src ${cspSource} data: blob: https:`,
    `media-src ${cspSource} blob: https:`,
    // The runtime is reached by postMessage. Fetched: those worker scripts, and a deck.gl
    // chart's base map (st.map, st.pydeck_chart) from Carto's hosts, as in the browser page
    // (servers/web/page.py), and Carto's API for pydeck's Carto layers.
    `connect-src ${cspSource} https://basemaps.cartocdn.com https://*.basemaps.cartocdn.com https://*.api.carto.com`,
    // Frames as in the browser page (servers/web/page.py): the components server's pages
    // (http(s)), st.iframe's and components.iframe's URLs, data: URLs and local files (blob:),
    // each sandboxed by the viewer (webview/src/components/frame_policy.ts). A framed page is
    // an origin of its own, cross-origin to the webview: it can reach neither the page nor the
    // VS Code API, and the viewer takes no message from it but its own frame's.
    "frame-src http: https: data: blob:",
  ].join("; ");
}

export function panelHtml(page: PanelPage): string {
  const csp = contentSecurityPolicy(page.cspSource, page.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
${page.preloadUris.map((uri) => `<link rel="modulepreload" href="${escapeHtml(uri)}">\n`).join("")}<script type="module" nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</head>
<body data-script="${escapeHtml(page.script)}"${page.pageFile ? ` data-page-file="${escapeHtml(page.pageFile)}"` : ""}${page.componentBase ? ` data-component-base="${escapeHtml(page.componentBase)}"` : ""}${page.remote === true ? " data-remote" : ""}>
<div id="root"></div>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
