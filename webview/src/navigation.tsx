// A multipage app's page list, at the top of the sidebar as Streamlit 1.67's default navigation
// draws it (the current page highlighted, at most 10 until "View more"), and the "Page not
// found" banner. The pages come from the `pages` frame (core/pages.ts, docs/protocol.md).

import { useState } from "preact/hooks";
import { pageNotFoundMessage, pagePath } from "./core/pages";
import type { AppState, Store } from "./core/store";
import { Icon } from "./elements/icon";

/** Pages shown before "View more", as Streamlit's collapsed navigation does. */
const COLLAPSED_PAGES = 10;

/** Whether the app has a page list to show (a single page shows none). */
export function hasPageNav(app: AppState): boolean {
  return app.pages.length > 1;
}

export function PageNav({ store, app }: { store: Store; app: AppState }) {
  const [expanded, setExpanded] = useState(false);
  if (!hasPageNav(app)) return null;
  const overflow = app.pages.length - COLLAPSED_PAGES;
  const shown = expanded || overflow <= 0 ? app.pages : app.pages.slice(0, COLLAPSED_PAGES);
  return (
    <nav class="sp-page-nav" aria-label="Pages">
      <ul>
        {shown.map((page) => {
          const current = page.name === app.page;
          return (
            <li key={page.name}>
              <a
                class={`sp-page-link${current ? " sp-current" : ""}`}
                href={pagePath(page.name)}
                aria-current={current ? "page" : undefined}
                onClick={(event) => {
                  // A modified click opens the page's URL in a new tab, as a link does.
                  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
                    return;
                  }
                  event.preventDefault();
                  store.goToPage(page.name);
                }}
              >
                {page.icon && <Icon icon={page.icon} />}
                <span class="sp-page-label">{page.label}</span>
              </a>
            </li>
          );
        })}
      </ul>
      {overflow > 0 && (
        <button
          type="button"
          class="sp-link-button sp-page-more"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "View less" : `View ${overflow} more`}
        </button>
      )}
    </nav>
  );
}

export function PageNotFoundBanner({ store, name }: { store: Store; name: string }) {
  return (
    <div class="sp-banner sp-banner-warning sp-page-not-found" role="alert">
      <span>
        <strong>Page not found.</strong> {pageNotFoundMessage(name)}
      </span>
      <button
        type="button"
        class="sp-link-button"
        aria-label="Dismiss"
        onClick={() => store.dismissPageNotFound()}
      >
        ×
      </button>
    </div>
  );
}
