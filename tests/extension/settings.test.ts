import { afterEach, describe, expect, it } from "vitest";
import {
  CONFIGURE_KEYS,
  RESTART_KEYS,
  changedKeys,
  configureParams,
  getSettings,
  persistRunOnSaveAlways,
  readSettings,
} from "../../extension/src/settings";
import { ConfigurationTarget, Uri, stub } from "./vscode_stub";

afterEach(() => {
  stub.config = {};
  stub.updates = [];
  stub.folders = [];
});

describe("readSettings", () => {
  it("has the documented defaults", () => {
    expect(readSettings(() => undefined)).toEqual({
      pythonPath: "",
      runOnSave: "always",
      scriptArgs: [],
      serverArgs: [],
      entryFile: "",
    });
  });

  it("keeps valid values and drops wrong ones", () => {
    const values: Record<string, unknown> = {
      pythonPath: "  /venv/bin/python ",
      runOnSave: "ask",
      scriptArgs: ["--x", 1, "y"],
      serverArgs: "not a list",
      entryFile: " src/app.py ",
    };
    expect(readSettings((key) => values[key])).toEqual({
      pythonPath: "/venv/bin/python",
      runOnSave: "ask",
      scriptArgs: ["--x", "y"],
      serverArgs: [],
      entryFile: "src/app.py",
    });
    expect(readSettings((key) => (key === "entryFile" ? 3 : undefined)).entryFile).toBe("");
    expect(readSettings(() => "sometimes").runOnSave).toBe("always");
  });

  it("reads the sidepane section", () => {
    stub.config["sidepane.runOnSave"] = "never";
    stub.config["sidepane.scriptArgs"] = ["a"];
    expect(getSettings()).toMatchObject({ runOnSave: "never", scriptArgs: ["a"] });
    expect(configureParams(getSettings())).toEqual({ runOnSave: "never", args: ["a"] });
  });
});

describe("changedKeys", () => {
  const event = (...changed: string[]) => ({
    affectsConfiguration: (section: string) => changed.includes(section),
  });

  it("restarts for the interpreter and server arguments only", () => {
    expect(changedKeys(event("sidepane.pythonPath"), RESTART_KEYS)).toBe(true);
    expect(changedKeys(event("sidepane.serverArgs"), RESTART_KEYS)).toBe(true);
    expect(changedKeys(event("sidepane.runOnSave"), RESTART_KEYS)).toBe(false);
    expect(changedKeys(event("sidepane.scriptArgs"), CONFIGURE_KEYS)).toBe(true);
    expect(changedKeys(event("python.defaultInterpreterPath"), CONFIGURE_KEYS)).toBe(false);
  });
});

describe("persistRunOnSaveAlways", () => {
  it("writes the workspace setting when a folder is open", async () => {
    stub.folders = [{ uri: Uri.file("/w") }];
    await persistRunOnSaveAlways();
    expect(stub.updates).toEqual([
      { key: "sidepane.runOnSave", value: "always", target: ConfigurationTarget.Workspace },
    ]);
  });

  it("writes the user setting without a folder", async () => {
    await persistRunOnSaveAlways();
    expect(stub.updates[0]?.target).toBe(ConfigurationTarget.Global);
  });
});
