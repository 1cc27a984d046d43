// A multipage app's page list, at the top of the sidebar as Streamlit 1.67's default navigation
// draws it (the current page highlighted, at most 10 until "View more"), the "Page not found"
// banner, and `st.page_link`. The pages come from the `pages` frame (core/pages.ts,
// docs/protocol.md).

import { useEffect, useState } from "preact/hooks";
import { pageNotFoundMessage, pagePath } from "./core/pages";
import type { AppState, Store } from "./core/store";
import type { ElementProps } from "./core/types";
import { registerElement } from "./core/types";
import { Help, InlineMarkdown } from "./core/ui";
import { Icon } from "./elements/icon";

/** Pages shown before "View more", as Streamlit's collapsed navigation does. */
const COLLAPSED_PAGES = 10;

/** Whether the app has a page list to show (a single page shows none). */
export function hasPageNav(app: AppState): boolean {
  return app.pages.length > 1;
}

/** The tab's title is the page's label, as in Streamlit, unless `st.set_page_config` set one. */
export function usePageTitle(app: AppState): void {
  const label = hasPageNav(app) ? app.pages.find((p) => p.name === app.page)?.label : undefined;
  const configured = Boolean(app.pageConfig?.title);
  useEffect(() => {
    if (label && !configured) document.title = label;
  }, [label, configured]);
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
                  if (modified(event)) return; // a new tab opens the page's URL, as a link does
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

/** Whether a click should be left to the browser (a new tab or window), as for any link. */
function modified(event: MouseEvent): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0;
}

/** `st.page_link`: another page of the app (a click runs it) or a web page (a new tab). */
function PageLink({ node, store }: ElementProps<"page_link">) {
  const { page: name, label, icon, help, query = "", width } = node.props;
  const external = node.props.external === true;
  const disabled = node.props.disabled === true;
  const search = query ? `?${query}` : "";
  const href = external ? name : `${pagePath(name)}${search}`;
  const iconView = icon ? <Icon icon={icon} /> : null;
  const right = node.props.icon_position === "right";
  const style =
    width === "stretch" ? { width: "100%" } : width !== undefined ? { width: `${width}px` } : {};
  return (
    <div class="sp-page-link-row">
      <a
        class={`sp-page-link sp-page-link-element${disabled ? " sp-disabled" : ""}`}
        style={style}
        href={disabled ? undefined : href}
        aria-disabled={disabled || undefined}
        target={external ? "_blank" : undefined}
        rel={external ? "noopener noreferrer" : undefined}
        onClick={(event) => {
          if (disabled) {
            event.preventDefault();
            return;
          }
          if (external || modified(event)) return;
          event.preventDefault();
          store.goToPage?.(name, query);
        }}
      >
        {!right && iconView}
        <InlineMarkdown class="sp-page-label" text={label} />
        {right && iconView}
      </a>
      {help !== undefined && <Help text={help} />}
    </div>
  );
}

registerElement("page_link", PageLink);
