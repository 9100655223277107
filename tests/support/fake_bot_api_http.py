"""HTTP side of the fake Bot API: request parsing, token and method routing, webhook POSTs.

PTB 22.8 sends ``application/x-www-form-urlencoded`` bodies whose values are strings, with
lists and objects JSON-encoded (``RequestData.json_parameters``), and ``multipart/form-data``
when it uploads files. Telegram also accepts JSON bodies and query strings; all four are read.
"""

from __future__ import annotations

import http.client
import json
import select
import socket
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from tests.support import fake_bot_api_errors as err
from tests.support.fake_bot_api_errors import ApiError
from tests.support.fake_bot_api_methods import FORWARDING_METHODS
from tests.support.fake_bot_api_state import Call, JsonDict

if TYPE_CHECKING:
    from tests.support.fake_bot_api import FakeBotApi

MAX_TOKEN_LENGTH = 80  # ClientManager.cpp


def parse_body(content_type: str, body: bytes) -> JsonDict:
    kind = content_type.split(";", 1)[0].strip().lower()
    if not body:
        return {}
    if kind == "application/json":
        data = json.loads(body)
        if not isinstance(data, dict):
            raise ApiError(400, "Bad Request: JSON object expected")
        return data
    if kind == "multipart/form-data":
        return _parse_multipart(content_type, body)
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))


def _parse_multipart(content_type: str, body: bytes) -> JsonDict:
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    params: JsonDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:  # an upload: keep its size, not its bytes
            params[name] = {"filename": filename, "size": len(raw)}
        else:
            params[name] = raw.decode("utf-8")
    return params


def check_token(api: FakeBotApi, token: str) -> None:
    if (
        not token
        or token[0] == "0"
        or len(token) > MAX_TOKEN_LENGTH
        or ":" not in token
        or not token.split(":", 1)[0].isdigit()
    ):
        raise ApiError(401, err.INVALID_TOKEN)
    if token != api.token:
        raise ApiError(401, err.UNAUTHORIZED)


class BotApiHandler(BaseHTTPRequestHandler):
    """One request; ``api`` is set on a subclass made per server."""

    api: FakeBotApi
    server_version = "FakeBotApi/1.0"

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # request lines carry the token; keep them out of test output

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if not parts.path.startswith("/bot"):
            self._reply(404, {"ok": False, "error_code": 404, "description": err.NOT_FOUND})
            return
        token, _, method = parts.path[len("/bot") :].partition("/")
        params: JsonDict = {}
        try:
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            params.update(parse_body(self.headers.get("Content-Type", ""), body))
            check_token(self.api, token)
            result = self._call(method, params)
        except ApiError as exc:
            self._fail(method, params, exc)
        except (ValueError, UnicodeDecodeError) as exc:
            self._fail(method, params, ApiError(400, f"Bad Request: {exc}"))
        else:
            self._reply(200, {"ok": True, "result": result})

    def _call(self, method: str, params: JsonDict) -> Any:
        injected = self.api.take_injected(method)
        if injected is not None:
            injected.injected = True
            raise injected
        result = self.api.dispatch(method, params)
        self.api.record(Call(method, params, ok=True, result=result, abandoned=self._hung_up()))
        return result

    def _hung_up(self) -> bool:
        """True if the client closed its end (it sends nothing more on an HTTP/1.0 request)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _fail(self, method: str, params: JsonDict, exc: ApiError) -> None:
        violation = method.lower() in FORWARDING_METHODS
        call = Call(
            method,
            params,
            ok=False,
            error_code=exc.code,
            description=exc.description,
            injected=exc.injected,
            abandoned=self._hung_up(),
        )
        self.api.record(call, violation=violation)
        payload: JsonDict = {"ok": False, "error_code": exc.code, "description": exc.description}
        if exc.retry_after is not None:
            payload["parameters"] = {"retry_after": exc.retry_after}
        self._reply(exc.code, payload, retry_after=exc.retry_after)

    def _reply(self, status: int, payload: JsonDict, retry_after: int | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if retry_after is not None:
            self.send_header("Retry-After", str(retry_after))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on this request; the call log says so


def post_update(url: str, update: JsonDict, secret: str | None, timeout: float) -> int | None:
    """POST one update as Telegram does; the HTTP status, or None if the connection failed."""
    parts = urlsplit(url)
    body = json.dumps(update, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    if secret:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    connection_type = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_type(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        path = parts.path or "/"
        connection.request("POST", f"{path}?{parts.query}" if parts.query else path, body, headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        connection.close()
