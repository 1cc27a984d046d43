// Does the chosen interpreter have `sidepane` at this extension's version? If not, say why and
// offer to install the wheel the .vsix carries (dist/wheels/), with pip, into that interpreter.

import { execFile, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import type { PanelProblem } from "../../webview/src/core/vscode_messages";
import type { Log } from "./log";
import type { Interpreter } from "./python";

export type PackageCheck =
  | { kind: "ok"; executable: string; version: string }
  | { kind: "missing"; executable: string; detail: string }
  | { kind: "mismatch"; executable: string; version: string }
  | { kind: "old-python"; executable: string; python: string }
  | { kind: "broken"; detail: string }
  | { kind: "no-python"; detail: string };

const MARKER = "SIDEPANE-CHECK ";

/** Run by the interpreter: its version and sidepane's, as one JSON line after MARKER. */
export const CHECK_SCRIPT = [
  "import json, sys",
  'out = {"executable": sys.executable, "python": "%d.%d.%d" % tuple(sys.version_info[:3])}',
  "try:",
  "    import sidepane",
  '    out["version"] = str(getattr(sidepane, "__version__", ""))',
  "except ImportError as e:",
  '    out["missing"] = str(e)',
  "except Exception as e:",
  '    out["error"] = "%s: %s" % (type(e).__name__, e)',
  `print(${JSON.stringify(MARKER)} + json.dumps(out))`,
].join("\n");

/** Reads CHECK_SCRIPT's output against the version this extension needs. */
export function parseCheck(stdout: string, expected: string): PackageCheck {
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith(MARKER));
  let out: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = line ? JSON.parse(line.slice(MARKER.length)) : undefined;
    if (typeof parsed === "object" && parsed !== null) out = parsed as Record<string, unknown>;
  } catch {
    out = undefined;
  }
  if (!out) return { kind: "broken", detail: `unexpected output: ${stdout.trim().slice(0, 500)}` };
  const executable = String(out.executable ?? "");
  const python = String(out.python ?? "");
  const [major = 0, minor = 0] = python.split(".").map(Number);
  if (major < 3 || (major === 3 && minor < 10)) return { kind: "old-python", executable, python };
  if (typeof out.missing === "string") return { kind: "missing", executable, detail: out.missing };
  if (typeof out.error === "string") return { kind: "broken", detail: out.error };
  const version = String(out.version ?? "");
  if (version !== expected) return { kind: "mismatch", executable, version };
  return { kind: "ok", executable, version };
}

/** Runs CHECK_SCRIPT with `python` (in `cwd`, as the server will run). */
export function checkPackage(python: string, expected: string, cwd: string): Promise<PackageCheck> {
  return new Promise((resolve) => {
    execFile(
      python,
      ["-c", CHECK_SCRIPT],
      { cwd, timeout: 30_000, windowsHide: true },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          resolve({ kind: "no-python", detail: `${python} was not found` });
        } else if (error && !stdout.includes(MARKER)) {
          resolve({ kind: "broken", detail: (stderr || error.message).trim().slice(-2000) });
        } else {
          resolve(parseCheck(stdout, expected));
        }
      },
    );
  });
}

/** What to tell the person (notification and panel banner), with the fix. */
export function describeCheck(
  check: Exclude<PackageCheck, { kind: "ok" }>,
  interpreter: Interpreter,
  expected: string,
): PanelProblem {
  const which = `Interpreter: ${interpreter.command} (${interpreter.reason}).`;
  const fix =
    "Fix: choose Install in the notification (Sidepane: Restart Server shows it again), or set " +
    `sidepane.pythonPath to a Python 3.10+ that has sidepane ${expected}.`;
  switch (check.kind) {
    case "no-python":
      return {
        message: `Sidepane cannot start: the Python interpreter "${interpreter.command}" was not found.`,
        detail: `${which}\nFix: install Python 3.10+, select an interpreter in the Python extension, or set sidepane.pythonPath.`,
      };
    case "old-python":
      return {
        message: `Sidepane needs Python 3.10 or newer; ${check.executable} is Python ${check.python}.`,
        detail: `${which}\nFix: select a newer interpreter or set sidepane.pythonPath.`,
      };
    case "missing":
      return {
        message: `The Python at ${check.executable} does not have the sidepane package.`,
        detail: `${which}\n${fix}`,
      };
    case "mismatch":
      return {
        message: `The Python at ${check.executable} has sidepane ${check.version || "(unknown version)"}; this extension needs ${expected}.`,
        detail: `${which}\n${fix}`,
      };
    case "broken":
      return {
        message: `Sidepane could not be imported by ${interpreter.command}.`,
        detail: `${check.detail}\n${which}\n${fix}`,
      };
  }
}

