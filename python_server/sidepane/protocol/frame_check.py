"""`SIDEPANE_CHECK_FRAMES=1`: a server process checks every frame it sends or decodes against
the schema and logs each one that breaks it.

The Python tests check the frames of the runtimes they run in their own process (the autouse
fixture in tests/python/conftest.py); servers they start as subprocesses (`sidepane run` for the
browser tests, the language server) get this variable, and the tests fail when the log says
`BROKEN`. Off, it costs one environment lookup at start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

ENV = "SIDEPANE_CHECK_FRAMES"
BROKEN = "a frame breaks the schema"

log = logging.getLogger("sidepane.protocol")


def install_from_env() -> None:
    """Check every frame from now on if the environment asks for it."""
    if os.environ.get(ENV) != "1":
        return
    from sidepane.protocol import frames
    from sidepane.protocol.schema.validate import validate_frame

    def observe(frame: Mapping[str, Any], decoded: bool) -> None:
        try:
            problems = validate_frame(frame)
        except Exception as exc:  # a validator bug must show, not break the runtime's thread
            problems = [f"the validator failed: {exc!r}"]
        if problems:
            log.error("%s (%r): %s", BROKEN, frame.get("t"), "; ".join(problems))

    frames.observe(observe)
