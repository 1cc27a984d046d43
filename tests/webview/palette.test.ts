// The built-in light and dark palettes are Streamlit 1.67's, said once in styles/base.css with
// core/palette.ts as its fallback table. The values below were read from 1.67's frontend bundle
// (streamlit/static/static/js/utils.*.js in the 1.67.0 wheel: the Light theme's colour object
// `{bgColor:"#FFFFFF",secondaryBg:"#F8F8F7",bodyText:"#2F2D2B",primary:"#C53948",…}` and the
// Dark theme's `{bgColor:"#171614",bodyText:"#EDEBE8",primary:"#CF4250",secondaryBg:"#2D2B27",…}`;
// opacities.*.js derives `link` = blueTextColor and fadedText60 = the text at 60 % opacity, and
// the chart palettes from its base colours). The dark page background and text were also checked
// against a screenshot pixel of a 1.67 app.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";
import { applyAppConfig } from "../../webview/src/core/app_theme";
import { BUILT_IN_PALETTES, PALETTE_VARIABLES, type Palette } from "../../webview/src/core/palette";
import { PALETTE as CATEGORICAL, vegaConfig } from "../../webview/src/data/vegaTheme";

const STREAMLIT_167: Record<"light" | "dark", Palette> = {
  light: {
    bg: "#ffffff",
    bgSecondary: "#f8f8f7",
    fg: "#2f2d2b",
    muted: "rgba(47, 45, 43, 0.6)",
    border: "#dcd8d4",
    primary: "#c53948",
    link: "#244fb4",
    codeBg: "#f7f7f6",
    red: "#d94a57",
    orange: "#e0682b",
    yellow: "#bb8300",
    green: "#079464",
    blue: "#3b82f6",
    violet: "#9b5de5",
    gray: "#6b7280",
  },
  dark: {
    bg: "#171614",
    bgSecondary: "#2d2b27",
    fg: "#edebe8",
    muted: "rgba(237, 235, 232, 0.6)",
    border: "#4a4742",
    primary: "#cf4250",
    link: "#85b8f8",
    codeBg: "#242321",
    red: "#f2919a",
    orange: "#f2a56d",
    yellow: "#fbd54f",
    green: "#7ed5b0",
    blue: "#85b8f8",
    violet: "#bf8ef7",
    gray: "#a9a5a0",
  },
};

test("the built-in palettes are Streamlit 1.67's Light and Dark themes", () => {
  expect(BUILT_IN_PALETTES).toEqual(STREAMLIT_167);
});

test("the chart categorical colours are 1.67's", () => {
  // 1.67: light [blue80, blue40, red80, red40, blueGreen80, green40, orange80, orange50,
  // purple80, gray40]; dark swaps each pair but the last two.
  expect(CATEGORICAL.light).toEqual([
    "#0068c9",
    "#83c9ff",
    "#ff2b2b",
    "#ffabab",
    "#29b09d",
    "#7defa1",
    "#ff8700",
    "#ffd16a",
    "#6d3fc0",
    "#d5dae5",
  ]);
  expect(CATEGORICAL.dark).toEqual([
    "#83c9ff",
    "#0068c9",
    "#ffabab",
    "#ff2b2b",
    "#7defa1",
    "#29b09d",
    "#ffd16a",
    "#ff8700",
    "#6d3fc0",
    "#d5dae5",
  ]);
});

const css = readFileSync(resolve(__dirname, "../../webview/src/styles/base.css"), "utf8");

test("styles/base.css declares the same palette the TS fallbacks hold", () => {
  // The built-in value sits on `--sp-own-<name>` where VS Code's can take over, else on `--sp-<name>`.
  const declared = (variable: string): string => {
    const own = variable.replace("--sp-", "--sp-own-");
    const match =
      new RegExp(`^\\s*${own}:\\s*(.+);$`, "m").exec(css) ??
      new RegExp(`^\\s*${variable}:\\s*(.+);$`, "m").exec(css);
    if (match?.[1] === undefined) throw new Error(`${variable} is not declared in base.css`);
    return match[1];
  };
  for (const key of Object.keys(PALETTE_VARIABLES) as (keyof Palette)[]) {
    const value = declared(PALETTE_VARIABLES[key]);
    const { light, dark } = BUILT_IN_PALETTES;
    expect(value, key).toBe(
      light[key] === dark[key] ? light[key] : `light-dark(${light[key]}, ${dark[key]})`,
    );
  }
});

