import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDir } from "./tempDirs";

describe("hop", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("appends the hop and the wall-clock ms when SIDEPANE_TRACE_HOPS names a file", async () => {
    const file = join(tempDir("hops-"), "hops.txt");
    vi.stubEnv("SIDEPANE_TRACE_HOPS", file);
    const { hop } = await import("../../extension/src/hopTrace");
    const before = Date.now();
    hop("ext.in");
    hop("ext.out");
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(" "));
    expect(lines.map(([name]) => name)).toEqual(["ext.in", "ext.out"]);
    for (const [, ms] of lines) expect(Math.abs(Number(ms) - before)).toBeLessThan(1000);
  });

  it("does nothing otherwise", async () => {
    vi.stubEnv("SIDEPANE_TRACE_HOPS", "");
    const { hop } = await import("../../extension/src/hopTrace");
    expect(() => hop("ext.in")).not.toThrow();
  });
});
