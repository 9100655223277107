"""The bot token never reaches a terminal or a log, even when Telegram refuses it.

PTB's ``InvalidToken`` message quotes the token, and a Bot API server answering 404 (a
wrong base URL, a proxy) makes PTB raise it for a perfectly valid token.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.telegram.logs import JsonFormatter, RedactingFormatter

TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnopq"
ROOT = Path(__file__).resolve().parents[2]


class _NotFound(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = b'{"ok": false, "error_code": 404, "description": "Not Found"}'
        self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815 (http.server's naming)

    def log_message(self, *_: object) -> None:
        return None


@pytest.fixture
def not_found_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("command", [["run"], ["webhook", "info"]])
def test_a_refused_token_is_named_never_printed(
    not_found_server: str, tmp_path: Path, command: list[str]
) -> None:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": not_found_server,
        "INTAKE_DATA_DIR": str(tmp_path),
        "INTAKE_FLOWS_DIR": str(ROOT / "flows"),
        "INTAKE_LOCALES_DIR": str(ROOT / "locales"),
        "INTAKE_ACCEPT_KEY_IN_DATA_DIR": "yes",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "TELEGRAM_BOT_TOKEN" in output
    assert TOKEN.split(":")[1] not in output


def test_formatter_redacts_tracebacks_and_arguments() -> None:
    formatter = RedactingFormatter("%(message)s")
    try:
        raise ValueError(f"The token `{TOKEN}` was rejected by the server.")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "calling %s", (f"/bot{TOKEN}/getMe",), sys.exc_info()
        )
    text = formatter.format(record)
    assert "rejected" in text
    assert TOKEN.split(":")[1] not in text


def test_json_lines_are_redacted_and_carry_no_traceback() -> None:
    formatter = JsonFormatter()
    try:
        raise ValueError("the note said: 母は元気です")
    except ValueError:
        record = logging.LogRecord(
            "bot.telegram", logging.ERROR, __file__, 1, "calling %s", (f"/bot{TOKEN}/getMe",),
            sys.exc_info(),
        )  # fmt: skip
    entry = json.loads(formatter.format(record))
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "bot.telegram"
    assert entry["message"] == "calling /bot<token>/getMe"
    assert entry["exception"] == "ValueError"
    assert "母" not in json.dumps(entry, ensure_ascii=False)  # no traceback, no message text


def test_run_refuses_a_key_file_inside_the_data_directory(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "INTAKE_DATA_DIR": str(tmp_path),
        "INTAKE_FLOWS_DIR": str(ROOT / "flows"),
        "INTAKE_LOCALES_DIR": str(ROOT / "locales"),
    }
    env.pop("INTAKE_SECRET_KEY", None)
    env.pop("INTAKE_ACCEPT_KEY_IN_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "inside the data directory" in result.stderr
    assert "INTAKE_SECRET_KEY_FILE" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "secret.key").exists()  # refused before anything was created