test("markdown's colours and the alerts' tints are 1.67's text and background colours", () => {
  // 1.67's `<color>TextColor` and `<color>BackgroundColor`, light then dark (only in base.css: no
  // code reads them).
  const STREAMLIT_167_TINTS: Record<string, [string, string]> = {
    "--sp-red-text": ["#9e303b", "#f2919a"],
    "--sp-orange-text": ["#9b4519", "#f2a56d"],
    "--sp-yellow-text": ["#956b0f", "#fbd54f"],
    "--sp-green-text": ["#0c5a44", "#7ed5b0"],
    "--sp-blue-text": ["#244fb4", "#85b8f8"],
    "--sp-violet-text": ["#6f33b8", "#bf8ef7"],
    "--sp-gray-text": ["#686255", "#b8b3a8"],
    "--sp-red-bg": ["#fff1f2", "#412023"],
    "--sp-orange-bg": ["#fff6ed", "#342414"],
    "--sp-yellow-bg": ["#fffae5", "#302917"],
    "--sp-green-bg": ["#f1fbf6", "#0e2f24"],
    "--sp-blue-bg": ["#edf5ff", "#1e2a3d"],
    "--sp-violet-bg": ["#f8f2ff", "#332244"],
    "--sp-gray-bg": ["#f5f4f2", "#2c2925"],
  };
  for (const [variable, [light, dark]] of Object.entries(STREAMLIT_167_TINTS)) {
    expect(css, variable).toMatch(
      new RegExp(`^\\s*${variable}: light-dark\\(${light}, ${dark}\\);$`, "m"),
    );
  }
  const alerts = { success: "green", info: "blue", warning: "yellow", error: "red" };
  for (const [alert, color] of Object.entries(alerts)) {
    expect(css).toContain(`--sp-${alert}-bg: var(--sp-${color}-bg);`);
    expect(css).toContain(`--sp-${alert}-fg: var(--sp-${color}-text);`);
  }
});

test("no other viewer module repeats a palette colour (base.css and core/palette.ts say them)", () => {
  const root = resolve(__dirname, "../../webview/src");
  const owners = new Set(["styles/base.css", "core/palette.ts"]);
  const colours = new Set(
    Object.values(BUILT_IN_PALETTES)
      .flatMap((p) => Object.values(p))
      .filter((c) => c.startsWith("#") && c !== "#ffffff"),
  );
  const repeated: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(css|tsx?)$/.test(entry.name) && !entry.name.includes(".generated.")) {
        const name = relative(root, path);
        if (owners.has(name)) continue;
        const text = readFileSync(path, "utf8").toLowerCase();
        for (const colour of colours)
          if (text.includes(colour)) repeated.push(`${name}: ${colour}`);
      }
    }
  };
  walk(root);
  expect(repeated).toEqual([]);
});

test("the sidebar keeps 1.67's own shades until a background colour is configured", () => {
  const root = document.documentElement;
  applyAppConfig({ theme: { primaryColor: "#00aa00" }, show_sidebar_navigation: true });
  expect(root.classList.contains("sp-custom-backgrounds")).toBe(false);
  applyAppConfig({
    theme: { "sidebar.backgroundColor": "#123456" },
    show_sidebar_navigation: true,
  });
  expect(root.classList.contains("sp-custom-backgrounds")).toBe(true);
  applyAppConfig({
    theme: { "dark.secondaryBackgroundColor": "#222222" },
    show_sidebar_navigation: true,
  });
  expect(root.classList.contains("sp-custom-backgrounds")).toBe(true);
  applyAppConfig({ theme: {}, show_sidebar_navigation: true });
  expect(root.classList.contains("sp-custom-backgrounds")).toBe(false);
  expect(css).toMatch(/:root:not\(\.sp-custom-backgrounds\)[^{]*\.sp-sidebar \{/);
});

test("vega charts' labels and gridlines are 1.67's greys", () => {
  // 1.67's vega config: axis and legend labels gray70 (light) / gray30 (dark), grid gray30 / gray85.
  const dark = vegaConfig("dark", true) as { axis: { labelColor: string; gridColor: string } };
  const light = vegaConfig("light", true) as { axis: { labelColor: string; gridColor: string } };
  expect([light.axis.labelColor, light.axis.gridColor]).toEqual(["#808495", "#e6eaf1"]);
  expect([dark.axis.labelColor, dark.axis.gridColor]).toEqual(["#e6eaf1", "#31333f"]);
});
