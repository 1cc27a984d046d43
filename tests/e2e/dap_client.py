"""A small Debug Adapter Protocol client over a socket, for tests (requests, responses, events)."""

from __future__ import annotations

import json
import queue
import socket
import threading
import time
from typing import Any


class DapError(AssertionError):
    pass


class DapClient:
    """Speaks DAP to a debug adapter listening on 127.0.0.1:port (debugpy inside Sidepane)."""

    def __init__(self, port: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self._sock.settimeout(None)
        self._seq = 0
        self._send_lock = threading.Lock()
        self._responses: dict[int, dict[str, Any]] = {}
        self._cv = threading.Condition()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self._sock.makefile("rb")
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is None:
                return
            message = json.loads(stream.read(length))
            if message.get("type") == "response":
                with self._cv:
                    self._responses[message["request_seq"]] = message
                    self._cv.notify_all()
            elif message.get("type") == "event":
                self.seen.append(message)
                self.events.put(message)

    def send(self, command: str, **arguments: Any) -> int:
        with self._send_lock:
            self._seq += 1
            seq = self._seq
            body = json.dumps(
                {"seq": seq, "type": "request", "command": command, "arguments": arguments}
            ).encode()
            self._sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return seq

    def response(self, seq: int, timeout: float = 10.0) -> dict[str, Any]:
        with self._cv:
            if not self._cv.wait_for(lambda: seq in self._responses, timeout):
                raise DapError(f"no response to request {seq} within {timeout} s")
            return self._responses.pop(seq)

    def request(self, command: str, timeout: float = 10.0, **arguments: Any) -> dict[str, Any]:
        """Send a request and return its response body; a failed response raises."""
        response = self.response(self.send(command, **arguments), timeout)
        if not response.get("success"):
            raise DapError(f"{command} failed: {response.get('message')}")
        body: dict[str, Any] = response.get("body") or {}
        return body

    def wait_event(self, name: str, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DapError(f"no {name!r} event within {timeout} s")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event.get("event") == name:
                return event

    def attach(self, **arguments: Any) -> None:
        """initialize + attach, up to the `initialized` event (then set breakpoints, then
        `configuration_done`)."""
        self.request("initialize", adapterID="sidepane", clientID="tests", linesStartAt1=True,
                     columnsStartAt1=True, pathFormat="path")  # fmt: skip
        self.send("attach", **arguments)
        self.wait_event("initialized")

    def close(self) -> None:
        try:
            self._sock.close()
        except OSError:
            pass
