// `hello` tells the runtime the browser's time zone (st.context.timezone): from Temporal when the
// browser has it (a first Intl.DateTimeFormat costs 15–20 ms on the way to the first paint),
// else from Intl.

import { afterEach, describe, expect, it, vi } from "vitest";
import { helloFields } from "../../webview/src/core/theme";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("helloFields' time zone", () => {
  it("comes from Temporal when the browser has it", () => {
    vi.stubGlobal("Temporal", { Now: { timeZoneId: () => "Pacific/Auckland" } });
    expect(helloFields().timezone).toBe("Pacific/Auckland");
  });

  it("comes from Intl without Temporal", () => {
    vi.stubGlobal("Temporal", undefined);
    expect(helloFields().timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it("comes from Intl when Temporal fails", () => {
    vi.stubGlobal("Temporal", {
      Now: {
        timeZoneId: () => {
          throw new RangeError("no time zone");
        },
      },
    });
    expect(helloFields().timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
