// A multipage app's page menu, drawn as Streamlit 1.67 draws it: at the top of the sidebar (the
// current page highlighted, sections under their headers, at most 10 until "View more"), or as a
// bar across the top of the app (`st.navigation(position="top")`: sections become drop-down
// menus), or not at all (`"hidden"`); the "Page not found" banner, and `st.page_link`. The pages
// come from the `pages` frame (core/pages.ts, docs/protocol.md).

import { useEffect, useState } from "preact/hooks";
import type { JSX } from "preact";
import type { PageEntry } from "./core/pages";
import { collapsedCount, menuPages, pageNotFoundMessage, pagePath } from "./core/pages";
import type { AppState, Store } from "./core/store";
import type { ElementProps } from "./core/types";
import { registerElement } from "./core/types";
import { Help, InlineMarkdown } from "./core/ui";
import { Icon } from "./elements/icon";

/** Whether the app has a page menu to draw at `where` (a single page shows none). */
export function hasPageNav(app: AppState, where: "sidebar" | "top" = "sidebar"): boolean {
  return app.pageMenu.position === where && menuPages(app.pages).length > 0;
}

/** The tab's title is the page's label, as in Streamlit, unless `st.set_page_config` set one. */
export function usePageTitle(app: AppState): void {
  const label =
    app.pages.length > 1 ? app.pages.find((p) => p.name === app.page)?.label : undefined;
  const configured = Boolean(app.pageConfig?.title);
  useEffect(() => {
    if (label && !configured) document.title = label;
  }, [label, configured]);
}

/** Consecutive pages of one section, in the menu's order. */
interface Section {
  header: string;
  pages: PageEntry[];
}

function sections(pages: PageEntry[]): Section[] {
  const out: Section[] = [];
  for (const page of pages) {
    const header = page.section ?? "";
    const last = out[out.length - 1];
    if (last !== undefined && last.header === header) last.pages.push(page);
    else out.push({ header, pages: [page] });
  }
  return out;
}

/** One page of the menu: a link to its URL that runs it, or an external page's new tab. */
function MenuLink({ store, app, page }: { store: Store; app: AppState; page: PageEntry }) {
  const current = page.url === undefined && page.name === app.page;
  const external = page.url !== undefined;
  return (
    <a
      class={`sp-page-link${current ? " sp-current" : ""}`}
      href={external ? page.url : pagePath(page.name)}
      target={external ? "_blank" : undefined}
      rel={external ? "noopener noreferrer" : undefined}
      title={page.help}
      aria-current={current ? "page" : undefined}
      onClick={(event) => {
        if (external || modified(event)) return; // the browser opens it, as any link
        event.preventDefault();
        store.goToPage(page.name);
      }}
    >
      {page.icon && <Icon icon={page.icon} />}
      <InlineMarkdown class="sp-page-label" text={page.label} />
    </a>
  );
}

/** The sidebar's menu; `alone`: nothing else in the sidebar, so never collapsed (Streamlit's). */
export function PageNav({ store, app, alone }: { store: Store; app: AppState; alone: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const pages = menuPages(app.pages);
  if (!hasPageNav(app, "sidebar")) return null;
  const limit = alone ? undefined : collapsedCount(pages.length, app.pageMenu.expanded);
  const shown = expanded || limit === undefined ? pages : pages.slice(0, limit);
  return (
    <nav class="sp-page-nav" aria-label="Pages">
      {sections(shown).map((section, i) => (
        <div class="sp-page-section" key={`${i}:${section.header}`}>
          {section.header && (
            <InlineMarkdown class="sp-page-section-header" text={section.header} />
          )}
          <ul>
            {section.pages.map((page) => (
              <li key={page.name}>
                <MenuLink store={store} app={app} page={page} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {limit !== undefined && (
        <button
          type="button"
          class="sp-link-button sp-page-more"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? "View less" : `View ${pages.length - limit} more`}
        </button>
      )}
    </nav>
  );
}

/**
 * `st.navigation(position="top")`: the pages across the top of the app; a section's pages in a
 * drop-down under its header (pages of the "" section come first, as links).
 */
export function TopNav({ store, app }: { store: Store; app: AppState }) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (open === undefined) return;
    const close = (event: Event): void => {
      const target = event.target as Element | null;
      if (target?.closest?.(".sp-top-nav-section") == null) setOpen(undefined);
    };
    const escape = (event: KeyboardEvent): void => {
      if (event.key === "Escape") setOpen(undefined);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);
  if (!hasPageNav(app, "top")) return null;
  const groups = sections(menuPages(app.pages));
  const items: JSX.Element[] = [];
  for (const [i, section] of groups.entries()) {
    if (section.header === "") {
      for (const page of section.pages) {
        items.push(
          <li key={`p:${page.name}`}>
            <MenuLink store={store} app={app} page={page} />
          </li>,
        );
      }
      continue;
    }
    const key = `${i}:${section.header}`;
    const current = section.pages.some((p) => p.url === undefined && p.name === app.page);
    items.push(
      <li key={`s:${key}`} class="sp-top-nav-section">
        <button
          type="button"
          class={`sp-page-link sp-top-nav-header${current ? " sp-current" : ""}`}
          aria-haspopup="true"
          aria-expanded={open === key}
          onClick={() => setOpen(open === key ? undefined : key)}
        >
          <InlineMarkdown class="sp-page-label" text={section.header} />
          <span class="sp-top-nav-caret" aria-hidden="true">
            ▾
          </span>
        </button>
        {open === key && (
          <ul class="sp-top-nav-menu" onClick={() => setOpen(undefined)}>
            {section.pages.map((page) => (
              <li key={page.name}>
                <MenuLink store={store} app={app} page={page} />
              </li>
            ))}
          </ul>
        )}
      </li>,
    );
  }
  return (
    <nav class="sp-top-nav" aria-label="Pages">
      <ul>{items}</ul>
    </nav>
  );
}

export function PageNotFoundBanner({
  store,
  name,
  navigation,
}: {
  store: Store;
  name: string;
  navigation: boolean;
}) {
  return (
    <div class="sp-banner sp-banner-warning sp-page-not-found" role="alert">
      <span>
        <strong>Page not found.</strong> {pageNotFoundMessage(name, navigation)}
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
