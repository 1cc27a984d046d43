"""Custom components' files: each declared component's folder at `/component/<name>/<path>`
(as Streamlit serves it) and `components.html` pages at `/component/_html/<id>`.

Every response carries the components' Content-Security-Policy, whose `sandbox` makes the page
an origin of its own even when opened outside its frame: a component runs its scripts, loads
its own files and whatever it fetches over https, as it does in Streamlit, but cannot reach
the app's page, cookies or session.
"""

from __future__ import annotations

from sidepane.runtime import api_loader
from sidepane.servers.web.http_messages import (
    Request,
    Response,
    bad_request,
    file_response,
    file_under,
    not_found,
    own_file_type,
    respond,
)

PREFIX = "/component/"
HTML_NAME = "_html"

# What the viewer's frame allows too (webview/src/components/frame_policy.ts), minus
# `allow-same-origin`. 'unsafe-inline'/'unsafe-eval': built components inline scripts and some
# evaluate code (streamlit-aggrid's JsCode); https: what they load from CDNs (Leaflet, tiles).
SANDBOX = (
    "sandbox allow-scripts allow-forms allow-modals allow-popups "
    "allow-popups-to-escape-sandbox allow-downloads"
)


def content_security_policy(frame_ancestors: str = "'self'") -> str:
    """The components' CSP; `frame_ancestors`: who may frame them (the app's page, by default)."""
    return (
        "default-src 'self' data: blob: https:; "
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob: https:; "
        "style-src 'self' 'unsafe-inline' https:; img-src 'self' data: blob: https: http:; "
        "media-src 'self' data: blob: https:; font-src 'self' data: https:; "
        "connect-src 'self' data: blob: https: wss:; frame-src 'self' data: blob: https:; "
        "worker-src 'self' blob:; "
        f"frame-ancestors {frame_ancestors}; base-uri 'self'; form-action 'self' https:; {SANDBOX}"
    )


CSP = content_security_policy()
# VS Code's panel, served by the language server (servers/lsp/component_server.py): the webview
# frames the page from an origin of its own (desktop: vscode-webview:, in a browser: the
# workbench's or a CDN's host). Being framed elsewhere gives nothing away: any page may read
# these files anyway (Access-Control-Allow-Origin: *), and the sandbox keeps the component from
# whatever frames it.
PANEL_FRAME_ANCESTORS = "vscode-webview: vscode-file: https: http:"


def _headers(frame_ancestors: str | None) -> dict[str, str]:
    policy = CSP if frame_ancestors is None else content_security_policy(frame_ancestors)
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        # The frame's origin is opaque: its module scripts and fonts are cross-origin requests.
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-cache",
    }


async def serve(request: Request, path: str, frame_ancestors: str | None = None) -> Response:
    """The file at `path` (`/component/<name>/<file>`); `frame_ancestors`: who may frame it,
    when not the app's own page."""
    # Here, not at the top: `sidepane.components` is part of the st. API, which the server need
    # not load before it opens its port, and which may be loading on another thread now.
    await api_loader.loaded()
    from sidepane.components.registry import component_folder, html_page

    name, slash, file = path[len(PREFIX) :].partition("/")
    if not slash:
        return not_found()
    headers = _headers(frame_ancestors)
    if name == HTML_NAME:
        body = html_page(file)
        if body is None:
            return not_found()
        return respond(200, body, headers, content_type="text/html; charset=utf-8")
    root = component_folder(name)
    if root is None:
        return not_found()
    inside, target = file_under(root, file or "index.html")
    if not inside:
        return bad_request()
    if target is None:
        return not_found()
    return await file_response(request, target, headers, own_file_type(str(target)))
