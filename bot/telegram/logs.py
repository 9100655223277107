"""Logging that never carries the bot token, message text, names or Telegram ids.

httpx logs every request URL at INFO, and Bot API URLs contain the token; PTB logs the
token at DEBUG. We silence both and add a redacting filter to the *handlers* (a filter
on the root logger does not see records propagated from child loggers). Our own log
lines carry update ids, input types and step ids only.
"""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,64}")


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token in the final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN.search(message):
            record.msg = _TOKEN.sub("<token>", message)
            record.args = ()
        if record.exc_text:
            record.exc_text = _TOKEN.sub("<token>", record.exc_text)
        return True


def configure_logging(level: int = logging.INFO) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for noisy in ("httpx", "httpcore", "transitions", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("telegram").setLevel(max(level, logging.INFO))
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactTokens())
