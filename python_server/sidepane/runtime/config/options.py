"""Every option Streamlit 1.67 knows, with its type and default, so that a `config.toml`, an
environment variable or a flag written for Streamlit is read here the same way.

Options Sidepane has no use for (telemetry, CORS, SSL…) are listed all the same: setting them is
not an error, only an option neither knows is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final


@dataclass(frozen=True)
class Option:
    """One option: `section.name` key, value type, default; `scriptable` ones `st.set_option`
    may change while the app runs; `multiple` ones hold a list."""

    key: str
    type: type
    default: Any
    scriptable: bool = False
    multiple: bool = False

    @property
    def env_var(self) -> str:
        """Streamlit's environment variable for it: `theme.primaryColor` →
        `STREAMLIT_THEME_PRIMARY_COLOR`."""
        name = self.key.replace(".", "_")
        name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
        name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
        return "STREAMLIT_" + name.upper()


_GENERAL: Final[list[Option]] = [
    Option("global.disableWidgetStateDuplicationWarning", bool, False),
    Option("global.showWarningOnDirectExecution", bool, True),
    Option("global.developmentMode", bool, False),
    Option("global.e2eTest", bool, False),
    Option("global.unitTest", bool, False),
    Option("global.appTest", bool, False),
    Option("global.suppressDeprecationWarnings", bool, False),
    Option("global.minCachedMessageSize", float, 10000.0),
    Option("global.maxCachedMessageAge", int, 2),
    Option("logger.level", str, "info"),
    Option("logger.messageFormat", str, "%(asctime)s %(message)s"),
    Option("logger.enableRich", bool, False, scriptable=True),
    Option("logger.hideWelcomeMessage", bool, False),
    Option("client.showErrorDetails", str, "full", scriptable=True),
    Option("client.toolbarMode", str, "auto", scriptable=True),
    Option("client.disableDataExport", bool, False, scriptable=True),
    Option("client.showSidebarNavigation", bool, True, scriptable=True),
    Option("client.showErrorLinks", str, "auto"),
    Option("client.allowedOrigins", str, [], multiple=True),
    Option("runner.magicEnabled", bool, True),
    Option("runner.postScriptGC", bool, True),
    Option("runner.fastReruns", bool, True),
    Option("runner.enforceSerializableSessionState", bool, False),
    Option("runner.enumCoercion", str, "nameOnly"),
    Option("runner.parallelMaxWorkers", int, None),
    Option("runner.cacheBackgroundRefreshMaxWorkers", int, 4),
    Option("runner.cacheBackgroundRefreshTTLMultiplier", float, 2.0),
    Option("runner.connectionDefaultTTL", float, None),
    Option("runner.cacheHashSeed", int, 0),
    Option("server.folderWatchList", str, [], multiple=True),
    Option("server.folderWatchBlacklist", str, [], multiple=True),
    Option("server.fileWatcherType", str, "auto"),
    Option("server.enableExpensiveMemoryStats", bool, False),
    Option("server.maxCacheDataSize", str, None),
    Option("server.cookieSecret", str, None),
    Option("server.headless", bool, None),  # None: decided by launch.py (no display → headless)
    Option("server.showEmailPrompt", bool, True),
    Option("server.runOnSave", bool, False),
    Option("server.allowRunOnSave", bool, True),
    Option("server.address", str, None),
    Option("server.port", int, 8501),
    Option("server.scriptHealthCheckEnabled", bool, False),
    Option("server.baseUrlPath", str, ""),
    Option("server.customComponentBaseUrlPath", str, ""),
    Option("server.enableCORS", bool, True),
    Option("server.corsAllowedOrigins", str, [], multiple=True),
    Option("server.allowedHosts", str, [], multiple=True),
    Option("server.enableXsrfProtection", bool, True),
    Option("server.xsrfCookieSameSite", str, "lax"),
    Option("server.maxUploadSize", int, 200),
    Option("server.maxMessageSize", int, 200),
    Option("server.maxWidgetStateSize", int, 25),
    Option("server.enableWebsocketCompression", bool, False),
    Option("server.websocketPingInterval", int, None),
    Option("server.enableStaticServing", bool, False),
    Option("server.disconnectedSessionTTL", int, 120),
    Option("server.enableAgentApi", bool, False),
    Option("server.agentWaitTimeout", int, 30),
    Option("server.agentSessionTTL", int, 900),
    Option("server.agentMaxSessions", int, 100),
    Option("server.agentPreviewRows", int, 100),
    Option("server.trustedUserHeaders", str, {}),
    Option("server.unsafeMetricsUserAttributes", str, [], multiple=True),
    Option("server.sslCertFile", str, None),
    Option("server.sslKeyFile", str, None),
    Option("browser.serverAddress", str, "localhost"),
    Option("browser.gatherUsageStats", bool, True),
    Option("browser.serverPort", int, None),  # None: the port served on
    Option("ui.hideTopBar", bool, False),
    Option("magic.displayRootDocString", bool, False),
    Option("magic.displayLastExprIfNoSemicolon", bool, False),
    Option("secrets.files", str, [], multiple=True),
]

# Theme options: each also exists for the sidebar, the light and dark variants and their
# sidebars (`theme.sidebar.primaryColor`, `theme.dark.sidebar.primaryColor`…) unless marked.
_THEME: Final[list[tuple[str, type, bool]]] = [
    ("base", str, False),
    *(
        (name, str, True)
        for name in (
            "primaryColor",
            "backgroundColor",
            "secondaryBackgroundColor",
            "textColor",
            *(f"{c}Color" for c in ("red", "orange", "yellow", "blue", "green", "violet", "gray")),
            *(
                f"{c}BackgroundColor"
                for c in ("red", "orange", "yellow", "blue", "green", "violet", "gray")
            ),
            *(
                f"{c}TextColor"
                for c in ("red", "orange", "yellow", "blue", "green", "violet", "gray")
            ),
            "linkColor",
        )
    ),
    ("linkUnderline", bool, True),
    ("codeTextColor", str, True),
    ("codeBackgroundColor", str, True),
    ("font", str, True),
    ("fontFaces", str, False),
    ("baseFontSize", int, False),
    ("baseFontWeight", int, False),
    ("metricValueFontSize", str, False),
    ("metricValueFontWeight", int, False),
    ("headingFont", str, True),
    ("headingFontSizes", str, True),
    ("headingFontWeights", str, True),
    ("codeFont", str, True),
    ("codeFontSize", str, True),
    ("codeFontWeight", int, True),
    ("baseRadius", str, True),
    ("buttonRadius", str, True),
    ("paddingTop", str, True),
    ("paddingBottom", str, True),
    ("borderColor", str, True),
    ("dataframeBorderColor", str, True),
    ("dataframeHeaderBackgroundColor", str, True),
    ("dataframeHeaderTextColor", str, True),
    ("showWidgetBorder", bool, True),
    ("showSidebarBorder", bool, False),
    ("chartCategoricalColors", str, True),
    ("chartSequentialColors", str, True),
    ("chartDivergingColors", str, True),
]

THEME_VARIANTS: Final = ("", "sidebar.", "light.", "dark.", "light.sidebar.", "dark.sidebar.")


def _theme_options() -> list[Option]:
    out = [Option(f"theme.{name}", type_, None) for name, type_, _ in _THEME]
    for variant in THEME_VARIANTS[1:]:
        out.extend(
            Option(f"theme.{variant}{name}", type_, None)
            for name, type_, varies in _THEME
            if varies
        )
    return out


OPTIONS: Final[dict[str, Option]] = {o.key: o for o in (*_GENERAL, *_theme_options())}
