// What the VS Code panel shows for `st.login()`: the panel keeps no cookies and cannot visit the
// provider's pages, so sign-in happens in the browser. The link opens the app there (a webview
// hands a link's click to VS Code, which opens it in the default browser).

import type { Store } from "./core/store";

export function SignInBanner({ store, appUrl }: { store: Store; appUrl: string | undefined }) {
  return (
    <div class="sp-banner sp-banner-info sp-sign-in" role="alert">
      <span>
        <strong>Sign-in opens the app in your browser.</strong> This panel cannot keep a sign-in.{" "}
        {appUrl ? (
          <>
            <a href={appUrl} target="_blank" rel="noopener noreferrer">
              Open {appUrl} in the browser
            </a>{" "}
            (start it with <code>sidepane run</code> if it is not running) and sign in there.
          </>
        ) : (
          <>
            Run the app with <code>sidepane run</code> and sign in in the browser.
          </>
        )}
      </span>
      <button
        type="button"
        class="sp-link-button"
        aria-label="Dismiss"
        onClick={() => store.dismissSignIn()}
      >
        ×
      </button>
    </div>
  );
}
