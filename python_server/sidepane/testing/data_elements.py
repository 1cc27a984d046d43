"""AppTest wrappers. TODO(helper): fill in."""

from __future__ import annotations
