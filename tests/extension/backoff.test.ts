import { describe, expect, it } from "vitest";
import { Backoff, FIRST_DELAY_MS, MAX_DELAY_MS, STABLE_MS } from "../../extension/src/backoff";

describe("Backoff", () => {
  it("doubles from 0.5 s up to the cap", () => {
    const backoff = new Backoff(() => 0);
    const delays = Array.from({ length: 7 }, () => backoff.next());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, MAX_DELAY_MS, MAX_DELAY_MS]);
  });

  it("starts again after a process stayed up a minute", () => {
    let now = 0;
    const backoff = new Backoff(() => now);
    backoff.next();
    backoff.next();
    backoff.started();
    now += STABLE_MS - 1;
    expect(backoff.next()).toBe(2000); // a crash loop keeps growing
    backoff.started();
    now += STABLE_MS;
    expect(backoff.next()).toBe(FIRST_DELAY_MS);
  });

  it("reset() forgets the sequence", () => {
    const backoff = new Backoff(() => 0);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(FIRST_DELAY_MS);
  });
});
