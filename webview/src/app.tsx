// The app chrome: sidebar + main column, the running indicator with Stop, the rerun bar, the
// connection banner, toasts, and the page title/icon. Tree content is drawn by NodeView.

import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useState } from "preact/hooks";
import { Children, NodeView, useNode } from "./core/Node";
import type { AppState, Store, Toast } from "./core/store";
import type { ElementProps } from "./core/types";
import { registerElement } from "./core/types";
import { BottomSlot } from "./blocks/bottom";
import { renderMarkdown } from "./elements/markdownRender";
import { Icon } from "./elements/icon";
import { AppLogo } from "./logo";
import { PageNav, PageNotFoundBanner, TopNav, hasPageNav, usePageTitle } from "./navigation";
import { SignInBanner } from "./sign_in";

/** A root ("main", "sidebar") just draws its children. */
registerElement("root", ({ node, store }: ElementProps) => <Children node={node} store={store} />);

function useApp(store: Store): AppState {
  const [, setTick] = useState(0);
  const app = store.getApp();
  useLayoutEffect(() => {
    const bump = () => setTick((n) => n + 1);
    const unsubscribe = store.subscribeApp(bump);
    if (store.getApp() !== app) bump(); // changed between render and subscription
    return unsubscribe;
  }, [store]);
  return app;
}

/** True once a run has been going for `delay` ms (so quick reruns never flash the indicator). */
function useSlowRun(app: AppState, delay: number): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!app.running) {
      setSlow(false);
      return;
    }
    const wait = app.runStartedAt + delay - Date.now();
    if (wait <= 0) {
      setSlow(true);
      return;
    }
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), wait);
    return () => clearTimeout(timer);
  }, [app.running, app.runStartedAt, delay]);
  return slow;
}

