"""Keeps case stubs as JSON files under the data directory (until the database lands).

Files are created with permissions 0600: a stub holds no identity, but what happened to
someone is still sensitive.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bot.stub import CaseStub


class StubFiles:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, stub: CaseStub) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.directory / f"{stub.reference}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(stub.to_json(), handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        return path
