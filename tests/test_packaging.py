"""The package works wherever it is installed: a wheel, a fresh virtualenv, any folder.

Builds the wheel from this checkout and installs it into a new virtualenv, and runs the
terminal chat and the flow checker from a folder with no checkout in sight: shipped flows
and compiled catalogs travel inside the package, and the data lands in the platform's data
folder, not the current one. Offline, as every test: the wheel is built without build
isolation, and the new virtualenv finds the dependencies (never this checkout) in the
test environment's site-packages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_an_installed_wheel_chats_and_checks_from_any_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    offline = ["--no-deps", "--no-index", "--no-build-isolation", "-q"]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), *offline, "-w", str(wheels)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = wheels.glob("*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    bin_dir = tmp_path / "venv" / "bin"
    # The dependencies, as a plain path: .pth files there (this checkout's editable
    # install among them) are not run, so `bot` can only come from the wheel.
    [site] = (tmp_path / "venv" / "lib").glob("python3*/site-packages")
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INTAKE_", "TELEGRAM_"))} | {
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    chat = subprocess.run(
        [str(bin_dir / "intake-bot"), "chat", "--lang", "ko"],
        input="/start\n1\n",
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert chat.returncode == 0, chat.stderr
    assert "본인(제 자신)" in chat.stdout  # the shipped flow, in Korean from the shipped catalog
    checked = subprocess.run(
        [str(bin_dir / "intake-bot"), "flows", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "flow 'intake'" in checked.stdout
    assert list(elsewhere.iterdir()) == []  # nothing written where it was run
    assert (tmp_path / "xdg" / "intake-bot" / "intake.sqlite3").exists()
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import bot; print(bot.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.startswith(str(tmp_path / "venv"))  # the wheel, not the checkout
