// Where a widget change's time goes, hop by hop (bench/vscode_bench.py -v): with
// SIDEPANE_TRACE_HOPS=<file> in the extension host's environment, each hop appends
// "<name> <wall-clock ms>" to that file; the language server writes its own hops there too.
// Without it, `hop` does nothing.

import { appendFileSync } from "node:fs";

const file = process.env.SIDEPANE_TRACE_HOPS;

/** Notes that a message passed hop `name` now. */
export const hop: (name: string) => void = file
  ? (name) =>
      appendFileSync(file, `${name} ${(performance.timeOrigin + performance.now()).toFixed(3)}\n`)
  : () => undefined;
