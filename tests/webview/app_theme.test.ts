// The `app_config` frame's theme applied to the page (core/app_theme.ts): CSS variables from the
// config.toml options, light/dark and sidebar tables, a fixed base that VS Code cannot switch,
// chart colours, and nothing at all without a theme.

import { afterEach, describe, expect, it } from "vitest";
import {
  applyAppConfig,
  chartColors,
  colorList,
  elementRules,
  fontFaceRules,
  layeredOptions,
  themeCss,
  themeVariables,
} from "../../webview/src/core/app_theme";
import { Store } from "../../webview/src/core/store";
import { followVsCodeTheme } from "../../webview/src/core/vscode_theme";
import { vegaConfig } from "../../webview/src/data/vegaTheme";

function reset(): void {
  applyAppConfig({ theme: {}, show_sidebar_navigation: true });
  delete document.documentElement.dataset.theme;
  document.body.className = "";
  delete document.body.dataset.vscodeThemeKind;
}

afterEach(reset);

const styleText = (): string => document.getElementById("sp-config-theme")?.textContent ?? "";

describe("theme variables", () => {
  it("maps config.toml options to the viewer's CSS variables", () => {
    const vars = themeVariables({
      primaryColor: "#ff00aa",
      backgroundColor: "#101010",
      secondaryBackgroundColor: "#202020",
      textColor: "#fafafa",
      font: "serif",
      baseRadius: "none",
      buttonRadius: 12,
      baseFontSize: 14,
    });
    expect(vars["--sp-primary"]).toBe("#ff00aa");
    expect(vars["--sp-bg"]).toBe("#101010");
    expect(vars["--sp-bg-secondary"]).toBe("#202020");
    expect(vars["--sp-input-bg"]).toBe("#202020");
    expect(vars["--sp-fg"]).toBe("#fafafa");
    expect(vars["--sp-font"]).toMatch(/^"Source Serif Pro"/);
    expect(vars["--sp-radius"]).toBe("0");
    expect(vars["--sp-button-radius"]).toBe("12px");
    expect(vars["--sp-base-font-size"]).toBe("14px");
  });

  it("never lets a value end the rule", () => {
    expect(themeVariables({ primaryColor: "red; } body { display: none" })).toEqual({});
  });

  it("layers light/dark over the base and keeps the sidebar's tables apart", () => {
    const theme = {
      primaryColor: "#111111",
      "dark.primaryColor": "#222222",
      "sidebar.backgroundColor": "#333333",
      "dark.sidebar.backgroundColor": "#444444",
    };
    expect(layeredOptions(theme, "light", false)).toEqual({ primaryColor: "#111111" });
    expect(layeredOptions(theme, "dark", false)).toEqual({ primaryColor: "#222222" });
    expect(layeredOptions(theme, "light", true)).toEqual({ backgroundColor: "#333333" });
    expect(layeredOptions(theme, "dark", true)).toEqual({ backgroundColor: "#444444" });
    // The sidebar's backgroundColor is its own background, not the page's.
    expect(themeCss(theme, "dark")).toContain(".sp-sidebar { --sp-sidebar-bg: #444444; }");
  });

  it("styles elements for the options that are not colours", () => {
    const css = themeCss(
      {
        linkUnderline: false,
        headingFontSizes: ["3rem", 30],
        headingFontWeights: [800],
        codeFontSize: "0.8rem",
        paddingTop: "1rem",
        showSidebarBorder: true,
        greenBackgroundColor: "#e0ffe0",
      },
      "light",
    );
    expect(css).toContain(":root.sp-config-theme a { text-decoration: none; }");
    expect(css).toContain(
      ":root.sp-config-theme :is(.sp-heading, .sp-markdown-body) h1 { font-size: 3rem; font-weight: 800; }",
    );
    expect(css).toContain("h2 { font-size: 30px; }");
    expect(css).not.toContain(" h3 {");
    expect(css).toContain(":is(code, pre, .sp-code) { font-size: 0.8rem; }");
    expect(css).toContain(".sp-main { padding-top: 1rem; }");
    expect(css).toContain(".sp-sidebar { border-right: 1px solid var(--sp-border); }");
    expect(css).toContain("--sp-success-bg: #e0ffe0;");
    expect(elementRules({ codeFontSize: "1rem; } *{" }, ":root")).toEqual([]);
  });

  it("declares the fontFaces a font may name", () => {
    expect(
      fontFaceRules([
        { family: "Inter", url: "/app/static/Inter.woff2", weight: 400, style: "normal" },
        { family: "Bad", url: "x); } body { display: none" },
        { url: "no-family.woff2" },
      ]),
    ).toEqual([
      '@font-face { font-family: "Inter"; src: url("/app/static/Inter.woff2"); font-weight: 400; font-style: normal; }',
    ]);
    expect(themeVariables({ font: "Inter" })["--sp-font"]).toMatch(/^"Inter", /);
  });

  it("reads chart colours from a TOML list or a flag's text", () => {
    expect(colorList(["#1", "#2"])).toEqual(["#1", "#2"]);
    expect(colorList('["#1", "#2"]')).toEqual(["#1", "#2"]);
    expect(colorList("#1,#2")).toEqual(["#1", "#2"]);
    expect(colorList(3)).toBeUndefined();
  });
});

