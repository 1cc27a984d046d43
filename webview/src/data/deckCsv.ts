// loaders.gl's CSV loader, registered as Streamlit 1.67 registers it, for a pydeck layer whose
// `data` is a CSV file's URL (deckCatalog.ts): a chunk of its own, since it brings Apache Arrow.

import { registerLoaders } from "@loaders.gl/core";
import { CSVLoader } from "@loaders.gl/csv";

registerLoaders([CSVLoader]);

export const registered = true;
