"""Drawing a flow's step graph as a PNG on the server, for an admin reading on a phone.

The drawing is done by ``graphviz-pure`` (a Graphviz port shipped as a wheel, so no
system package is needed) in a separate process with a time limit and an output limit.
The DOT source comes from the pure ``bot.flow.picture``.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

from bot.flow.model import FlowDefinition
from bot.flow.picture import dot_source

PROGRAM = "graphviz-pure"
#: Telegram refuses photos over 10 MB.
MAX_PNG_BYTES = 10 * 1024 * 1024
#: Telegram photos: width + height at most 10000 pixels, the long side at most 20 times
#: the short one.
MAX_PHOTO_SIDES = 10_000
MAX_PHOTO_RATIO = 20
#: The aspect ratio a picture too long for a photo is redrawn at, with a margin for the
#: padding and rounding.
REDRAW_RATIO = 18
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class PictureError(Exception):
    """The picture could not be drawn; ``reason`` is one line for the admin and the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def find_program() -> Path | None:
    """The ``graphviz-pure`` executable: the one installed with this Python's packages
    (a service's PATH often lacks the venv), else the first on PATH."""
    here = shutil.which(PROGRAM, path=str(Path(sys.executable).parent))
    found = here or shutil.which(PROGRAM)
    return Path(found) if found else None


def render_png(flow: FlowDefinition, *, timeout: float = 20.0) -> bytes:
    """The step graph of ``flow`` as a PNG that Telegram accepts as a photo.

    A long chain of steps is drawn with blank space beside it rather than refused, as
    Telegram refuses a photo whose long side is over 20 times the short one. A flow too
    big to fit in 10000 pixels is scaled down, and past some size stops being legible.

    Raises:
        PictureError: the program is missing, fails, takes longer than ``timeout``
            seconds in all, or draws a picture Telegram would refuse.
    """
    program = find_program()
    if program is None:
        raise PictureError(f"{PROGRAM} is not installed (pip install graphviz-pure)")
    deadline = time.monotonic() + timeout
    png = _draw(program, dot_source(flow), timeout)
    width, height = _size(png)
    if max(width, height) > MAX_PHOTO_RATIO * min(width, height):
        ratio = REDRAW_RATIO if height > width else 1 / REDRAW_RATIO
        png = _draw(program, dot_source(flow, ratio=ratio), deadline - time.monotonic())
        width, height = _size(png)
    if width + height > MAX_PHOTO_SIDES or max(width, height) > MAX_PHOTO_RATIO * min(
        width, height
    ):
        raise PictureError(f"the graph is {width} × {height} pixels, too big for a photo")
    return png


def _draw(program: Path, source: str, timeout: float) -> bytes:
    if timeout <= 0:
        raise PictureError(f"{PROGRAM} ran out of time")
    png = _run([str(program), "-Tpng"], source.encode("utf-8"), timeout)
    if not png.startswith(PNG_SIGNATURE) or len(png) < 24:
        raise PictureError(f"{PROGRAM} did not write a PNG")
    return png


def _size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # IHDR is always the first chunk
    return int(width), int(height)


def _run(argv: list[str], source: bytes, timeout: float) -> bytes:
    """Run ``argv`` with ``source`` on stdin; its stdout.

    Its stderr is dropped: it may quote the DOT source, and reasons must not carry it.
    The output is bounded by the drawing's size limit (``MAX_INCHES`` at ``DPI``), so it
    is read whole and checked after.
    """
    try:
        done = subprocess.run(
            argv,
            input=source,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PictureError(f"{PROGRAM} took more than {timeout:g} s") from None
    except OSError as exc:
        raise PictureError(
            f"cannot start {PROGRAM} ({exc.strerror or type(exc).__name__})"
        ) from exc
    if done.returncode != 0:
        status = done.returncode
        how = f"signal {-status}" if status < 0 else f"exit status {status}"
        raise PictureError(f"{PROGRAM} failed ({how})")
    if len(done.stdout) > MAX_PNG_BYTES:
        raise PictureError(f"the picture is over {MAX_PNG_BYTES // (1024 * 1024)} MB")
    return done.stdout
