"""`st.logo`: an image (or icon, or emoji) at the top of the sidebar and of the app."""

from __future__ import annotations

from typing import Any, Literal

from sidepane.elements.status import is_emoji, validate_material_icon
from sidepane.errors import SidepaneAPIException, StreamlitValueError
from sidepane.protocol.schema.frames import LogoImage
from sidepane.runtime.context import get_run_context


def _invalid(field: str) -> str:
    return (
        f"The {field} passed to st.logo is invalid - See "
        "[documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
        "for more information on valid types"
    )


def _logo_image(image: Any, field: str) -> tuple[LogoImage, list[tuple[str, bytes]]]:
    """The image as the `logo` frame carries it, and the media payloads it needs; anything
    wrong with it is Streamlit's one message naming the argument."""
    try:
        return _read_logo_image(image)
    except Exception as exc:
        raise SidepaneAPIException(_invalid(field)) from exc


def _read_logo_image(image: Any) -> tuple[LogoImage, list[tuple[str, bytes]]]:
    from sidepane.elements.media import image_entry

    if isinstance(image, str) and image.startswith(":material"):
        return {"kind": "icon", "value": validate_material_icon(image)}, []
    if isinstance(image, str) and is_emoji(image):
        return {"kind": "emoji", "value": image}, []
    item, payloads = image_entry(image, None, "content", False, "RGB", "auto")
    if "url" in item:
        return {"kind": "image", "value": item["url"]}, []
    return {"kind": "image", "value": item["hash"], "mimetype": item["mimetype"]}, payloads


def logo(
    image: Any,
    *,
    size: Literal["small", "medium", "large"] = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Renders a logo in the upper-left corner of your app and its sidebar.

    If ``st.logo`` is called multiple times within a page, the last call's image shows; a run
    that does not call it shows none.

    Parameters
    ----------
    image : Anything supported by st.image (except list), or str
        The image to display in the upper-left corner of your app and its sidebar: a file
        path, a URL, bytes, a PIL image, a NumPy array, a ``:material/name:`` icon or an emoji.
        If ``icon_image`` is also given, ``image`` shows in the sidebar only.
    size : "small", "medium", or "large"
        The logo's height: 20, 24 or 32 pixels (default ``"medium"``).
    link : str or None
        An external URL (``http://`` or ``https://``) to open when the logo is clicked.
    icon_image : Anything supported by st.image (except list), str, or None
        A smaller image for the app's upper-left corner while the sidebar is closed.

    Examples
    --------
    >>> import streamlit as st
    >>>
    >>> st.logo("logo.png", link="https://streamlit.io", icon_image=":material/home:")
    """
    ctx = get_run_context()
    if ctx is None:
        return
    main, payloads = _logo_image(image, "image")
    frame: dict[str, Any] = {"image": main}
    if link:
        from urllib.parse import urlparse

        parsed = urlparse(link)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise SidepaneAPIException(
                f'"{link}" is not a valid URL. You must use a fully qualified domain '
                'beginning with "http://" or "https://".'
            )
        frame["link"] = link
    if icon_image:
        icon, more = _logo_image(icon_image, "icon_image")
        frame["icon_image"] = icon
        payloads = payloads + more
    if not (isinstance(size, str) and size.lower() in ("small", "medium", "large")):
        raise StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    frame["size"] = size.lower()
    ctx.yield_point()
    for digest, data in payloads:
        ctx.payload(digest, "media", data)
    ctx.writer.logo(frame)
