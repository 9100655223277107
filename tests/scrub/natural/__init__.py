"""The natural corpus: hand-written sentences the rules are tuned on (issue 11, second round).

Each ``<locale>.yaml`` in this folder is a list of items written without reading the rules and
frozen before this round's tuning (see README.md here); the shape and the loader are those of
``tests/scrub/handwritten.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from tests.scrub.corpus import LOCALES, Item
from tests.scrub.handwritten import load as load_folder

__all__ = ["FOLDER", "load"]

FOLDER: Final = Path(__file__).parent


def load(locales: Iterable[str] = LOCALES) -> list[Item]:
    """Read the natural items of ``locales`` (all three by default), in file order."""
    return load_folder(FOLDER, locales)
