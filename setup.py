"""Build step that puts the shipped flows and compiled catalogs inside the package.

The repository keeps them at the top level (``flows/``, ``locales/``); a wheel carries
them in ``bot/_shipped/`` so that an installed ``intake-bot`` works from any folder
(``bot.config.shipped``). Catalogs are compiled here from the ``.po`` files, which stay
the only source. Metadata lives in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithShippedData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads flows/ and locales/ from the checkout
        target = Path(self.build_lib) / "bot" / "_shipped"
        flows = target / "flows"
        flows.mkdir(parents=True, exist_ok=True)
        for source in (ROOT / "flows").iterdir():
            if source.suffix in (".yaml", ".yml", ".json"):
                shutil.copy2(source, flows / source.name)
        for po in (ROOT / "locales").glob("*/LC_MESSAGES/messages.po"):
            mo = target / "locales" / po.relative_to(ROOT / "locales").with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=po.parts[-3])
            with mo.open("wb") as handle:
                write_mo(handle, catalog)


setup(cmdclass={"build_py": BuildWithShippedData})
