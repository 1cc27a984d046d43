// The `latex` element: KaTeX in display mode. Errors render in red in place (throwOnError off),
// as Streamlit shows them; KaTeX's output is its own markup, never the author's HTML.

import type { JSX } from "preact";
import { useMemo } from "preact/hooks";
import type { ElementProps } from "../core/types";
import { renderTex, useKatex } from "../core/katex";
import { useNodeProps } from "../data/hooks";

export function renderLatex(body: string): string {
  return renderTex(body, true);
}

export function Latex({ node, store }: ElementProps): JSX.Element {
  const props = useNodeProps(node, store);
  const body = typeof props.body === "string" ? props.body : "";
  const katex = useKatex();
  const html = useMemo(() => renderLatex(body), [body, katex]);
  const help = typeof props.help === "string" ? props.help : undefined;
  return (
    <div class="sp-latex" data-testid="stLatex" title={help}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
