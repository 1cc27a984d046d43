// The +/− zoom buttons over a deck.gl chart, as Streamlit 1.67 draws them (react-map-gl's
// NavigationControl without its compass): each press moves the camera one zoom level at once,
// driving deck.gl's view state, so they work offline too, with or without the base map.

type Json = Record<string, unknown>;

/** deck.gl's MapView limits when the view state sets none. */
const MIN_ZOOM = 0;
const MAX_ZOOM = 20;

function isRecord(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/**
 * Whether a chart gets the buttons: as in Streamlit 1.67, when it has a base map (its style,
 * `styleUrl` from deckRender.ts, may still fail to load) and its views are map views (or none).
 * An OrbitView or OrthographicView chart has neither.
 */
export function isZoomable(spec: Json, baseMapUrl: string | null): boolean {
  if (baseMapUrl === null) return false;
  const views = spec.views;
  if (views === undefined || views === null) return true;
  return (Array.isArray(views) ? views : [views]).every(
    (view) => isRecord(view) && view["@@type"] === "MapView",
  );
}

/**
 * The view state `steps` zoom levels in (negative: out), kept within its limits. A press jumps,
 * as in Streamlit 1.67: a transition left in the state (deck.gl's keyboard zoom) is dropped.
 */
export function zoomedView(view: Json, steps: number): Json {
  const lowest = num(view.minZoom, MIN_ZOOM);
  const highest = num(view.maxZoom, MAX_ZOOM);
  const zoom = Math.min(highest, Math.max(lowest, num(view.zoom, 0) + steps));
  const kept = Object.entries(view).filter(([key]) => !key.startsWith("transition"));
  return { ...Object.fromEntries(kept), zoom };
}
