// Debugging's small parts in modules shared with the rest of the extension: the status bar's
// "paused at", the "Debug" code lens, and the server's sidepane/startDebug request.
import { describe, expect, it } from "vitest";
import type * as vscode from "vscode";
import { PreviewCodeLens } from "../../extension/src/codeLens";
import { SidepaneServer } from "../../extension/src/server";
import { readSettings } from "../../extension/src/settings";
import { describeStatus } from "../../extension/src/statusBar";
import { FakeClient, recordingLog } from "./fakes";

const python = { command: "/v/bin/python", source: "setting" as const, reason: "set" };

describe("the status bar while a debugger holds a run", () => {
  it("says where the run is paused", () => {
    const view = describeStatus(
      { kind: "running", interpreter: python },
      {
        session: "s",
        script: "/w/app.py",
        state: "paused",
        run: 2,
        file: "/w/helpers.py",
        line: 7,
      },
      python,
    );
    expect(view.text).toBe("$(debug-pause) Sidepane: paused at helpers.py:7");
    expect(view.tooltip).toContain("app.py: run 2 is held by the debugger at helpers.py:7");
  });
});

describe("the Debug code lens", () => {
  it('sits beside "▶ Preview" and debugs the file', () => {
    const doc = {
      getText: () => "import sidepane as st\n",
      uri: { fsPath: "/w/app.py" },
    } as unknown as vscode.TextDocument;
    const lenses = new PreviewCodeLens("sidepane.preview", "sidepane.debug").provideCodeLenses(doc);
    expect(lenses.map((l) => l.command?.title)).toEqual(["▶ Preview", "Debug"]);
    expect(lenses[1]!.command).toMatchObject({
      command: "sidepane.debug",
      arguments: [{ fsPath: "/w/app.py" }],
    });
    expect(lenses[1]!.range.start.line).toBe(0);
  });
});

describe("SidepaneServer.startDebug", () => {
  it("asks the running server for sidepane/startDebug; refuses while it is not running", async () => {
    const clients: FakeClient[] = [];
    const server = new SidepaneServer({
      log: recordingLog(),
      version: "0.1.0",
      settings: () => readSettings(() => undefined),
      cwd: () => "/w",
      interpreter: () => Promise.resolve(python),
      check: () => Promise.resolve({ kind: "ok", executable: "/v/bin/python", version: "0.1.0" }),
      createClient: (options) => {
        const client = new FakeClient(options);
        clients.push(client);
        return client;
      },
      listener: {
        frames: () => undefined,
        status: () => undefined,
        runOnSaveChanged: () => undefined,
        state: () => undefined,
      },
    });
    await expect(server.startDebug()).rejects.toThrow("not running");
    await server.start();
    await server.startDebug();
    expect(clients[0]!.requests).toEqual([{ method: "sidepane/startDebug", params: {} }]);
    await server.dispose();
  });
});
