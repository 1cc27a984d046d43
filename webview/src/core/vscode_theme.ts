// In a VS Code webview the theme is VS Code's, not the system's: VS Code marks <body> with the
// theme kind (class and `data-vscode-theme-kind`) and changes it live. We mirror it onto
// `<html data-theme>`, which our CSS, `currentTheme()` and the charts already follow. High
// contrast keeps VS Code's own colours (styles/vscode.css, keyed on VS Code's body class).
// A [theme] in the app's config.toml wins over all of this (core/app_theme.ts).

export type ThemeKind = "light" | "dark";

/** VS Code's theme kind (`vscode-light`, `vscode-high-contrast-light`…) as light or dark. */
export function themeOfKind(
  kind: string | undefined,
  classes: Iterable<string>,
): ThemeKind | undefined {
  const names = new Set(classes);
  if (kind) names.add(kind);
  if (names.has("vscode-high-contrast-light") || names.has("vscode-light")) return "light";
  if (names.has("vscode-high-contrast") || names.has("vscode-dark")) return "dark";
  return undefined;
}

/** Follow VS Code's theme from now on; returns a function that stops following. */
export function followVsCodeTheme(doc: Document = document): () => void {
  const apply = (): void => {
    const body = doc.body;
    // A `base` in the app's config.toml fixes the scheme (core/app_theme.ts).
    if (doc.documentElement.dataset.configBase !== undefined) return;
    const theme = themeOfKind(body.dataset.vscodeThemeKind, body.classList);
    if (theme && doc.documentElement.dataset.theme !== theme) {
      doc.documentElement.dataset.theme = theme;
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(doc.body, {
    attributes: true,
    attributeFilter: ["class", "data-vscode-theme-kind"],
  });
  return () => observer.disconnect();
}