function usePageConfig(app: AppState): void {
  const config = app.pageConfig;
  useEffect(() => {
    if (!config) return;
    if (config.title) document.title = config.title;
    const icon = config.icon;
    if (!icon || icon.startsWith(":material/")) return;
    let link = document.querySelector<HTMLLinkElement>("link[rel~='icon']");
    if (!link) {
      link = document.createElement("link");
      link.rel = "icon";
      document.head.appendChild(link);
    }
    // An emoji becomes a tiny SVG; anything else is taken as a URL.
    link.href = /^(https?:|data:|\/)/.test(icon)
      ? icon
      : `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${icon}</text></svg>`)}`;
  }, [config]);
}

function ToastView({ toast, store }: { toast: Toast; store: Store }) {
  useEffect(() => {
    if (toast.duration <= 0) return;
    const timer = setTimeout(() => store.dismissToast(toast.id), toast.duration * 1000);
    return () => clearTimeout(timer);
  }, [toast, store]);
  return (
    <div class="sp-toast" role="status">
      {toast.icon && <Icon icon={toast.icon} />}
      <div class="sp-toast-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(toast.body) }} />
      <button
        type="button"
        class="sp-toast-close"
        aria-label="Close"
        onClick={() => store.dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

function Sidebar({ store, app }: { store: Store; app: AppState }) {
  const root = useNode(store, "sidebar");
  const setting = app.pageConfig?.sidebar ?? "auto";
  const initial = setting === "expanded" || (setting === "auto" && window.innerWidth >= 768);
  const [open, setOpen] = useState(initial);
  useEffect(
    () => setOpen(setting === "expanded" || (setting === "auto" && window.innerWidth >= 768)),
    [setting],
  );
  if ((!root || root.children.size === 0) && !hasPageNav(app)) return null;
  return (
    <>
      <aside class={`sp-sidebar${open ? " sp-open" : ""}`} aria-label="Sidebar" hidden={!open}>
        <button
          type="button"
          class="sp-sidebar-toggle sp-in"
          aria-label="Collapse sidebar"
          aria-expanded={true}
          onClick={() => setOpen(false)}
        >
          «
        </button>
        <div class="sp-sidebar-content">
          <AppLogo store={store} place="sidebar" />
          <PageNav store={store} app={app} alone={!root || root.children.size === 0} />
          <NodeView nodeKey="sidebar" store={store} />
        </div>
      </aside>
      {!open && (
        <button
          type="button"
          class="sp-sidebar-toggle sp-out"
          aria-label="Expand sidebar"
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          »
        </button>
      )}
    </>
  );
}

function StatusBar({ store, app }: { store: Store; app: AppState }) {
  const slow = useSlowRun(app, 300);
  return (
    <div class="sp-status" aria-live="polite">
      {slow && (
        <div class="sp-running">
          <span class="sp-spinner-wheel" aria-hidden="true" />
          <span>Running…</span>
          <button
            type="button"
            class="sp-button sp-button-secondary sp-small"
            onClick={() => store.stop()}
          >
            Stop
          </button>
        </div>
      )}
      {/* Dim what the previous run drew (not yet redrawn by this one) only once the run is slow;
          a fragment's run, only within what it redraws. */}
      {slow && <style>{staleStyle(app)}</style>}
    </div>
  );
}

/** The run is held at a breakpoint: say where (a link to the line); the debugger continues it. */
function PausedBar({ store, at }: { store: Store; at: { file: string; line: number } }) {
  const name = at.file.split(/[\\/]/).pop() ?? at.file;
  return (
    <div class="sp-banner sp-debug-bar" role="status">
      <span class="sp-debug-dot" aria-hidden="true" />
      <span>
        Paused at{" "}
        <button
          type="button"
          class="sp-link-button"
          title={`${at.file}:${at.line}`}
          onClick={() => store.openLocation(at.file, at.line)}
        >
          {name}:{at.line}
        </button>
      </span>
      <span class="sp-muted">— continue in the debugger</span>
    </div>
  );
}

function Banners({ store, app }: { store: Store; app: AppState }) {
  return (
    <div class="sp-banners">
      {app.problem && (
        <div class="sp-banner sp-banner-error sp-problem" role="alert">
          <span>{app.problem.message}</span>
          {app.problem.detail && <pre class="sp-problem-detail">{app.problem.detail}</pre>}
        </div>
      )}
      {app.connection !== "connected" && app.run > 0 && !app.problem && (
        <div class="sp-banner sp-banner-warning" role="alert">
          Connection lost — reconnecting…
        </div>
      )}
      {app.connection !== "connected" && app.run === 0 && !app.problem && (
        <div class="sp-banner sp-banner-info" role="status">
          Connecting…
        </div>
      )}
      {app.paused && <PausedBar store={store} at={app.paused} />}
      {app.pageNotFound !== undefined && (
        <PageNotFoundBanner
          store={store}
          name={app.pageNotFound}
          navigation={app.pageMenu.navigation}
        />
      )}
      {app.signIn && <SignInBanner store={store} appUrl={app.signIn.appUrl} />}
      {app.error && (
        <div class="sp-banner sp-banner-error" role="alert">
          {app.error.message}
        </div>
      )}
      {app.rerunBar && (
        <div class="sp-banner sp-rerun-bar" role="status">
          <span>Source file changed.</span>
          <button
            type="button"
            class="sp-button sp-button-primary sp-small"
            onClick={() => store.rerun()}
          >
            Rerun
          </button>
          <button
            type="button"
            class="sp-button sp-button-secondary sp-small"
            onClick={() => store.rerun(true)}
          >
            Always rerun
          </button>
          <button
            type="button"
            class="sp-link-button"
            aria-label="Dismiss"
            onClick={() => store.dismissRerunBar()}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function App({ store }: { store: Store }) {
  const app = useApp(store);
  usePageConfig(app);
  usePageTitle(app);
  const wide = app.pageConfig?.layout === "wide";
  return (
    <AppBoundary>
      <div class={`sp-app${wide ? " sp-wide" : " sp-centered"}`}>
        <Sidebar store={store} app={app} />
        <div class="sp-main-wrap">
          <AppLogo store={store} place="app" />
          <TopNav store={store} app={app} />
          <Banners store={store} app={app} />
          <StatusBar store={store} app={app} />
          <main class="sp-main">
            <NodeView nodeKey="main" store={store} />
          </main>
          <BottomSlot store={store} />
        </div>
        {/* The dialog open now (`@st.dialog`): drawn over the page, in the top layer. */}
        <NodeView nodeKey="event" store={store} />
        <div class="sp-toasts">
          {app.toasts.map((t) => (
            <ToastView key={t.id} toast={t} store={store} />
          ))}
        </div>
      </div>
    </AppBoundary>
  );
}

/** Anything that escapes the per-element boundaries still ends in a readable page. */
class AppBoundary extends Component<{ children: ComponentChildren }, { error: unknown }> {
  override state = { error: undefined as unknown };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const error = this.state.error;
    if (error === undefined) return this.props.children;
    return (
      <div class="sp-fatal" role="alert">
        <h2>Sidepane could not draw this app</h2>
        <pre>
          {error instanceof Error ? `${error.message}\n\n${error.stack ?? ""}` : String(error)}
        </pre>
        <button
          type="button"
          class="sp-button sp-button-secondary"
          onClick={() => location.reload()}
        >
          Reload
        </button>
      </div>
    );
  }
}

/** The rule that dims the elements the run in progress has not redrawn yet. */
function staleStyle(app: AppState): string {
  const stale = `.sp-el[data-run]:not([data-run="${app.run}"])`;
  const within = app.scope === undefined ? [""] : app.scope.map((key) => `[data-key="${key}"] `);
  if (within.length === 0) return "";
  return `${within.map((w) => w + stale).join(", ")} { opacity: 0.4; transition: opacity 0.3s; }`;
}
