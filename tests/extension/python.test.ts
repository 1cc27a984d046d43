import { afterEach, describe, expect, it } from "vitest";
import {
  chooseInterpreter,
  expandPath,
  pythonExtensionInterpreter,
} from "../../extension/src/python";
import type { InterpreterInputs } from "../../extension/src/python";
import { Uri, stub } from "./vscode_stub";

const inputs = (over: Partial<InterpreterInputs>): InterpreterInputs => ({
  setting: "",
  pythonExtension: () => Promise.resolve(undefined),
  platform: "linux",
  workspaceFolder: "/work/proj",
  home: "/home/me",
  ...over,
});

describe("chooseInterpreter", () => {
  it("takes sidepane.pythonPath first, without asking the Python extension", async () => {
    let asked = false;
    const chosen = await chooseInterpreter(
      inputs({
        setting: "${workspaceFolder}/.venv/bin/python",
        pythonExtension: () => {
          asked = true;
          return Promise.resolve("/other/python");
        },
      }),
    );
    expect(chosen).toEqual({
      command: "/work/proj/.venv/bin/python",
      source: "setting",
      reason: "set in sidepane.pythonPath",
    });
    expect(asked).toBe(false);
  });

  it("then the Python extension's interpreter", async () => {
    const chosen = await chooseInterpreter(
      inputs({ pythonExtension: () => Promise.resolve("/envs/a/bin/python") }),
    );
    expect(chosen.command).toBe("/envs/a/bin/python");
    expect(chosen.source).toBe("python-extension");
  });

  it("then python3 on PATH, python on Windows, saying why", async () => {
    const linux = await chooseInterpreter(inputs({}));
    expect(linux.command).toBe("python3");
    expect(linux.source).toBe("path");
    expect(linux.reason).toMatch(/sidepane.pythonPath is empty/);
    expect((await chooseInterpreter(inputs({ platform: "win32" }))).command).toBe("python");
  });

  it("falls back when the Python extension fails, and says so", async () => {
    const chosen = await chooseInterpreter(
      inputs({ pythonExtension: () => Promise.reject(new Error("boom")) }),
    );
    expect(chosen.command).toBe("python3");
    expect(chosen.reason).toMatch(/Python extension failed: Error: boom/);
  });
});

describe("expandPath", () => {
  it.each([
    ["~/venv/bin/python", "/home/me/venv/bin/python"],
    [".venv/bin/python", "/work/proj/.venv/bin/python"],
    ["python3.12", "python3.12"],
    ["/usr/bin/python3", "/usr/bin/python3"],
  ])("%s → %s", (value, expected) => {
    expect(expandPath(value, "/work/proj", "/home/me")).toBe(expected);
  });
});

describe("pythonExtensionInterpreter", () => {
  afterEach(() => {
    stub.extensions = {};
  });

  it("is undefined without the Python extension", async () => {
    expect(await pythonExtensionInterpreter(undefined)).toBeUndefined();
  });

  it("asks the extension's environments API for the executable", async () => {
    let activated = false;
    const api = {
      environments: {
        getActiveEnvironmentPath: () => ({ id: "a", path: "/envs/a" }),
        resolveEnvironment: () =>
          Promise.resolve({ executable: { uri: Uri.file("/envs/a/bin/python") } }),
      },
    };
    stub.extensions["ms-python.python"] = {
      isActive: false,
      exports: undefined,
      activate: () => {
        activated = true;
        return Promise.resolve(api);
      },
    };
    expect(await pythonExtensionInterpreter(undefined)).toBe("/envs/a/bin/python");
    expect(activated).toBe(true);
  });

  it("uses the environment path when the executable is unknown", async () => {
    stub.extensions["ms-python.python"] = {
      isActive: true,
      exports: {
        environments: {
          getActiveEnvironmentPath: () => ({ id: "b", path: "/usr/bin/python3" }),
          resolveEnvironment: () => Promise.resolve(undefined),
        },
      },
    };
    expect(await pythonExtensionInterpreter(undefined)).toBe("/usr/bin/python3");
  });
});
