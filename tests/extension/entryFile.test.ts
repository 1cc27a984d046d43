// Which script Preview App runs for a page of a multipage app (extension/src/entryFile.ts), on
// real folders.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { previewTarget } from "../../extension/src/entryFile";
import { tempDir } from "./tempDirs";

function project(files: Record<string, string>): string {
  const root = tempDir("sidepane-entry-");
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

const NAV =
  "import streamlit as st\n" +
  'pg = st.navigation({"Reports": [st.Page("views/sales.py"), st.Page("views/costs.py")]})\n' +
  "pg.run()\n";

describe("previewTarget", () => {
  it("opens the script that declares the pages at the page file", () => {
    const root = project({
      "streamlit_app.py": NAV,
      "views/sales.py": "import streamlit as st\nst.title('Sales')\n",
      "views/other.py": "import streamlit as st\n",
    });
    const sales = join(root, "views/sales.py");
    expect(previewTarget(sales, "", root)).toEqual({
      entry: join(root, "streamlit_app.py"),
      page: sales,
    });
    // The entry script itself, and a script its navigation does not name, run as they are.
    expect(previewTarget(join(root, "streamlit_app.py"), "", root)).toEqual({
      entry: join(root, "streamlit_app.py"),
    });
    const other = join(root, "views/other.py");
    expect(previewTarget(other, "", root)).toEqual({ entry: other });
  });

  it("opens the app beside a pages/ folder, preferring the usual entry names", () => {
    const root = project({
      "helper.py": "import streamlit as st\n",
      "app.py": "import streamlit as st\nst.title('Home')\n",
      "notes.py": "print('not an app')\n",
      "pages/1_📈_Report.py": "import streamlit as st\n",
    });
    const page = join(root, "pages/1_📈_Report.py");
    expect(previewTarget(page, "", root)).toEqual({ entry: join(root, "app.py"), page });
  });

  it("uses sidepane.entryFile when set (relative to the workspace folder)", () => {
    const root = project({
      "src/main_app.py": "import streamlit as st\n",
      "src/page.py": "import streamlit as st\n",
    });
    const page = join(root, "src/page.py");
    expect(previewTarget(page, "src/main_app.py", root)).toEqual({
      entry: join(root, "src/main_app.py"),
      page,
    });
    expect(previewTarget(join(root, "src/main_app.py"), "src/main_app.py", root)).toEqual({
      entry: join(root, "src/main_app.py"),
    });
    // A setting naming no file is ignored.
    expect(previewTarget(page, "missing.py", root)).toEqual({ entry: page });
  });

  it("does not look above the workspace folder", () => {
    const root = project({ "app.py": NAV.replace("views/sales.py", "ws/views/sales.py") });
    const workspace = join(root, "ws");
    const sales = join(workspace, "views/sales.py");
    mkdirSync(dirname(sales), { recursive: true });
    writeFileSync(sales, "import streamlit as st\n");
    expect(previewTarget(sales, "", workspace)).toEqual({ entry: sales });
    expect(previewTarget(sales, "", root)).toEqual({ entry: join(root, "app.py"), page: sales });
  });
});
