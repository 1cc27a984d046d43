// Lints the webview bundle, the VS Code extension and their tests (TypeScript, strict, type-aware
// rules off for speed).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "python_server/", ".venv/", "dist/", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["webview/**/*.{ts,tsx}", "tests/webview/**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        window: "readonly",
        document: "readonly",
        console: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-undef": "off",
      // With noUncheckedIndexedAccess every indexed read is `T | undefined`; `!` after a
      // bounds-checked index (markdown-it's token arrays, a range slider's two thumbs) is the idiom.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The extension runs in VS Code's Node host; its tests in vitest (Node, or happy-dom for the
    // webview side of the VS Code transport).
    files: ["extension/**/*.ts", "tests/extension/**/*.ts"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        process: "readonly",
        Buffer: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-undef": "off",
      // As for the webview: `!` after a bounds-checked index (noUncheckedIndexedAccess).
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
