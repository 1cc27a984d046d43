"""`streamlit.web.cli`, imported by apps that launch themselves when run bare:

```python
from streamlit import runtime
from streamlit.web import cli as stcli

if __name__ == "__main__":
    if runtime.exists():
        main()
    else:
        sys.argv = ["streamlit", "run", sys.argv[0]]
        sys.exit(stcli.main())
```

Under Sidepane `runtime.exists()` is true, so the import is all such an app needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from sidepane.compat import missing_names
from sidepane.errors import StreamlitAPIException


def main(*_args: object, **_kwargs: object) -> NoReturn:
    """Streamlit's command line would start a second server from inside this app's run."""
    raise StreamlitAPIException(
        "`streamlit.web.cli.main()` starts Streamlit's server, and this app already runs under "
        "Sidepane. Guard the call with `if not streamlit.runtime.exists():`, as Streamlit's own "
        "examples do, or run the app with `sidepane run app.py`."
    )


if not TYPE_CHECKING:
    __getattr__ = missing_names("streamlit.web.cli")

__all__ = ["main"]
