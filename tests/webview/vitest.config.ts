// Unit tests for the webview bundle, in happy-dom.
import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    environment: "happy-dom",
    setupFiles: ["tests/webview/setup.ts"],
    include: ["tests/webview/**/*.test.{ts,tsx}"],
    root: new URL("../..", import.meta.url).pathname,
  },
});
