// Diagrams and documents: the components draw from their declared props, with the real libraries.
import { describe, expect, test, vi } from "vitest";
import type { PropsOf } from "../../webview/src/core/types";
import { componentFor } from "../../webview/src/core/types";
import { streamlitTheme } from "../../webview/src/documents/echartsTheme";
import { selectionEvent } from "../../webview/src/documents/echartsSelection";
import { graphvizSvg } from "../../webview/src/documents/graphvizSvg";
import "../../webview/src/documents/index";
import "../../webview/src/elements/basic";
import { mermaidAlt } from "../../webview/src/documents/mermaid";
import { renderMarkdown } from "../../webview/src/elements/markdownRender";
import { FakeStore, makeNode, mount } from "./data_helpers";

function draw<T extends string>(type: T, props: PropsOf<T>): HTMLElement {
  const Component = componentFor(type);
  if (Component === undefined) throw new Error(`no component for ${type}`);
  return mount(<Component node={makeNode(type, props)} store={new FakeStore()} />);
}

describe("graphviz_chart", () => {
  test("lays DOT out as SVG, uncoloured lines in the text colour and set colours kept", async () => {
    const svg = await graphvizSvg('digraph { a -> b; c [color="red"] }', "dot");
    expect(svg).toContain('class="node"');
    expect(svg).toContain('stroke="currentColor"');
    expect(svg).toContain('stroke="red"');
    expect(svg).not.toMatch(/fill="white"/);
  });

  test("an unknown engine or bad DOT is an error shown in place", async () => {
    await expect(graphvizSvg("digraph { a }", "nope")).rejects.toThrow(/engine/);
    const el = draw("graphviz_chart", { spec: "digraph { a -> ", engine: "dot" });
    await vi.waitFor(() => expect(el.querySelector(".sp-chart-error")).not.toBeNull());
  });

  test("draws the nodes; a fixed size scales the drawing into its box", async () => {
    const el = draw("graphviz_chart", {
      spec: "digraph { a -> b }",
      engine: "dot",
      width: 300,
      height: 200,
      alt: "Two nodes",
    });
    await vi.waitFor(() => expect(el.querySelectorAll("svg g.node")).toHaveLength(2));
    const box = el.querySelector<HTMLElement>(".sp-graphviz");
    expect(box?.style.width).toBe("300px");
    expect(box?.style.height).toBe("200px");
    expect(box?.getAttribute("aria-label")).toBe("Two nodes");
    expect(el.querySelector("svg")?.hasAttribute("width")).toBe(false);
  });
});

describe("mermaid fences", () => {
  test("a ```mermaid fence becomes a placeholder holding its source; other fences stay code", () => {
    const html = renderMarkdown(
      '````mermaid\nflowchart LR\n  A["<b>"] --> B\n````\n\n```py\nx\n```',
    );
    const div = document.createElement("div");
    div.innerHTML = html;
    const holder = div.querySelector<HTMLElement>(".sp-mermaid");
    expect(holder?.dataset.mermaid).toBe('flowchart LR\n  A["<b>"] --> B\n');
    expect(holder?.querySelector("b")).toBeNull();
    expect(div.querySelector("pre code")?.textContent).toBe("x\n");
    // With raw HTML allowed the placeholder survives the sanitizer.
    expect(renderMarkdown("```mermaid\npie\n```", { allowHtml: true })).toContain("data-mermaid");
  });

  test("the stAlt line names the diagram", () => {
    expect(mermaidAlt("%% stAlt: Two steps\nflowchart LR")).toBe("Two steps");
    expect(mermaidAlt("flowchart LR\n  A --> B")).toBeUndefined();
  });
});

