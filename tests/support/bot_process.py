"""The real bot as a subprocess against the fake Bot API, and a supporter driving it.

The bot runs exactly as in production (``intake-bot run``), configured through the
environment; tests talk to it only through the fake server, like a person with a phone.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.app import open_database
from bot.config import Settings
from bot.store.database import Database
from tests.support.fake_bot_api import FakeBotApi, SimUser, StoredMessage

ROOT = Path(__file__).resolve().parents[2]
BOT = [sys.executable, "-m", "bot", "run"]


@contextmanager
def running_bot(
    server: FakeBotApi,
    data_dir: Path,
    extra_env: Mapping[str, str] | None = None,
    *,
    args: list[str] | None = None,
    log_name: str = "bot.log",
    command: list[str] | None = None,
) -> Iterator[BotRun]:
    """Start ``intake-bot run`` (or ``command``) pointed at ``server``; stop it afterwards."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": server.token,
        "TELEGRAM_API_BASE_URL": server.url,
        "INTAKE_DATA_DIR": str(data_dir),
        "INTAKE_FLOWS_DIR": str(ROOT / "flows"),
        "INTAKE_LOCALES_DIR": str(ROOT / "locales"),
        # A test machine is a trial on one machine: the generated key file may sit in the
        # data directory (tests read the data with it).
        "INTAKE_ACCEPT_KEY_IN_DATA_DIR": "yes",
        **(extra_env or {}),
    }
    log_path = data_dir / log_name
    log = log_path.open("a", encoding="utf-8")
    process = subprocess.Popen(
        [*(command or BOT), *(args or [])],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield BotRun(server, log_path, process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


@contextmanager
def bot_database(run: BotRun, data_dir: Path) -> Iterator[Database]:
    """The running bot's own database (the bot created it and its key on start)."""
    # Polling has begun once a long poll is parked (a call is recorded only when it ends).
    run.server.wait_until(lambda: run.server.polls_waiting > 0, 30)
    database = open_database(Settings.from_env({"INTAKE_DATA_DIR": str(data_dir)}))
    try:
        yield database
    finally:
        database.dispose()


class BotRun:
    """A running bot and its log: ``wait_handled`` knows when every update is delivered."""

    def __init__(
        self,
        server: FakeBotApi,
        log_path: Path,
        process: subprocess.Popen[str] | None = None,
    ) -> None:
        self.server = server
        self.log_path = log_path
        self.process = process
        self.updates_sent = 0
        self.baseline = self.handled()  # lines from an earlier run of the same data dir

    def handled(self) -> int:
        if not self.log_path.exists():
            return 0
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return len(re.findall(r"update \d+ done", text))

    def wait_handled(self, timeout: float = 20) -> None:
        """Wait until the bot logged every update we caused as done (checked every 10 ms).

        The fake server's own ``wait_until`` re-checks only on its state changes, and the
        bot's log is not one of them.
        """
        deadline = time.monotonic() + timeout
        while self.handled() - self.baseline < self.updates_sent:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the bot handled {self.handled() - self.baseline} of {self.updates_sent}"
                    f" updates in {timeout}s; see {self.log_path}"
                )
            threading.Event().wait(0.01)

    def supporter(self, name: str, language_code: str | None) -> Supporter:
        return Supporter(self, self.server.add_user(name, language_code=language_code))


@dataclass
class Supporter:
    """A simulated person in their private chat with the bot."""

    bot: BotRun
    user: SimUser

    @property
    def server(self) -> FakeBotApi:
        return self.bot.server

    def _sent(self) -> None:
        self.bot.updates_sent += 1
        self.bot.wait_handled()

    def say(self, text: str) -> None:
        """Type a message; return once the bot has answered it."""
        self.server.send_text(self.user, text)
        self._sent()

    def command(self, command: str, payload: str | None = None) -> None:
        self.server.send_command(self.user, command, payload)
        self._sent()

    def press(self, label: str, message: StoredMessage | None = None) -> str:
        """Press a button (on the current question unless told); returns the query id."""
        target = message or self.question()
        query = self.server.press_button(self.user, target.message_id, text=label)
        self._sent()
        return query

    def press_shown(self, shown: StoredMessage, label: str) -> str:
        """Press a button as ``shown`` showed it, though the bot has edited that message
        since (two quick presses: the second lands on the keyboard the phone still had)."""
        query = self.server.press_as_shown(self.user, shown, text=label)
        self._sent()
        return query

    def act(self, action: Callable[[FakeBotApi, SimUser], object]) -> None:
        """Anything else a person can do (a sticker, an edit...), then wait for the bot."""
        action(self.server, self.user)
        self._sent()

    def bot_messages(self) -> list[StoredMessage]:
        return self.server.bot_messages(self.user)

    def chat(self) -> list[StoredMessage]:
        return self.server.chat(self.user)

    def texts(self) -> list[str]:
        return [m.text or "" for m in self.bot_messages()]

    def question(self) -> StoredMessage:
        """The newest bot message with buttons (the current question)."""
        for message in reversed(self.bot_messages()):
            if message.keyboard:
                return message
        raise AssertionError("no question with buttons in the chat")

    def labels(self) -> list[str]:
        return [label for row in self.question().keyboard for label, _ in row]
