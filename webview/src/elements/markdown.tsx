// `markdown` elements: st.markdown / write text, and the title/header/subheader/caption styles.

import { Help, InlineMarkdown } from "../core/ui";
import type { ElementProps, MarkdownProps } from "../core/types";
import { registerElement } from "../core/types";
import { useKatex } from "../core/katex";
import { useRef } from "preact/hooks";
import { useMermaid } from "../documents/mermaid";
import { Icon } from "./icon";
import { renderMarkdown, slugify } from "./markdownRender";
import { textLayout } from "./textLayout";

const HEADINGS = { title: "h1", header: "h2", subheader: "h3" } as const;
// A heading's parts (icon, text, anchor, help) sit in a row: alignment moves the row.
const ROW_ALIGN = { center: "center", right: "flex-end", justify: undefined } as const;

function Heading({ p, style }: { p: MarkdownProps; style: keyof typeof HEADINGS }) {
  const Tag = HEADINGS[style];
  // No anchor given: one made from the text; `false`: none.
  const anchor = p.anchor === false ? undefined : (p.anchor ?? slugify(p.body));
  const layout = textLayout(p, "stretch");
  const align = p.text_alignment && ROW_ALIGN[p.text_alignment];
  return (
    <div class={`sp-heading sp-${style}`} style={layout.style}>
      <Tag id={anchor} style={align ? { justifyContent: align } : undefined}>
        {p.icon && (
          <span class="sp-heading-icon" aria-hidden="true">
            <Icon icon={p.icon} />
          </span>
        )}
        <InlineMarkdown text={p.body} class={layout.wrap ? undefined : "sp-one-line"} />
        {anchor && (
          <a class="sp-anchor" href={`#${anchor}`} aria-label="Link to this heading">
            #
          </a>
        )}
        {p.help !== undefined && <Help text={p.help} />}
      </Tag>
      {p.divider !== undefined && (
        <hr class={`sp-heading-divider sp-divider-${p.divider === true ? "rainbow" : p.divider}`} />
      )}
    </div>
  );
}

export function Markdown({ node }: ElementProps<"markdown">) {
  const p = node.props;
  if (p.style === "title" || p.style === "header" || p.style === "subheader")
    return <Heading p={p} style={p.style} />;
  // Math in the body loads KaTeX; the component redraws when it is there.
  useKatex(p.body.includes("$"));
  const layout = textLayout(p, "stretch");
  // One line (`wrap: false`) takes inline Markdown only, as Streamlit's does.
  const html = renderMarkdown(p.body, {
    allowHtml: p.unsafe_allow_html === true,
    inline: !layout.wrap,
  });
  const body = useRef<HTMLDivElement>(null);
  useMermaid(body, html);
  return (
    <div
      class={p.style === "caption" ? "sp-markdown sp-caption" : "sp-markdown"}
      style={layout.style}
    >
      <div
        ref={body}
        class={layout.wrap ? "sp-markdown-body" : "sp-markdown-body sp-one-line"}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {p.help !== undefined && <Help text={p.help} />}
    </div>
  );
}

registerElement("markdown", Markdown);
