import { describe, expect, it } from "vitest";
import { loadKatex } from "../../webview/src/core/katex";
import { renderMarkdown, sanitize } from "../../webview/src/elements/markdownRender";

describe("markdown", () => {
  it("escapes raw HTML unless allowed", () => {
    const html = renderMarkdown("hi <b>there</b> <script>alert(1)</script>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;b&gt;");
  });

  // Separate inputs: happy-dom's NodeIterator skips the sibling after a removed node, which real
  // browsers do not (checked in Chromium), so one input per unsafe construct.
  it("keeps allowed HTML but removes scripts and handlers", () => {
    const html = renderMarkdown("hi <b>there</b><script>alert(1)</script>", { allowHtml: true });
    expect(html).toContain("<b>there</b>");
    expect(html).not.toContain("<script");
    const img = renderMarkdown('<img src="x" onerror="alert(1)">', { allowHtml: true });
    expect(img).toContain("<img");
    expect(img).not.toContain("onerror");
  });

  it("blocks javascript: links", () => {
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain('href="javascript:');
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).not.toContain("javascript:");
  });

  it("shows the TeX source until KaTeX has loaded", () => {
    expect(renderMarkdown("$x^2$")).toContain('class="sp-math-pending"');
  });

  it("renders math, colours and links that open in a new tab", async () => {
    await loadKatex();
    const html = renderMarkdown("$x^2$ and :red[warm] [s](https://example.com)");
    expect(html).toContain("katex");
    expect(html).toContain('class="sp-fg-red"');
    expect(html).toContain('target="_blank"');
    expect(renderMarkdown("costs $5 and $6")).not.toContain("katex");
  });
});
