"""Logging that never carries the bot token, message text, names or Telegram ids.

httpx logs every request URL at INFO, and Bot API URLs contain the token; PTB logs the
token at DEBUG. We silence both and add a redacting filter to the *handlers* (a filter
on the root logger does not see records propagated from child loggers). Our own log
lines carry update ids, input types and step ids only.
"""

from __future__ import annotations

import json
import logging
import re

_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")


def redact(text: str) -> str:
    return _TOKEN.sub("<token>", text)


class RedactingFormatter(logging.Formatter):
    """Formats, then removes anything token-shaped from the whole text.

    Redacting after formatting also covers tracebacks (PTB's ``InvalidToken`` message
    quotes the token) and arguments, which a filter run before formatting would miss.
    """

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(RedactingFormatter):
    """One JSON object a line (``INTAKE_LOG_FORMAT=json``), redacted like the text form.

    Carries the time, level, logger and message, and an exception's type only: never
    a traceback, whose frames could hold a supporter's words.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
        return redact(json.dumps(entry, ensure_ascii=False))


def configure_logging(level: int = logging.INFO, *, json_lines: bool = False) -> None:
    logging.basicConfig(level=level, force=True)
    formatter: logging.Formatter = (
        JsonFormatter()
        if json_lines
        else RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    for noisy in ("httpx", "httpcore", "transitions", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(max(level, logging.INFO))
