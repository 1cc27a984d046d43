import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type * as vscode from "vscode";
import type { ActiveFile, ConfigDeps } from "../../extension/src/debugConfig";
import {
  SidepaneDebugConfigurations,
  checkProgram,
  debugAppConfig,
  dynamicConfigurations,
} from "../../extension/src/debugConfig";
import { readSettings } from "../../extension/src/settings";
import { tempDir } from "./tempDirs";

let dir: string;
let app: string;

beforeAll(() => {
  dir = tempDir("sidepane-debug-");
  app = join(dir, "app.py");
  writeFileSync(app, "import sidepane as st\n");
  writeFileSync(join(dir, "notes.md"), "# notes\n");
});

function setup(active: ActiveFile | undefined, scriptArgs: string[] = ["--from-settings"]) {
  const errors: string[] = [];
  const deps: ConfigDeps = {
    activeFile: () => active,
    settings: () => readSettings((key) => (key === "scriptArgs" ? scriptArgs : undefined)),
    showError: (message) => errors.push(message),
  };
  return { provider: new SidepaneDebugConfigurations(deps), errors, deps };
}

const folder = (path: string) => ({ uri: { fsPath: path } }) as unknown as vscode.WorkspaceFolder;

describe("Sidepane: Debug App's configuration", () => {
  it("launches the file with the settings' script args, stopping in the app's code only", () => {
    expect(debugAppConfig("/w/app.py", ["a"])).toEqual({
      type: "sidepane",
      request: "launch",
      name: "Sidepane: app.py",
      program: "/w/app.py",
      args: ["a"],
      justMyCode: true,
    });
  });
});

describe("SidepaneDebugConfigurations.resolveDebugConfiguration", () => {
  it("turns F5 with no launch.json (an empty configuration) into Debug App for the active file", () => {
    const { provider, errors } = setup({ path: app, python: true });
    const config = provider.resolveDebugConfiguration(undefined, {
      type: "",
      request: "",
      name: "",
    });
    expect(config).toEqual(debugAppConfig(app, ["--from-settings"]));
    expect(errors).toEqual([]);
  });

  it("fills a launch.json configuration without a program from the active Python file", () => {
    const { provider } = setup({ path: app, python: true });
    const config = provider.resolveDebugConfiguration(undefined, {
      type: "sidepane",
      request: "launch",
      name: "Mine",
    });
    expect(config).toMatchObject({
      type: "sidepane",
      request: "launch",
      name: "Mine",
      program: app,
      args: ["--from-settings"],
      justMyCode: true,
    });
  });

  it("keeps what launch.json says (attach, args, justMyCode, its own options)", () => {
    const { provider } = setup(undefined);
    const config = provider.resolveDebugConfiguration(undefined, {
      type: "sidepane",
      request: "attach",
      name: "Attach",
      program: "${file}",
      args: ["--x"],
      justMyCode: false,
      showReturnValue: true,
    });
    expect(config).toMatchObject({
      request: "attach",
      program: "${file}",
      args: ["--x"],
      justMyCode: false,
      showReturnValue: true,
    });
  });

  it("says clearly that a file that is not Python cannot be debugged, and starts nothing", () => {
    const { provider, errors } = setup({ path: join(dir, "notes.md"), python: false });
    const config = provider.resolveDebugConfiguration(undefined, {
      type: "",
      request: "",
      name: "",
    });
    expect(config).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("notes.md is not a Python file");
    expect(errors[0]).toContain("Open the app's .py file");
  });

  it("asks for a save first when the file was never saved", () => {
    const { provider, errors } = setup({ path: "Untitled-1", python: true, untitled: true });
    expect(
      provider.resolveDebugConfiguration(undefined, { type: "", request: "", name: "" }),
    ).toBeUndefined();
    expect(errors).toEqual(["Save the file first: Sidepane debugs a .py file on disk."]);
  });

  it("says so when no file is open", () => {
    const { provider, errors } = setup(undefined);
    expect(
      provider.resolveDebugConfiguration(undefined, {
        type: "sidepane",
        request: "launch",
        name: "x",
      }),
    ).toBeUndefined();
    expect(errors[0]).toMatch(/needs a Python app to debug/);
  });
});

describe("SidepaneDebugConfigurations.resolveDebugConfigurationWithSubstitutedVariables", () => {
  it("makes the program absolute (from the folder) and keeps the server's other threads running", () => {
    const { provider, errors } = setup(undefined);
    const config = provider.resolveDebugConfigurationWithSubstitutedVariables(folder(dir), {
      type: "sidepane",
      request: "launch",
      name: "x",
      program: "app.py",
      stopAllThreadsOnSuspend: true,
    });
    expect(config).toMatchObject({ program: app, stopAllThreadsOnSuspend: false });
    expect(errors).toEqual([]);
  });

  it.each([
    ["notes.md", "notes.md is not one"],
    ["missing.py", "no such file"],
  ])("refuses %s with a message", (program, message) => {
    const { provider, errors } = setup(undefined);
    const config = provider.resolveDebugConfigurationWithSubstitutedVariables(folder(dir), {
      type: "sidepane",
      request: "launch",
      name: "x",
      program,
    });
    expect(config).toBeUndefined();
    expect(errors[0]).toContain(message);
  });
});

describe("configurations offered", () => {
  it("gives a new launch.json a Debug App configuration on ${file}", () => {
    const { provider } = setup(undefined);
    expect(provider.provideDebugConfigurations()).toEqual([
      {
        type: "sidepane",
        request: "launch",
        name: "Sidepane: Debug App",
        program: "${file}",
        justMyCode: true,
      },
    ]);
  });

  it("lists Debug App for the active Python file in the Run view, nothing otherwise", () => {
    const { deps } = setup({ path: app, python: true }, []);
    const offered = dynamicConfigurations(deps).provideDebugConfigurations?.(undefined);
    expect(offered).toEqual([debugAppConfig(app, [])]);
    const none = setup({ path: join(dir, "notes.md"), python: false }).deps;
    expect(dynamicConfigurations(none).provideDebugConfigurations?.(undefined)).toEqual([]);
  });
});

describe("checkProgram", () => {
  it("accepts an existing .py file", () => {
    expect(checkProgram(app, undefined)).toEqual({ ok: true, program: app });
  });

  it("rejects an empty program", () => {
    expect(checkProgram("  ", dir).ok).toBe(false);
  });
});
