// loaders.gl's CSV loader, registered as Streamlit 1.67 registers it, for a pydeck layer whose
// `data` is a CSV file's URL. Not a chunk but a bundle of its own (`deck-csv.js`, webview/build.mjs),
// loaded by address by deckCatalog.ts: its own copy of loaders.gl's core registers the loader in the
// registry every copy shares (on `globalThis`), and Apache Arrow, which the loader needs, stays out
// of deck.gl's chunk.

import { registerLoaders } from "@loaders.gl/core";
import { CSVLoader } from "@loaders.gl/csv";

registerLoaders([CSVLoader]);
