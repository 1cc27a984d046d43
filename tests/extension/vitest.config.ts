// Unit tests for the VS Code extension (Node, with `vscode` replaced by a small stub) and for the
// webview side of its transport (files under webview/, in happy-dom).
import { defineConfig } from "vitest/config";

const root = new URL("../..", import.meta.url).pathname;

export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/extension/**/*.test.ts"],
    root,
    alias: { vscode: `${root}tests/extension/vscode_stub.ts` },
  },
});
