// Lints the webview bundle and its tests (TypeScript, strict, type-aware rules off for speed).
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
);
