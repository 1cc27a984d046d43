// Carto's layers and colour functions for pydeck charts (deckCatalog.ts): a chunk of its own,
// loaded only for a spec that names one, since @deck.gl/carto brings Carto's API client along.
// Carto's layers fetch their TileJSON and tiles from Carto's API, online only
// (docs/protocol.md, "deck.gl charts").

import { CARTO_LAYERS, colorBins, colorCategories, colorContinuous } from "@deck.gl/carto";

export const EXTRA_CLASSES = { ...CARTO_LAYERS };

export const EXTRA_FUNCTIONS = { colorBins, colorCategories, colorContinuous };