describe("applyAppConfig", () => {
  it("writes the theme's style sheet and marks the page", () => {
    applyAppConfig({ theme: { primaryColor: "#ff00aa" }, show_sidebar_navigation: true });
    const root = document.documentElement;
    expect(root.classList.contains("sp-config-theme")).toBe(true);
    expect(styleText()).toContain("--sp-primary: #ff00aa;");
    applyAppConfig({ theme: {}, show_sidebar_navigation: false });
    expect(root.classList.contains("sp-config-theme")).toBe(false);
    expect(root.classList.contains("sp-no-sidebar-nav")).toBe(true);
    expect(document.getElementById("sp-config-theme")).toBeNull();
  });

  it("follows the scheme for light./dark. options", async () => {
    const root = document.documentElement;
    root.dataset.theme = "light";
    applyAppConfig({
      theme: { "light.primaryColor": "#0000aa", "dark.primaryColor": "#aa0000" },
      show_sidebar_navigation: true,
    });
    expect(styleText()).toContain("#0000aa");
    root.dataset.theme = "dark";
    await new Promise((r) => setTimeout(r, 0)); // the MutationObserver's turn
    expect(styleText()).toContain("#aa0000");
  });

  it("a theme without light/dark tables is one custom theme on a light base", () => {
    const root = document.documentElement;
    root.dataset.theme = "dark";
    applyAppConfig({ theme: { primaryColor: "#ff00aa" }, show_sidebar_navigation: true });
    expect(root.dataset.theme).toBe("light");
    applyAppConfig({ theme: { base: "dark" }, show_sidebar_navigation: true });
    expect(root.dataset.theme).toBe("dark");
    applyAppConfig({ theme: {}, show_sidebar_navigation: true });
    expect(root.dataset.theme).toBe("dark"); // what it was before the config fixed it
    expect(root.dataset.configBase).toBeUndefined();
  });

  it("a base in config.toml wins over VS Code's theme kind", async () => {
    document.body.dataset.vscodeThemeKind = "vscode-dark";
    applyAppConfig({ theme: { base: "light" }, show_sidebar_navigation: true });
    const stop = followVsCodeTheme();
    expect(document.documentElement.dataset.theme).toBe("light");
    document.body.dataset.vscodeThemeKind = "vscode-high-contrast";
    await new Promise((r) => setTimeout(r, 0));
    expect(document.documentElement.dataset.theme).toBe("light");
    stop();
  });

  it("without a theme the panel follows VS Code as before", () => {
    document.body.dataset.vscodeThemeKind = "vscode-dark";
    const stop = followVsCodeTheme();
    expect(document.documentElement.dataset.theme).toBe("dark");
    stop();
  });

  it("gives charts the configured palette", () => {
    applyAppConfig({
      theme: { chartCategoricalColors: ["#aaaaaa", "#bbbbbb"] },
      show_sidebar_navigation: true,
    });
    expect(chartColors("light").categorical).toEqual(["#aaaaaa", "#bbbbbb"]);
    const range = vegaConfig("light", true).range as { category: string[] };
    expect(range.category).toEqual(["#aaaaaa", "#bbbbbb"]);
  });

  it("the store applies an app_config frame", () => {
    const store = new Store({ send: () => undefined });
    store.apply({
      t: "app_config",
      theme: { primaryColor: "#123456" },
      show_sidebar_navigation: true,
    });
    expect(styleText()).toContain("--sp-primary: #123456;");
  });
});
