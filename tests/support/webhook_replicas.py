"""Webhook replicas of the real bot for end-to-end tests and the benchmark.

Each replica is ``intake-bot run --webhook`` as a subprocess on a port of its own; the
webhook is registered once with ``intake-bot webhook set`` (the deploy step), and a
replica counts as up when its ``/healthz`` answers 200.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tests.support.bot_process import ROOT, BotRun, running_bot
from tests.support.fake_bot_api import FakeBotApi

SECRET = "webhook-secret-for-tests_0123456789"
#: All replicas share it, so chat keys and encryption agree (>= 32 characters).
SECRET_KEY = "replicas-share-this-secret-key-0123456789abcdef"
START_TIMEOUT = 60.0


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def set_webhook(server: FakeBotApi, url: str, secret: str = SECRET) -> str:
    """``intake-bot webhook set``, as a deploy step would run it; returns its output."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": server.token,
        "TELEGRAM_API_BASE_URL": server.url,
        "INTAKE_WEBHOOK_URL": url,
        "INTAKE_WEBHOOK_SECRET": secret,
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "webhook", "set"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def http_status(
    url: str, body: bytes | None = None, headers: Mapping[str, str] | None = None
) -> int:
    """GET (or POST ``body``) on the loopback; the HTTP status, 0 if nothing listens."""
    request = urllib.request.Request(url, data=body, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def wait_healthy(run: BotRun, base_url: str, timeout: float = START_TIMEOUT) -> None:
    """Wait until ``/healthz`` answers 200 (checked every 20 ms); fail if the bot exits."""
    deadline = time.monotonic() + timeout
    while http_status(f"{base_url}/healthz") != 200:
        if run.process is not None and run.process.poll() is not None:
            raise AssertionError(f"the replica exited; see {run.log_path}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no healthy replica in {timeout}s; see {run.log_path}")
        threading.Event().wait(0.02)


@contextmanager
def webhook_replica(
    server: FakeBotApi,
    data_dir: Path,
    name: str,
    *,
    port: int,
    env: Mapping[str, str] | None = None,
    command: list[str] | None = None,
) -> Iterator[BotRun]:
    """One healthy replica listening on ``port``; its log is ``data_dir/<name>.log``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}"
    replica_env = {
        "INTAKE_LISTEN": f"127.0.0.1:{port}",
        "INTAKE_WEBHOOK_URL": url,
        "INTAKE_WEBHOOK_SECRET": SECRET,
        "INTAKE_SECRET_KEY": SECRET_KEY,
        **(env or {}),
    }
    with running_bot(
        server,
        data_dir,
        replica_env,
        args=["--webhook"],
        log_name=f"{name}.log",
        command=command,
    ) as run:
        wait_healthy(run, url)
        yield run
