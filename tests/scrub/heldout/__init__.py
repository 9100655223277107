"""The held-out corpus: hand-written sentences the scrubber is measured on, never tuned on.

Each ``<locale>.yaml`` in this folder is a list of items written independently of the rules
and frozen before any tuning (see README.md here); the shape and the loader are those of
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
    """Read the held-out items of ``locales`` (all three by default), in file order."""
    return load_folder(FOLDER, locales)
