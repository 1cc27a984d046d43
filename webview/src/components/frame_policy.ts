// How the viewer frames a component: what the frame may do (sandbox, features) and where its
// page is. A page the server serves (a declared component's files, a components.html page) is
// sandboxed without allow-same-origin, here and by its route's own CSP
// (servers/web/component_routes.py): it runs as an origin of its own and cannot reach the
// app's page, cookies or session. A page elsewhere keeps its own origin, as in Streamlit.

import { basePath } from "../core/base_path";

const SANDBOX = [
  "allow-downloads",
  "allow-forms",
  "allow-modals",
  "allow-popups",
  "allow-popups-to-escape-sandbox",
  "allow-scripts",
];

/** The browser features a component may ask for (each still behind the browser's prompt). */
export const FEATURE_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "clipboard-write",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "usb",
  "xr-spatial-tracking",
].join("; ");

/** Whether `src` is on the app's own server (it then must not share the app's origin). */
export function onAppOrigin(src: string, here: string = location.href): boolean {
  try {
    return new URL(src, here).origin === new URL(here).origin;
  } catch {
    return true; // unparsable: the strict choice
  }
}

/** The frame's `sandbox` attribute for a page at `src`. */
export function sandboxFor(src: string, here?: string): string {
  return (onAppOrigin(src, here) ? SANDBOX : [...SANDBOX, "allow-same-origin"]).join(" ");
}

/** A path on the app's server for the components route (`/component/<name>/<file>`). */
export function componentRoute(name: string, file: string): string {
  return `${basePath()}/component/${encodeURIComponent(name)}/${file}`;
}

/** Where a declared component's page is: its `url`, else its files on the app's server; with
 * `streamlitUrl` (the app's address) as Streamlit adds it. */
export function componentSrc(name: string, url: string | undefined, here = location.href): string {
  const page = url !== undefined && url !== "" ? url : componentRoute(name, "index.html");
  const target = new URL(page, here);
  const app = new URL(here);
  target.searchParams.set("streamlitUrl", app.origin + app.pathname);
  return url !== undefined && url !== "" ? target.href : target.pathname + target.search;
}
