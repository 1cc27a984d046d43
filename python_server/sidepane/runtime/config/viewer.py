"""The options the viewer applies itself, as the `app_config` frame carries them."""

from __future__ import annotations

from typing import Any

from sidepane.runtime.config.store import Config


def viewer_options(config: Config) -> dict[str, Any]:
    """`app_config`'s fields: the `[theme]` options set (a `fontFaces` list included) and
    `client.showSidebarNavigation`."""
    return {
        "theme": config.section("theme."),
        "show_sidebar_navigation": bool(config.get("client.showSidebarNavigation")),
    }
