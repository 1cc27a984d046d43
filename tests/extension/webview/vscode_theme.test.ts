// @vitest-environment happy-dom
// The panel follows VS Code's theme (webview/src/core/vscode_theme.ts).
import { afterEach, describe, expect, it } from "vitest";
import { currentTheme } from "../../../webview/src/core/theme";
import { followVsCodeTheme, themeOfKind } from "../../../webview/src/core/vscode_theme";

describe("themeOfKind", () => {
  it.each([
    ["vscode-light", ["vscode-light"], "light"],
    ["vscode-dark", ["vscode-dark"], "dark"],
    ["vscode-high-contrast", ["vscode-high-contrast"], "dark"],
    ["vscode-high-contrast-light", ["vscode-high-contrast", "vscode-high-contrast-light"], "light"],
    [undefined, ["vscode-dark"], "dark"],
    [undefined, [], undefined],
  ] as const)("%s %j → %s", (kind, classes, theme) => {
    expect(themeOfKind(kind, classes)).toBe(theme);
  });
});

describe("followVsCodeTheme", () => {
  afterEach(() => {
    delete document.documentElement.dataset.theme;
    document.body.className = "";
    delete document.body.dataset.vscodeThemeKind;
  });

  it("sets <html data-theme> now and when VS Code switches themes", async () => {
    document.body.className = "vscode-dark";
    document.body.dataset.vscodeThemeKind = "vscode-dark";
    const stop = followVsCodeTheme();
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(currentTheme()).toBe("dark");
    document.body.className = "vscode-high-contrast vscode-high-contrast-light";
    document.body.dataset.vscodeThemeKind = "vscode-high-contrast-light";
    await new Promise((resolve) => setTimeout(resolve, 0)); // MutationObserver callbacks
    expect(currentTheme()).toBe("light");
    stop();
  });
});
