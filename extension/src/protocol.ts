// The custom LSP methods between this extension and `python -m sidepane lsp` (docs/protocol.md,
// "VS Code"): names and params are generated from the Python schema (lsp.generated.ts).

import type { OpenSessionParams, StatusParams } from "./lsp.generated";

export * from "./lsp.generated";

export type RunOnSave = NonNullable<OpenSessionParams["runOnSave"]>;

export type RunState = StatusParams["state"];
