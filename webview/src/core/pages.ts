// Multipage apps (docs/protocol.md, `pages`): the page list the runtime sends, and where the
// current page is kept between loads — the URL path in a browser tab (`/page1`, so a reload or a
// shared link opens that page), the webview state in a VS Code panel.

import { basePath } from "./base_path";
import type { PageEntry, PagesFrame } from "./protocol.generated";

// One page as the `pages` frame lists it (`name` is its URL path, "" for the main page).
export type { PageEntry, PagesFrame };

/** Where the page menu is drawn, and how many pages it shows collapsed (`true`: all). */
export interface PageMenu {
  position: NonNullable<PagesFrame["position"]>;
  expanded: boolean | number;
  /** The pages are st.navigation's (the frame has a `position`), not a `pages/` folder's. */
  navigation: boolean;
}

export const DEFAULT_PAGE_MENU: PageMenu = {
  position: "sidebar",
  expanded: false,
  navigation: false,
};

/** The menu's options as a `pages` frame gives them (absent fields at their defaults). */
export function pageMenuOf(frame: PagesFrame): PageMenu {
  return {
    position: frame.position ?? "sidebar",
    expanded: frame.expanded ?? false,
    navigation: frame.position !== undefined,
  };
}

/** The pages the menu lists: neither hidden pages nor a menu of one page (Streamlit's rule). */
export function menuPages(pages: readonly PageEntry[]): PageEntry[] {
  const shown = pages.filter((p) => p.hidden !== true);
  return shown.length > 1 ? shown : [];
}

/**
 * How many pages a collapsed menu shows (undefined: all): `expanded` pages (10 by default), and
 * only when at least three more would be hidden, as in Streamlit.
 */
export function collapsedCount(total: number, expanded: boolean | number): number | undefined {
  if (expanded === true) return undefined;
  const shown = typeof expanded === "number" && expanded > 0 ? expanded : 10;
  return total >= shown + 3 ? shown : undefined;
}

/** The page a browser URL path names: its first segment after the app's base path, decoded
 * ("/" is the main page). */
export function pageFromPath(pathname: string, base: string = basePath()): string {
  const within = base !== "" && pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const segment = within.replace(/^\/+/, "").split("/")[0] ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The URL path of a page: "/" for the main page, else "/<name>" (under the base path). */
export function pagePath(name: string, base: string = basePath()): string {
  return `${base}${name === "" ? "/" : `/${encodeURIComponent(name)}`}`;
}

/**
 * Keeps the browser's URL on the page shown: a new history entry when the page changed (a click
 * in the page list, `st.switch_page`), a replaced one otherwise (the first run, a page that was
 * not found); the query string is kept (`query_params` frames change it).
 */
export function showPageInUrl(name: string, push: boolean): void {
  const path = pagePath(name);
  if (location.pathname === path) return;
  const url = `${path}${location.search}${location.hash}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(history.state, "", url);
}

/**
 * Streamlit's words when a link names a page the app does not have (its `pages/` folder, or,
 * with `navigation`, the pages st.navigation declared).
 */
export function pageNotFoundMessage(name: string, navigation = false): string {
  const what = navigation
    ? "The page that you have requested does not seem to exist"
    : `You have requested page /${name}, but no corresponding file was found in the app's ` +
      "pages/ directory";
  return `${what}. Running the app's main page.`;
}
