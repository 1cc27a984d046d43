// The `latex` element: KaTeX in display mode. Errors render in red in place (throwOnError off),
// as Streamlit shows them; KaTeX's output is its own markup, never the author's HTML.

import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { renderTex, useKatex } from "../core/katex";

export function renderLatex(body: string): string {
  return renderTex(body, true);
}

export function Latex({ node }: ElementProps<"latex">): JSX.Element {
  const { body, help } = node.props;
  const katex = useKatex();
  const html = useMemo(() => renderLatex(body), [body, katex]);
  return (
    <div class="sp-latex" data-testid="stLatex" title={help}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
