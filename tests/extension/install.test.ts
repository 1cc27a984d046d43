import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CHECK_SCRIPT,
  checkPackage,
  describeCheck,
  describeInstallFailure,
  findWheel,
  installWheel,
  parseCheck,
  pipFailure,
} from "../../extension/src/install";
import type { Interpreter } from "../../extension/src/python";
import { recordingLog } from "./fakes";
import { tempDir } from "./tempDirs";

const line = (out: object) => `noise\nSIDEPANE-CHECK ${JSON.stringify(out)}\n`;
const interpreter: Interpreter = { command: "python3", source: "path", reason: "python3 on PATH" };

describe("parseCheck", () => {
  it("accepts the extension's own version", () => {
    expect(
      parseCheck(line({ executable: "/v/python", python: "3.11.2", version: "0.1.0" }), "0.1.0"),
    ).toEqual({
      kind: "ok",
      executable: "/v/python",
      version: "0.1.0",
    });
  });

  it("tells a missing package, another version, an old Python and a broken import apart", () => {
    const base = { executable: "/v/python", python: "3.12.0" };
    expect(parseCheck(line({ ...base, missing: "No module named 'sidepane'" }), "0.1.0").kind).toBe(
      "missing",
    );
    expect(parseCheck(line({ ...base, version: "0.0.9" }), "0.1.0")).toEqual({
      kind: "mismatch",
      executable: "/v/python",
      version: "0.0.9",
    });
    expect(
      parseCheck(line({ executable: "/o", python: "3.9.18", version: "0.1.0" }), "0.1.0").kind,
    ).toBe("old-python");
    expect(parseCheck(line({ ...base, error: "SyntaxError: bad" }), "0.1.0")).toEqual({
      kind: "broken",
      detail: "SyntaxError: bad",
    });
    expect(parseCheck("Python 2.7\n", "0.1.0").kind).toBe("broken");
    expect(parseCheck("SIDEPANE-CHECK {not json", "0.1.0").kind).toBe("broken");
  });
});

describe("checkPackage", () => {
  const venvPython = join(process.cwd(), ".venv", "bin", "python");

  it.runIf(existsSync(venvPython))("runs in a real interpreter", async () => {
    const check = await checkPackage(venvPython, "0.1.0", process.cwd());
    expect(check.kind).toMatch(/^(ok|mismatch)$/);
    const mismatch = await checkPackage(venvPython, "999.0", process.cwd());
    expect(mismatch.kind).toBe("mismatch");
  });

  it("says when the interpreter does not exist", async () => {
    const check = await checkPackage("/nonexistent/python3", "0.1.0", process.cwd());
    expect(check).toEqual({ kind: "no-python", detail: "/nonexistent/python3 was not found" });
  });

  it("is one Python program that prints one marked line", () => {
    expect(CHECK_SCRIPT).toContain("import sidepane");
    expect(CHECK_SCRIPT.match(/print\(/g)).toHaveLength(1);
  });
});

describe("describeCheck", () => {
  it("says what is wrong, which interpreter and why, and the fix", () => {
    const problem = describeCheck(
      { kind: "mismatch", executable: "/v/python", version: "0.0.9" },
      interpreter,
      "0.1.0",
    );
    expect(problem.message).toBe(
      "The Python at /v/python has sidepane 0.0.9; this extension needs 0.1.0.",
    );
    expect(problem.detail).toContain("Interpreter: python3 (python3 on PATH).");
    expect(problem.detail).toContain("Install");
    expect(describeCheck({ kind: "no-python", detail: "x" }, interpreter, "0.1.0").message).toBe(
      'Sidepane cannot start: the Python interpreter "python3" was not found.',
    );
  });
});

describe("findWheel", () => {
  it("finds the carried wheel, preferring the extension's version", () => {
    const root = tempDir("sidepane-ext-");
    expect(findWheel(root, "0.1.0")).toBeUndefined();
    mkdirSync(join(root, "dist", "wheels"), { recursive: true });
    for (const name of [
      "sidepane-0.0.9-py3-none-any.whl",
      "sidepane-0.1.0-py3-none-any.whl",
      "other-1.0-py3-none-any.whl",
    ]) {
      writeFileSync(join(root, "dist", "wheels", name), "");
    }
    expect(findWheel(root, "0.1.0")).toBe(
      join(root, "dist", "wheels", "sidepane-0.1.0-py3-none-any.whl"),
    );
  });
});

describe("installWheel", () => {
  /** A stand-in `python` that prints `output` and exits with `code`. */
  function fakePython(output: string, code: number): string {
    const dir = tempDir("sidepane-py-");
    const path = join(dir, "python");
    writeFileSync(
      path,
      `#!/bin/sh\necho "$@" >> "${dir}/calls"\nprintf '%s\\n' '${output}' >&2\nexit ${code}\n`,
    );
    chmodSync(path, 0o755);
    return path;
  }

  it.runIf(process.platform !== "win32")(
    "installs the wheel itself, then what it needs",
    async () => {
      const log = recordingLog();
      const python = fakePython("Successfully installed sidepane-0.1.0", 0);
      expect(
        await installWheel(python, "/x/sidepane-0.1.0-py3-none-any.whl", tmpdir(), log),
      ).toEqual({ ok: true });
      const commands = log.lines.filter((l) => l.startsWith("info: $"));
      expect(commands).toHaveLength(2);
      expect(commands[0]).toContain(
        "-m pip install --disable-pip-version-check --no-input --force-reinstall --no-deps /x/sidepane",
      );
      expect(log.lines).toContain("info: pip: Successfully installed sidepane-0.1.0");
    },
  );

  it.runIf(process.platform !== "win32")(
    "recognises an externally managed environment",
    async () => {
      const python = fakePython("error: externally-managed-environment", 1);
      const result = await installWheel(python, "/x/s.whl", tmpdir(), recordingLog());
      expect(result).toMatchObject({ ok: false, reason: "externally-managed" });
      if (!result.ok) {
        const problem = describeInstallFailure(result, python);
        expect(problem.message).toContain("managed by your system");
        expect(problem.detail).toContain("python3 -m venv .venv");
      }
    },
  );

  it("classifies pip's failures", () => {
    expect(pipFailure("/usr/bin/python3: No module named pip")).toBe("no-pip");
    expect(pipFailure("ERROR: Could not find a version")).toBe("failed");
  });
});
