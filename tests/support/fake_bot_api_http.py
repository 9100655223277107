"""HTTP side of the fake Bot API: request parsing, token and method routing, webhook POSTs.

PTB 22.8 sends ``application/x-www-form-urlencoded`` bodies whose values are strings, with
lists and objects JSON-encoded (``RequestData.json_parameters``), and ``multipart/form-data``
when it uploads files. Telegram also accepts JSON bodies and query strings; all four are read.
An uploaded part becomes an ``Upload`` under its part name: PTB names it after the parameter
(``document``, ``photo``) or, for files that go by ``attach://<name>``, after that name.

Files are downloaded as on api.telegram.org: ``GET /file/bot<token>/<file_path>``, where PTB
puts ``base_file_url + token`` before the ``file_path`` that getFile returned (``Bot.get_file``)
and percent-quotes the path (``File._get_encoded_url``).
"""

from __future__ import annotations

import http.client
import json
import re
import select
import socket
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.support import fake_bot_api_errors as err
from tests.support.fake_bot_api_errors import ApiError
from tests.support.fake_bot_api_methods import FORWARDING_METHODS, MAX_UPLOAD_BYTES
from tests.support.fake_bot_api_state import Call, JsonDict, Upload

if TYPE_CHECKING:
    from tests.support.fake_bot_api import FakeBotApi

MAX_TOKEN_LENGTH = 80  # ClientManager.cpp
FILE_PREFIX = "/file/bot"
# One ``; key=value`` or ``; key="quoted \\" value"`` of a header (boundary, name, filename).
_HEADER_PARAM = re.compile(r';\s*([!#$%&\'*+.^`|~\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))')


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
    """Parts with a filename are uploads (kept byte for byte), the others UTF-8 parameters."""
    boundary = _header_params(content_type).get("boundary")
    if not boundary:
        raise ApiError(400, "Bad Request: boundary not found")  # td HttpReader's text
    params: JsonDict = {}
    for chunk in body.split(b"--" + boundary.encode("latin-1"))[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        head, found, data = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not found:
            continue
        headers: dict[str, str] = {}
        for line in head.decode("utf-8").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = _header_params(headers.get("content-disposition", ""))
        name = disposition.get("name")
        if name is None:
            continue
        data = data.removesuffix(b"\r\n")  # the line break belongs to the delimiter
        filename = disposition.get("filename")
        if filename is not None:
            content_type = headers.get("content-type", "application/octet-stream")
            params[name] = Upload(filename, content_type, data)
        else:
            params[name] = data.decode("utf-8")
    return params


def _header_params(value: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for match in _HEADER_PARAM.finditer(value):
        key, quoted, bare = match.group(1).lower(), match.group(2), match.group(3)
        text = re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else bare.strip()
        if key.endswith("*"):  # RFC 5987: utf-8''percent-encoded, preferred when present
            key, text = key[:-1], unquote(text.split("'", 2)[-1])
        elif key in params:
            continue
        params[key] = text
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
        if parts.path.startswith(FILE_PREFIX):
            self._serve_file(parts.path[len(FILE_PREFIX) :])
            return
        if not parts.path.startswith("/bot"):
            self._reply(404, {"ok": False, "error_code": 404, "description": err.NOT_FOUND})
            return
        token, _, method = parts.path[len("/bot") :].partition("/")
        params: JsonDict = {}
        try:
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            params.update(parse_body(self.headers.get("Content-Type", ""), body))
            if any(isinstance(v, Upload) and v.size > MAX_UPLOAD_BYTES for v in params.values()):
                raise ApiError(413, err.REQUEST_ENTITY_TOO_LARGE)
            check_token(self.api, token)
            result = self._call(method, params)
        except ApiError as exc:
            self._fail(method, params, exc)
        except (ValueError, UnicodeDecodeError) as exc:
            self._fail(method, params, ApiError(400, f"Bad Request: {exc}"))
        else:
            self._reply(200, {"ok": True, "result": result})

    def _serve_file(self, rest: str) -> None:
        """``<token>/<file_path>``: the bytes, or 404 for a wrong token or an unknown path."""
        # PTB percent-quotes the whole URL path, so the token's ":" arrives as "%3A".
        token, _, quoted_path = rest.partition("/")
        data = self.api.download(unquote(token), unquote(quoted_path))
        if data is None:
            self._reply(404, {"ok": False, "error_code": 404, "description": err.NOT_FOUND})
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot gave up on the download; it was counted when it was served

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
