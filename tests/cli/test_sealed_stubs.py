"""A caseworker reads sealed cases on their own machine: keys generate, then stubs show
and export with --identity; without it, only the queue and an age file come out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyrage

from bot.store.sealing import read_identities
from tests.cli.test_admin_staff_cli import INTAKE, Cli, reference_of

PASSPHRASE = "a long passphrase for the office"


def generate_keys(cli: Cli, tmp_path: Path, *names: str) -> dict[str, str]:
    """``keys generate`` for each name (``<name>.age`` in ``tmp_path``): the public keys."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    keys = {}
    for name in names:
        made = cli.ok(
            "keys", "generate", "--output", str(tmp_path / f"{name}.age"),
            "--passphrase-file", str(secret),
        )  # fmt: skip
        found = re.search(r"age1[0-9a-z]{58}", made.stdout)
        assert found is not None
        keys[name] = found.group(0)
    return keys


def test_a_sealed_case_opens_only_with_the_identity(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    identity = tmp_path / "office.age"  # on the caseworker's machine, not the server's
    made = cli.ok("keys", "generate", "--output", str(identity), "--passphrase-file", str(secret))
    public = re.search(r"age1[0-9a-z]{58}", made.stdout)
    assert public is not None

    transcript = cli.run(
        "chat", "--lang", "ko", input="\n".join(INTAKE) + "\n", INTAKE_SEAL_TO=public.group(0)
    ).stdout
    reference = reference_of(transcript)

    shown = cli.ok("stubs", "show", reference, "--as", "mina").stdout
    assert "sealed" in shown
    assert "china_border" not in shown

    opened = cli.ok(
        "stubs", "show", reference, "--identity", str(identity), "--as", "mina",
        input=PASSPHRASE + "\n",
    ).stdout  # fmt: skip
    assert "forced_return" in opened
    assert "china_border/jilin" in opened

    wrong = cli.run("stubs", "show", reference, "--identity", str(identity), input="nope\n")
    assert wrong.exit_code == 1
    assert "wrong passphrase" in wrong.output

    # The export carries the sealed case as an age file: age (here pyrage) opens it.
    [exported] = json.loads(cli.ok("stubs", "export", "--format", "json").stdout)
    assert exported["answers"] == {}
    keys = read_identities(identity.read_bytes(), PASSPHRASE)
    body = json.loads(pyrage.decrypt(exported["sealed"].encode(), keys))
    assert body["reference"] == reference
    assert body["answers"]["threats"] == ["forced_return"]
    [readable] = json.loads(
        cli.ok(
            "stubs", "export", "--format", "json", "--identity", str(identity),
            input=PASSPHRASE + "\n",
        ).stdout
    )  # fmt: skip
    assert readable["answers"] == body["answers"]
    assert readable["sealed"] is None


def test_a_caseworker_opens_an_export_with_no_database_and_no_server_secret(
    cli: Cli, tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    identity = tmp_path / "office.age"
    made = cli.ok("keys", "generate", "--output", str(identity), "--passphrase-file", str(secret))
    public = re.search(r"age1[0-9a-z]{58}", made.stdout)
    assert public is not None
    transcript = cli.run(
        "chat", "--lang", "ko", input="\n".join(INTAKE) + "\n", INTAKE_SEAL_TO=public.group(0)
    ).stdout
    reference = reference_of(transcript)
    export = tmp_path / "cases.json"
    export.write_text(cli.ok("stubs", "export", "--format", "json").stdout, encoding="utf-8")

    # The caseworker's laptop: no data directory, no database URL, no server secret.
    laptop = {"INTAKE_DATA_DIR": str(tmp_path / "nothing-here"), "INTAKE_DATABASE_URL": None}
    laptop |= {"INTAKE_SECRET_KEY": None}
    opened = cli.run(
        "stubs", "open", str(export), "--identity", str(identity), input=PASSPHRASE + "\n",
        **laptop,
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    [case] = json.loads(opened.stdout[opened.stdout.index("[") :])
    assert case["reference"] == reference
    assert case["region"] == "china_border/jilin"
    assert case["answers"]["threats"] == ["forced_return"]
    assert case["sealed"] is None
    assert not (tmp_path / "nothing-here").exists()  # nothing was created on the laptop


def test_cases_sealed_to_other_keys_stay_sealed_and_the_rest_opens(
    cli: Cli, tmp_path: Path
) -> None:
    keys = generate_keys(cli, tmp_path, "office", "old")
    for name in ("old", "office"):
        cli.run("chat", "--lang", "ko", input="\n".join(INTAKE) + "\n", INTAKE_SEAL_TO=keys[name])
    export = tmp_path / "cases.json"
    export.write_text(cli.ok("stubs", "export", "--format", "json").stdout, encoding="utf-8")
    cases = json.loads(export.read_text(encoding="utf-8"))
    assert len(cases) == 2

    opened = cli.run(
        "stubs", "open", str(export), "--identity", str(tmp_path / "office.age"),
        input=PASSPHRASE + "\n",
    )  # fmt: skip
    assert opened.exit_code == 0, opened.output
    assert "left sealed" in opened.stderr
    result = json.loads(opened.stdout[opened.stdout.index("[") :])
    assert sorted(c["sealed"] is None for c in result) == [False, True]

    # A sealed body pasted under another reference does not open as that case.
    cases[0]["reference"], cases[1]["reference"] = cases[1]["reference"], cases[0]["reference"]
    export.write_text(json.dumps(cases), encoding="utf-8")
    both = cli.run(
        "stubs", "open", str(export),
        "--identity", str(tmp_path / "office.age"), "--identity", str(tmp_path / "old.age"),
        input=PASSPHRASE + "\n" + PASSPHRASE + "\n",
    )  # fmt: skip
    assert both.exit_code == 1
    assert "another case" in both.stderr


def test_retiring_a_key_moves_old_cases_to_the_new_one_without_the_server_seeing_it(
    cli: Cli, tmp_path: Path
) -> None:
    keys = generate_keys(cli, tmp_path, "old", "new")
    transcript = cli.run(
        "chat", "--lang", "ko", input="\n".join(INTAKE) + "\n", INTAKE_SEAL_TO=keys["old"]
    ).stdout
    reference = reference_of(transcript)

    # The server: every sealed item, still sealed.
    sealed = tmp_path / "sealed.json"
    exported = cli.ok("keys", "export-sealed", "--output", str(sealed))
    assert "1 case(s) and 0 note(s)" in exported.stderr
    # The caseworker's laptop: no data directory, no database, no server secret.
    laptop = {"INTAKE_DATA_DIR": str(tmp_path / "nothing-here"), "INTAKE_DATABASE_URL": None}
    resealed = tmp_path / "resealed.json"
    moved = cli.run(
        "keys", "reseal", str(sealed), "--identity", str(tmp_path / "old.age"),
        "--to", keys["new"], "--output", str(resealed), input=PASSPHRASE + "\n",
        **laptop | {"INTAKE_SECRET_KEY": None},
    )  # fmt: skip
    assert moved.exit_code == 0, moved.output
    assert not (tmp_path / "nothing-here").exists()
    # The server again: the new files in place, recorded in the audit log.
    assert (
        "1 item(s) re-sealed; 0 changed" in cli.ok("keys", "import-sealed", str(resealed)).stdout
    )
    assert (
        "0 item(s) re-sealed; 1 changed" in cli.ok("keys", "import-sealed", str(resealed)).stdout
    )

    opened = cli.ok(
        "stubs", "show", reference, "--identity", str(tmp_path / "new.age"), "--as", "mina",
        input=PASSPHRASE + "\n",
    ).stdout  # fmt: skip
    assert "china_border/jilin" in opened
    stale = cli.run(
        "stubs", "show", reference, "--identity", str(tmp_path / "old.age"),
        input=PASSPHRASE + "\n",
    )  # fmt: skip
    assert "china_border/jilin" not in stale.output
    [row] = json.loads(cli.ok("stubs", "export", "--format", "json").stdout)
    assert row["sealed_to"] == [keys["new"]]
