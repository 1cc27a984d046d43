// `code` elements: highlight.js colouring, a copy button, optional line numbers and wrapping.

import type { HLJSApi } from "highlight.js";
import { useEffect, useState } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";

// highlight.js is loaded on the first code block, not with the page: most apps start faster.
let hljs: HLJSApi | null = null;
let hljsLoading: Promise<HLJSApi> | null = null;

function loadHighlighter(): Promise<HLJSApi> {
  hljsLoading ??= import("highlight.js/lib/common").then((m) => (hljs = m.default));
  return hljsLoading;
}

function highlight(body: string, language: string | null): string {
  if (hljs !== null && language && hljs.getLanguage(language)) {
    return hljs.highlight(body, { language, ignoreIllegals: true }).value;
  }
  // Plain text (or the highlighter is still loading): escaped.
  return body.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function Code({ node }: ElementProps<"code">) {
  const { body, language } = node.props;
  const lineNumbers = node.props.line_numbers === true;
  const wrap = node.props.wrap === true;
  const [copied, setCopied] = useState(false);
  const [, setLoaded] = useState(hljs !== null);
  useEffect(() => {
    if (hljs === null && language) void loadHighlighter().then(() => setLoaded(true));
  }, [language]);
  const copy = () => {
    void navigator.clipboard?.writeText(body).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  const lines = body.split("\n");
  return (
    <div class={`sp-code${wrap ? " sp-code-wrap" : ""}`}>
      <button
        type="button"
        class="sp-code-copy"
        onClick={copy}
        aria-label="Copy to clipboard"
        title="Copy"
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <pre>
        {lineNumbers && (
          <span class="sp-code-lines" aria-hidden="true">
            {lines.map((_, i) => (
              <span key={i}>{i + 1}</span>
            ))}
          </span>
        )}
        <code
          class={language ? `hljs language-${language}` : "hljs"}
          dangerouslySetInnerHTML={{ __html: highlight(body, language) }}
        />
      </pre>
    </div>
  );
}

registerElement("code", Code);
