"""A real HTTP server on localhost serving fixed files (GET; anything else is a 404), for tests of
what the runtime downloads (st.pdf and chart data from a URL); it records the paths asked for."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class FileServer:
    url: str
    hits: list[str] = field(default_factory=list)


@contextmanager
def serving_files(bodies: Mapping[str, bytes]) -> Iterator[FileServer]:
    served = FileServer("")

    class Files(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.hits.append(self.path)
            body = bodies.get(self.path)
            if body is None:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
