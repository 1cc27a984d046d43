import { describe, expect, it } from "vitest";
import { importsApp, PreviewCodeLens } from "../../extension/src/codeLens";
import type * as vscode from "vscode";

describe("importsApp", () => {
  it.each([
    "import sidepane as st\n",
    "import streamlit as st\n",
    "import os, streamlit as st\n",
    "import numpy as np, sidepane\n",
    "from streamlit import session_state\n",
    "from sidepane.testing import AppTest\n",
    '"""An app."""\n\nimport pandas as pd\n    import streamlit as st\n',
    "import streamlit.components.v1 as components\n",
  ])("finds %j", (text) => {
    expect(importsApp(text)).toBe(true);
  });

  it.each([
    "import pandas as pd\n",
    "import streamlit_extras\n",
    "from streamlit_option_menu import option_menu\n",
    "# import streamlit as st\n",
    "x = 'import'\nprint(streamlit)\n",
    "import mysidepane\n",
  ])("ignores %j", (text) => {
    expect(importsApp(text)).toBe(false);
  });
});

describe("PreviewCodeLens", () => {
  const doc = (text: string) =>
    ({ getText: () => text, uri: { fsPath: "/w/app.py" } }) as unknown as vscode.TextDocument;

  it("puts one ▶ Preview lens on the first line of an app", () => {
    const lenses = new PreviewCodeLens("sidepane.preview").provideCodeLenses(
      doc("import sidepane as st\nst.write(1)\n"),
    );
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start.line).toBe(0);
    expect(lenses[0]!.command?.title).toBe("▶ Preview");
    expect(lenses[0]!.command?.command).toBe("sidepane.preview");
    expect(lenses[0]!.command?.arguments).toEqual([{ fsPath: "/w/app.py" }]);
  });

  it("has none for other Python files", () => {
    expect(new PreviewCodeLens("x").provideCodeLenses(doc("print(1)\n"))).toEqual([]);
  });
});
