// Which script a preview runs. Preview App on a page of a multipage app opens the app's entry
// script (the file `streamlit run` is given) at that page: the `sidepane.entryFile` setting when
// set, else the nearest script that declares the pages with `st.navigation` and names this file,
// else, for a file in a `pages/` folder, the app script beside that folder.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { importsApp } from "./codeLens";

/** What the preview runs: `entry`, at the page whose script is `page` (absent: its default). */
export interface PreviewTarget {
  entry: string;
  page?: string;
}

/** The file system as the search reads it (tests pass their own folders). */
export interface EntryFs {
  read(path: string): string | undefined;
  /** The `.py` files of a folder (names), or [] if it cannot be read. */
  pythonFiles(dir: string): string[];
  isFile(path: string): boolean;
}

export const nodeFs: EntryFs = {
  read(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  pythonFiles(dir) {
    try {
      return readdirSync(dir).filter((name) => name.endsWith(".py") && !name.startsWith("."));
    } catch {
      return [];
    }
  },
  isFile(path) {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/** Folders above the file searched for its entry script (the workspace folder bounds it too). */
const MAX_LEVELS = 4;
/** An entry script's usual names, tried first beside a `pages/` folder (Streamlit's docs). */
const ENTRY_NAMES = ["streamlit_app.py", "app.py", "main.py", "Home.py"];
const NAVIGATION_CALL = /\bnavigation\s*\(/;

/**
 * The script to run for Preview App on `file`. `setting` is `sidepane.entryFile` (absolute, or
 * relative to `workspaceRoot`); `workspaceRoot` (if any) bounds the upward search.
 */
export function previewTarget(
  file: string,
  setting: string,
  workspaceRoot: string | undefined,
  fs: EntryFs = nodeFs,
): PreviewTarget {
  const configured = configuredEntry(setting, workspaceRoot, fs);
  if (configured !== undefined) {
    return configured === file ? { entry: file } : { entry: configured, page: file };
  }
  const source = fs.read(file) ?? "";
  if (declaresPages(source)) return { entry: file };
  const navigating = navigatingScript(file, workspaceRoot, fs);
  if (navigating !== undefined) return { entry: navigating, page: file };
  const folderApp = pagesFolderApp(file, fs);
  if (folderApp !== undefined) return { entry: folderApp, page: file };
  return { entry: file };
}

function configuredEntry(
  setting: string,
  workspaceRoot: string | undefined,
  fs: EntryFs,
): string | undefined {
  const value = setting.trim();
  if (value === "") return undefined;
  const path = isAbsolute(value) ? value : workspaceRoot ? resolve(workspaceRoot, value) : "";
  return path !== "" && fs.isFile(path) ? path : undefined;
}

function declaresPages(source: string): boolean {
  return importsApp(source) && NAVIGATION_CALL.test(source);
}

/** The nearest script above `file` whose st.navigation names it (by its path or file name). */
function navigatingScript(
  file: string,
  workspaceRoot: string | undefined,
  fs: EntryFs,
): string | undefined {
  let dir = dirname(file);
  for (let level = 0; level <= MAX_LEVELS; level++) {
    for (const name of fs.pythonFiles(dir).sort()) {
      const candidate = join(dir, name);
      if (candidate === file) continue;
      const source = fs.read(candidate);
      if (source === undefined || !declaresPages(source)) continue;
      const named = relative(dir, file).split(sep).join("/");
      if (source.includes(named) || source.includes(basename(file))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || (workspaceRoot !== undefined && !within(parent, workspaceRoot))) break;
    dir = parent;
  }
  return undefined;
}

/** For `<app>/pages/x.py`: the app script beside the `pages/` folder (usual names first). */
function pagesFolderApp(file: string, fs: EntryFs): string | undefined {
  const folder = dirname(file);
  if (basename(folder) !== "pages") return undefined;
  const appDir = dirname(folder);
  const names = fs.pythonFiles(appDir);
  const ordered = [
    ...ENTRY_NAMES.filter((n) => names.includes(n)),
    ...names.filter((n) => !ENTRY_NAMES.includes(n)).sort(),
  ];
  for (const name of ordered) {
    const candidate = join(appDir, name);
    if (importsApp(fs.read(candidate) ?? "")) return candidate;
  }
  return undefined;
}

function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