/** The sidepane wheel carried in the extension (dist/wheels/), preferring `version`. */
export function findWheel(extensionPath: string, version: string): string | undefined {
  const folder = join(extensionPath, "dist", "wheels");
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.startsWith("sidepane-") && n.endsWith(".whl"));
  } catch {
    return undefined;
  }
  const exact = names.find((n) => n.startsWith(`sidepane-${version}-`));
  const name = exact ?? names.sort().at(-1);
  return name ? join(folder, name) : undefined;
}

export type InstallResult =
  { ok: true } | { ok: false; reason: "externally-managed" | "no-pip" | "failed"; output: string };

/** Classifies a failed pip run from its output. */
export function pipFailure(output: string): "externally-managed" | "no-pip" | "failed" {
  if (output.includes("externally-managed-environment")) return "externally-managed";
  if (/No module named pip\b/.test(output)) return "no-pip";
  return "failed";
}

/**
 * Installs `wheel` into `python`: first the wheel itself over whatever is there (no
 * dependencies, so nothing is downloaded again), then a plain install that adds only the
 * dependencies still missing. pip's output goes to the log.
 */
export async function installWheel(
  python: string,
  wheel: string,
  cwd: string,
  log: Log,
): Promise<InstallResult> {
  const pip = ["-m", "pip", "install", "--disable-pip-version-check", "--no-input"];
  for (const extra of [["--force-reinstall", "--no-deps"], []]) {
    const args = [...pip, ...extra, wheel];
    log.info(`$ ${python} ${args.join(" ")}`);
    const { code, output } = await run(python, args, cwd, log);
    if (code !== 0) return { ok: false, reason: pipFailure(output), output: output.slice(-4000) };
  }
  return { ok: true };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  log: Log,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { cwd, windowsHide: true });
    const take = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      output += text;
      for (const line of text.split(/\r?\n/)) if (line.trim()) log.info(`pip: ${line}`);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.on("error", (error) => resolve({ code: -1, output: output + String(error) }));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

/** What the person is told when pip gave up, with the way out. */
export function describeInstallFailure(
  result: Exclude<InstallResult, { ok: true }>,
  python: string,
): PanelProblem {
  switch (result.reason) {
    case "externally-managed":
      return {
        message: `${python} is managed by your system, and pip will not install into it (PEP 668).`,
        detail:
          "Fix: create a virtual environment (python3 -m venv .venv), select it in the Python " +
          "extension or set sidepane.pythonPath to .venv/bin/python, then choose Install again.",
      };
    case "no-pip":
      return {
        message: `${python} has no pip, so the sidepane package cannot be installed there.`,
        detail:
          "Fix: create a virtual environment (python3 -m venv .venv; it comes with pip) and set " +
          "sidepane.pythonPath to it, or install pip for this Python.",
      };
    case "failed":
      return {
        message: `Installing sidepane into ${python} failed.`,
        detail: `${result.output.trim().split("\n").slice(-12).join("\n")}\n(The whole output is in the Sidepane log.)`,
      };
  }
}

/**
 * Tells the person (a notification) what is wrong and offers the fix; resolves "install" when
 * they chose Install, "settings" or "log" for the other buttons, undefined when dismissed.
 */
export async function offerFix(
  problem: PanelProblem,
  canInstall: boolean,
): Promise<"install" | "settings" | "log" | undefined> {
  const install = "Install";
  const settings = "Open Settings";
  const log = "Show Log";
  const buttons = canInstall ? [install, settings, log] : [settings, log];
  // The detail (the fix) is in the panel's banner; a notification shows only the message.
  const choice = await vscode.window.showErrorMessage(problem.message, ...buttons);
  if (choice === install) return "install";
  if (choice === settings) return "settings";
  if (choice === log) return "log";
  return undefined;
}
