"""Every exception Sidepane raises on purpose, in one place.

The names follow Streamlit's (`StreamlitAPIException`, `DuplicateWidgetID`, …) so code that catches
Streamlit's errors keeps working; each is also importable under a Sidepane name.
"""

from __future__ import annotations

from collections.abc import Collection


class Error(Exception):
    """The base of every exception Sidepane raises on purpose (Streamlit's `errors.Error`)."""


class MarkdownFormattedException(Error):
    """An exception whose message is Markdown.

    `st.exception` and a failed run show its message formatted rather than as plain text.
    """


class SidepaneAPIException(MarkdownFormattedException):
    """A script called an `st.` function in a way it does not allow.

    Shown in the app like any other exception, with the user's frames only.
    """


StreamlitAPIException = SidepaneAPIException


class StreamlitAPIWarning(SidepaneAPIException, Warning):
    """A warning about how a script uses the API, shown with `st.exception` rather than raised."""


class DuplicateWidgetID(SidepaneAPIException):
    """Two widgets in one run got the same id (same type, label and parameters, no distinct key)."""


StreamlitDuplicateElementId = DuplicateWidgetID


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    """Two widgets in one run were given the same `key` (Streamlit's name, which the app shows)."""


DuplicateWidgetKey = StreamlitDuplicateElementKey


class StreamlitInvalidLayoutContextError(SidepaneAPIException):
    """A command was used where the layout does not allow it (a fragment writing outside itself
    without a reserved place, a dialog in a dialog)."""


class StreamlitBadTimeStringError(SidepaneAPIException):
    """A duration string (`run_every="2s"`) that cannot be parsed."""

    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, "
            f"for example. Got: {time_string}"
        )


class WidgetAlreadyInstantiatedError(SidepaneAPIException):
    """The script set a widget's key in session_state after drawing that widget in this run."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"`st.session_state['{key}']` cannot be modified after the widget with that key is "
            f"instantiated. Assign `st.session_state['{key}']` before creating the widget, or "
            "update it from an `on_change` or `on_click` callback, which runs before the widget "
            "is instantiated. If this is a read-only session state key (buttons, file and media "
            "inputs, `st.data_editor`, forms, chart or `ButtonColumn` selections), store the "
            "value under a different session state key."
        )


StreamlitWidgetAlreadyInstantiatedError = WidgetAlreadyInstantiatedError


class StreamlitSecretNotFoundError(SidepaneAPIException, FileNotFoundError, KeyError):
    """`st.secrets` found no secrets file, or could not parse one (`file` is then its path).

    A FileNotFoundError and a StreamlitAPIException as in Streamlit, and also a KeyError, so
    `except KeyError` (and `st.secrets.get(key, default)`) treats "no secrets at all" as a
    missing key.
    """

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StreamlitAuthError(SidepaneAPIException):
    """Sign-in (`st.login`, `[auth]` in the secrets) is misconfigured or failed."""


class StreamlitMissingAuthlibError(StreamlitAuthError):
    """Sign-in was used without Authlib>=1.3.2 installed (optional, as in Streamlit)."""

    def __init__(self) -> None:
        super().__init__(
            'Authentication requires Authlib>=1.3.2. Install it via `pip install "Authlib>=1.3.2"`.'
        )


class NoSessionContext(SidepaneAPIException):
    """An API that needs a running app session was used outside one."""


class InvalidWidgetValue(ValueError):
    """A value sent by a viewer does not fit the widget's definition (type, range, options)."""


class ProtocolError(ValueError):
    """A message from a viewer could not be decoded or is not a valid message."""


class StreamlitMissingRequiredParameterError(SidepaneAPIException):
    """A required parameter was missing (`parameter` names it), e.g. a SQL connection's `host`."""

    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = f"The `{parameter}` parameter is required."
        super().__init__(f"{message} {detail}" if detail else message)
        self.parameter = parameter


class UnserializableSessionStateError(SidepaneAPIException):
    """A `st.session_state` value cannot be pickled while `runner.enforceSerializableSessionState`
    is on."""


class StreamlitValueError(SidepaneAPIException):
    """A parameter got a value outside the ones it accepts (`valid_values`)."""

    def __init__(
        self, parameter: str, valid_values: Collection[str], *, detail: str | None = None
    ) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)
        self.parameter = parameter