describe("echarts selection", () => {
  test("clicks and brushing merge per series and data type; areas without coordinates drop", () => {
    const event = selectionEvent(
      [{ seriesIndex: 1, dataIndex: [4, 2] }],
      [
        { seriesIndex: 1, dataIndex: [2, 3] },
        { seriesIndex: 0, dataIndex: [] },
        { seriesIndex: 2, dataType: "node", dataIndex: [0] },
      ],
      [
        {
          brushType: "rect",
          coordRange: [
            [0, 2],
            [1, 5],
          ],
        },
        { brushType: "polygon" },
      ],
      [{}, { id: "sales", name: "Sales" }, {}],
    );
    expect(event).toEqual({
      selection: {
        selected: [
          {
            series_index: 1,
            series_id: "sales",
            series_name: "Sales",
            data_type: "main",
            data_indices: [2, 3, 4],
          },
          {
            series_index: 2,
            series_id: null,
            series_name: null,
            data_type: "node",
            data_indices: [0],
          },
        ],
        areas: [
          {
            brush_index: 0,
            brush_type: "rect",
            coord_range: [
              [0, 2],
              [1, 5],
            ],
          },
        ],
      },
    });
  });

  test("the streamlit theme takes the app's palette and text colour", () => {
    const theme = streamlitTheme("light");
    expect((theme.color as string[])[0]).toBe("#0068c9");
    expect(theme.backgroundColor).toBe("transparent");
  });
});

describe("pdf", () => {
  test("a viewer box of the given height with page and zoom controls", () => {
    const el = draw("pdf", { url: "https://example.com/a.pdf", height: 420, alt: "Report" });
    const box = el.querySelector<HTMLElement>(".sp-pdf");
    expect(box?.style.height).toBe("420px");
    expect(box?.getAttribute("aria-label")).toBe("Report");
    const labels = [...el.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual(["Previous page", "Next page", "Zoom out", "Zoom in"]);
    expect(el.querySelector(".sp-pdf-zoom")?.textContent).toBe("100%");
    expect(
      draw("pdf", { hash: "h", height: "stretch" }).querySelector<HTMLElement>(".sp-pdf")?.style
        .height,
    ).toBe("100%");
  });

  test("a URL the runtime could not download: its reason and a link, and no fetch", () => {
    const fetched = vi.spyOn(globalThis, "fetch");
    const el = draw("pdf", {
      url: "https://example.com/a.pdf",
      error: "Could not download https://example.com/a.pdf: HTTP 404 Not Found",
      height: 500,
    });
    expect(el.querySelector(".sp-chart-error")?.textContent).toContain("HTTP 404 Not Found");
    const link = el.querySelector<HTMLAnchorElement>(".sp-chart-error a");
    expect(link?.getAttribute("href")).toBe("https://example.com/a.pdf");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(fetched).not.toHaveBeenCalled();
    fetched.mockRestore();
  });
});

describe("iframe", () => {
  test("an HTML page from the components route, sandboxed; a URL at its height", () => {
    const page = draw("iframe", { html_id: "abc", height: "content", alt: "A page" });
    const frame = page.querySelector("iframe")!;
    expect(frame.getAttribute("src")).toBe("/component/_html/abc");
    expect(frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
    expect(frame.getAttribute("title")).toBe("A page");
    expect(frame.style.height).toBe("150px");
    const url = draw("iframe", { src: "https://example.com", height: 400, width: 300 });
    const other = url.querySelector("iframe")!;
    expect(other.style.height).toBe("400px");
    expect(other.style.width).toBe("300px");
    expect(other.getAttribute("sandbox")).toContain("allow-same-origin");
  });
});

describe("html", () => {
  test("a width; with javascript a sandboxed frame of the page instead of inline HTML", () => {
    const sized = draw("html", { body: "<b>x</b>", width: 300 });
    expect(sized.querySelector<HTMLElement>(".sp-html")?.style.width).toBe("300px");
    const framed = draw("html", { body: "<script>1</script>", javascript: "abc" });
    expect(framed.querySelector(".sp-html")).toBeNull();
    expect(framed.querySelector("iframe")?.getAttribute("src")).toBe("/component/_html/abc");
  });
});
