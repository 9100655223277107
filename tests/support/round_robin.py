"""A tiny loopback load balancer: one webhook URL in front of several bot replicas.

Telegram posts every update to one URL; in production a load balancer spreads them over
the replicas. Here each POST goes to the next replica in turn, with its headers (the
secret token) and body unchanged, and the replica's status comes back as it was.

Like a real balancer (nginx's ``proxy_next_upstream error``), a replica that refuses the
connection is skipped, because nothing reached it; a replica that fails after the request
was sent (killed mid-update) gives 502, and Telegram redelivers the update.
"""

from __future__ import annotations

import functools
import http.client
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

#: Headers passed through to the replica (the rest are hop-by-hop or irrelevant here).
FORWARDED_HEADERS = ("Content-Type", "X-Telegram-Bot-Api-Secret-Token")
#: Longer than any update takes; the fake server's own delivery timeout is shorter.
REPLICA_TIMEOUT = 30.0


class RoundRobinProxy:
    """``with RoundRobinProxy([url_a, url_b]) as proxy:`` then give Telegram ``proxy.url``."""

    def __init__(self, backends: list[str]) -> None:
        if not backends:
            raise ValueError("at least one backend")
        self.backends = [b.rstrip("/") for b in backends]
        self.forwarded: Counter[str] = Counter()  # backend -> requests it answered
        self.failed: Counter[str] = Counter()  # backend -> requests lost after sending
        self._lock = threading.Lock()
        self._next = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> RoundRobinProxy:
        handler = type("Handler", (_ProxyHandler,), {"proxy": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        serve = functools.partial(self._httpd.serve_forever, 0.02)
        self._thread = threading.Thread(target=serve, name="round-robin", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        assert self._httpd is not None
        assert self._thread is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        assert self._httpd is not None, "enter the proxy first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def order(self) -> list[str]:
        """The backends to try for one request: the next in turn first, then the others."""
        with self._lock:
            start = self._next
            self._next = (self._next + 1) % len(self.backends)
        return self.backends[start:] + self.backends[:start]

    def forward(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes]:
        for backend in self.order():
            parts = urlsplit(backend)
            connection = http.client.HTTPConnection(
                parts.hostname or "127.0.0.1", parts.port, timeout=REPLICA_TIMEOUT
            )
            try:
                try:
                    connection.connect()
                except ConnectionRefusedError:
                    continue  # nothing was sent: the next replica may take it
                try:
                    connection.request("POST", path, body, headers)
                    response = connection.getresponse()
                    data = response.read()
                except OSError:
                    with self._lock:
                        self.failed[backend] += 1
                    return 502, b""  # the replica may have applied it: Telegram redelivers
                with self._lock:
                    self.forwarded[backend] += 1
                return response.status, data
            finally:
                connection.close()
        return 502, b""  # every replica is down


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    #: The default backlog of 5 drops connections in a burst of deliveries, and the
    #: kernel retries them a second later: a delay that is the test's, not the bot's.
    request_queue_size = 128


class _ProxyHandler(BaseHTTPRequestHandler):
    proxy: RoundRobinProxy
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name: value for name in FORWARDED_HEADERS if (value := self.headers.get(name))}
        status, data = self.proxy.forward(self.path, headers, body)
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass
