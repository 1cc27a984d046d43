import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  browserAddress,
  browserRunArgs,
  freePort,
  waitForApp,
} from "../../extension/src/browserRun";

const PYTHON = resolve(__dirname, "../../.venv/bin/python");

describe("running a panel's script for the browser", () => {
  it("serves it headless on the given port, with the script's args after --", () => {
    expect(browserRunArgs("/w/app.py", 8601, [])).toEqual([
      "-m",
      "sidepane",
      "run",
      "/w/app.py",
      "--headless",
      "--port",
      "8601",
    ]);
    expect(browserRunArgs("/w/app.py", 8601, ["--n", "3"]).slice(-3)).toEqual(["--", "--n", "3"]);
    expect(
      browserRunArgs("/w/app.py", 8601, [], {
        base: "/absproxy/8601",
        origin: "http://127.0.0.1:9000",
      }).slice(4),
    ).toEqual([
      "--headless",
      "--port",
      "8601",
      "--server.baseUrlPath",
      "absproxy/8601",
      "--server.corsAllowedOrigins",
      "http://127.0.0.1:9000",
    ]);
  });

  it("serves it where the browser reaches the port", () => {
    // Desktop VS Code: the app's own address.
    expect(browserAddress("http://127.0.0.1:8601/", 8601)).toEqual({
      url: "http://127.0.0.1:8601/",
      base: "",
    });
    // A forwarded port: the root, another origin (trusted for the WebSocket).
    expect(browserAddress("https://box-8601.app.github.dev/", 8601)).toEqual({
      url: "https://box-8601.app.github.dev/",
      base: "",
      origin: "https://box-8601.app.github.dev",
    });
    // code-server's /proxy/<port>/ drops its prefix: its /absproxy/<port>/ keeps it.
    expect(browserAddress("http://127.0.0.1:9000/proxy/8601/", 8601)).toEqual({
      url: "http://127.0.0.1:9000/absproxy/8601/",
      base: "/absproxy/8601",
      origin: "http://127.0.0.1:9000",
    });
    expect(browserAddress("https://h.example/ide/proxy/8601/", 8601).base).toBe(
      "/ide/absproxy/8601",
    );
  });

  it("waits for /healthz, and gives up when nothing answers or the run ended", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${port}`;
    expect(await waitForApp(base, 300, () => false, 50)).toBe(false);
    let asked = 0;
    expect(await waitForApp(base, 5000, () => ++asked > 2, 50)).toBe(false);
    expect(asked).toBe(3);
    const server = createServer((req, res) => {
      res.statusCode = req.url === "/healthz" ? 200 : 404;
      res.end("ok");
    });
    setTimeout(() => server.listen(port, "127.0.0.1"), 200);
    try {
      expect(await waitForApp(base, 5000, () => false, 50)).toBe(true);
    } finally {
      server.close();
    }
  });

  it("starts a real `sidepane run` that answers on that port, under the base", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sidepane-browser-run-"));
    const script = join(dir, "app.py");
    writeFileSync(script, 'import streamlit as st\nst.camera_input("Smile")\n');
    const port = await freePort();
    const base = `/absproxy/${port}`;
    const proc = spawn(PYTHON, browserRunArgs(script, port, [], { base }), { stdio: "ignore" });
    try {
      expect(await waitForApp(`http://127.0.0.1:${port}`, 30_000)).toBe(true);
      // Under the proxy's prefix, the page names its files there too.
      const page = await (await fetch(`http://127.0.0.1:${port}${base}/`)).text();
      expect(page).toContain(`src="${base}/static/sidepane.js"`);
    } finally {
      proc.kill();
      await new Promise((r) => proc.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
