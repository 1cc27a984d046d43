// Moving between the pages of a multipage app (docs/protocol.md, `pages` and `query_params`):
// the viewer asks for a page with `rerun`, the runtime answers with a `pages` frame naming the page
// it runs, and the page shown (and its query string) is kept where a reload finds it (onPage:
// the browser URL or the VS Code panel's state). core/pages.ts has the URL helpers;
// src/navigation.tsx draws the page list.

import { pageMenuOf } from "./pages";
import type { AppState } from "./store";
import type { PagesFrame, RerunFrame } from "./types";

/** What page navigation needs of the store around it. */
export interface PageHost {
  app(): AppState;
  setApp(patch: Partial<AppState>): void;
  send(frame: RerunFrame): void;
  /** Remove the main body (the sidebar stays until the new page's run ends). */
  clearMain(): void;
  /**
   * Keep the page shown where it survives a reload; `push` when it changed from another page,
   * so Back returns there.
   */
  onPage?: (page: string, push: boolean) => void;
}

export class PageNavigation {
  /** The page the runtime last said it shows (undefined: none since the last hello). */
  private shownPage: string | undefined;

  constructor(private readonly host: PageHost) {}

  /**
   * Show another page with the query string `query` (by default none, as Streamlit clears query
   * parameters on a page change): a click in the page list or on a page link, or the browser's
   * Back / Forward (`fromUrl`: the URL already names the page and its query).
   */
  goTo(name: string, query = "", fromUrl = false): void {
    const changed = name !== this.host.app().page;
    this.host.setApp({ page: name, pageNotFound: undefined });
    if (!fromUrl) {
      // The new page's history entry first, then its query string: the entry left keeps its
      // own, so Back returns to it with its query parameters.
      this.host.onPage?.(name, changed);
      showQueryParams([...new URLSearchParams(query)]);
    }
    this.host.send(query ? { t: "rerun", page: name, query } : { t: "rerun", page: name });
  }

  /** The runtime's `pages` frame: the app's pages and the one it runs now. */
  received(frame: PagesFrame): void {
    const app = this.host.app();
    const changed = frame.current !== app.page;
    if (this.shownPage !== undefined && frame.current !== this.shownPage && !frame.keep_body) {
      // Another page: the body of the page left goes now, as in Streamlit (the runtime sends
      // the new page whole); the sidebar stays until the run ends. With `keep_body` the
      // entry script drew into the body before it named the page: the run's end prunes it.
      this.host.clearMain();
    }
    this.shownPage = frame.current;
    this.host.setApp({
      pages: Array.isArray(frame.pages) ? frame.pages : [],
      pageMenu: pageMenuOf(frame),
      page: frame.current,
      pageNotFound: frame.not_found ?? (changed ? undefined : app.pageNotFound),
    });
    // A page the runtime moved to (st.switch_page) is a new history entry; a page not found
    // is replaced by the main page's URL.
    this.host.onPage?.(frame.current, changed && frame.not_found === undefined);
  }

  /** A hello: the runtime will say again which page it shows. */
  reconnected(): void {
    this.shownPage = undefined;
  }
}

/** The script's `st.query_params` as the page's query string (a key may repeat). */
export function showQueryParams(params: [string, string][]): void {
  const search = new URLSearchParams();
  for (const [k, v] of params) search.append(k, v);
  const query = search.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  history.replaceState(history.state, "", url);
}
