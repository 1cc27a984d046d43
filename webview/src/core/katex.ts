// KaTeX on demand: it is a large library, loaded with the first formula rather than with the
// page. Until it arrives, a formula shows as its TeX source, then the component redraws.

import type KatexModule from "katex";
import { useEffect, useState } from "preact/hooks";

type Katex = typeof KatexModule;

let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;

/** Load KaTeX (once); resolves to the module. */
export function loadKatex(): Promise<Katex> {
  loading ??= import("katex").then((m) => (katex = m.default));
  return loading;
}

/** KaTeX once loaded, else null; a component calling this redraws when it arrives. */
export function useKatex(needed = true): Katex | null {
  const [, setReady] = useState(katex !== null);
  useEffect(() => {
    if (needed && katex === null) void loadKatex().then(() => setReady(true));
  }, [needed]);
  return katex;
}

/** A formula as HTML: KaTeX's markup, or the escaped TeX source while KaTeX is loading. */
export function renderTex(tex: string, displayMode: boolean): string {
  if (katex === null) {
    void loadKatex();
    const escaped = tex.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<span class="sp-math-pending">${escaped}</span>`;
  }
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    output: "htmlAndMathml",
    trust: false,
  });
}
