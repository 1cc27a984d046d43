"""Element and block props, one module per family (mirroring `sidepane/elements/`)."""
