// `markdown` elements: st.markdown / write text, and the title/header/subheader/caption styles.

import { Help, InlineMarkdown, str } from "../core/ui";
import type { ElementProps } from "../core/types";
import { registerElement } from "../core/types";
import { useKatex } from "../core/katex";
import { Icon } from "./icon";
import { renderMarkdown, slugify } from "./markdownRender";
import { textLayout } from "./textLayout";

const HEADINGS = { title: "h1", header: "h2", subheader: "h3" } as const;
// A heading's parts (icon, text, anchor, help) sit in a row: alignment moves the row.
const ROW_ALIGN: Record<string, string> = { center: "center", right: "flex-end" };

function Heading({ node }: ElementProps) {
  const p = node.props;
  const style = p.style as keyof typeof HEADINGS;
  const Tag = HEADINGS[style];
  const body = str(p.body);
  const anchor =
    p.anchor === false ? undefined : typeof p.anchor === "string" ? p.anchor : slugify(body);
  const divider = p.divider;
  const layout = textLayout(p, "stretch");
  const align = typeof p.text_alignment === "string" ? ROW_ALIGN[p.text_alignment] : undefined;
  return (
    <div class={`sp-heading sp-${style}`} style={layout.style}>
      <Tag id={anchor} style={align ? { justifyContent: align } : undefined}>
        {typeof p.icon === "string" && p.icon && (
          <span class="sp-heading-icon" aria-hidden="true">
            <Icon icon={p.icon} />
          </span>
        )}
        <InlineMarkdown text={body} class={layout.wrap ? undefined : "sp-one-line"} />
        {anchor && (
          <a class="sp-anchor" href={`#${anchor}`} aria-label="Link to this heading">
            #
          </a>
        )}
        {typeof p.help === "string" && <Help text={p.help} />}
      </Tag>
      {divider !== undefined && divider !== false && (
        <hr
          class={`sp-heading-divider sp-divider-${typeof divider === "string" ? divider : "rainbow"}`}
        />
      )}
    </div>
  );
}

export function Markdown(props: ElementProps) {
  const p = props.node.props;
  if (p.style === "title" || p.style === "header" || p.style === "subheader")
    return <Heading {...props} />;
  // Math in the body loads KaTeX; the component redraws when it is there.
  useKatex(str(p.body).includes("$"));
  const layout = textLayout(p, "stretch");
  // One line (`wrap: false`) takes inline Markdown only, as Streamlit's does.
  const html = renderMarkdown(str(p.body), {
    allowHtml: p.unsafe_allow_html === true,
    inline: !layout.wrap,
  });
  return (
    <div
      class={p.style === "caption" ? "sp-markdown sp-caption" : "sp-markdown"}
      style={layout.style}
    >
      <div
        class={layout.wrap ? "sp-markdown-body" : "sp-markdown-body sp-one-line"}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {typeof p.help === "string" && <Help text={p.help} />}
    </div>
  );
}

registerElement("markdown", Markdown);
