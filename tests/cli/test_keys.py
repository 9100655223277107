"""``intake-bot keys ...`` as a caseworker runs it on their own machine."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pyrage import x25519

from bot.cli import main
from bot.errors import SealedError
from bot.store.sealing import is_age_file, read_identities

PASSPHRASE = "correct horse battery staple"


def run(tmp_path: Path, *args: str, input: str | None = None) -> Result:
    # The data directory is pinned so that the "inside the data directory" warning
    # depends on the test, not on the machine's ~/.local/share.
    env = {"INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_SEAL_TO": None}
    return CliRunner().invoke(main, list(args), input=input, env=env)


def passphrase_file(tmp_path: Path, passphrase: str = PASSPHRASE) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(f"{passphrase}\nignored second line\n", encoding="utf-8")
    return path


def generate(tmp_path: Path, output: Path, passphrase: str = PASSPHRASE) -> Result:
    secret = passphrase_file(tmp_path, passphrase)
    return run(
        tmp_path, "keys", "generate", "--output", str(output), "--passphrase-file", str(secret)
    )


def printed_key(result: Result) -> str:
    match = re.search(r"^public key: (age1\w+)$", result.stdout, re.MULTILINE)
    assert match, result.output
    return match.group(1)


def test_generate_writes_a_private_encrypted_identity_and_says_what_next(tmp_path: Path) -> None:
    output = tmp_path / "caseworker.age"
    result = generate(tmp_path, output)
    assert result.exit_code == 0, result.output
    public = printed_key(result)
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    content = output.read_bytes()
    assert is_age_file(content)
    identities = read_identities(content, PASSPHRASE)
    assert [str(i.to_public()) for i in identities] == [public]
    assert f"set INTAKE_SEAL_TO={public}" in result.output
    assert "never copy the identity file there" in result.output
    assert f"INTAKE_SEAL_TO={public},age1" in result.output  # the backup key, comma-separated
    assert "warning" not in result.output
    assert PASSPHRASE not in result.output
    assert "AGE-SECRET-KEY" not in result.output.upper()


def test_a_wrong_passphrase_opens_nothing(tmp_path: Path) -> None:
    output = tmp_path / "caseworker.age"
    assert generate(tmp_path, output).exit_code == 0
    with pytest.raises(SealedError, match="wrong passphrase"):
        read_identities(output.read_bytes(), "not the passphrase at all")
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    result = run(
        tmp_path, "keys", "show-public", "-i", str(output), "--passphrase-file", str(wrong)
    )
    assert result.exit_code == 1
    assert "wrong passphrase" in result.output


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    output = tmp_path / "caseworker.age"
    assert generate(tmp_path, output).exit_code == 0
    before = output.read_bytes()
    again = generate(tmp_path, output)
    assert again.exit_code == 1
    assert f"{output} exists: write the identity to a new file" in again.output
    assert output.read_bytes() == before


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [("", "the passphrase is empty"), ("eleven char", "the passphrase is too short")],
)
def test_a_weak_passphrase_is_refused(tmp_path: Path, passphrase: str, reason: str) -> None:
    output = tmp_path / "caseworker.age"
    result = generate(tmp_path, output, passphrase)
    assert result.exit_code == 1
    assert f"--passphrase-file: {reason}" in result.output
    assert not output.exists()
    if passphrase:
        assert passphrase not in result.output


def test_the_passphrase_is_asked_twice_and_a_short_one_asked_again(tmp_path: Path) -> None:
    output = tmp_path / "caseworker.age"
    answers = f"tiny\n{PASSPHRASE}\n{PASSPHRASE}\n"
    result = run(tmp_path, "keys", "generate", "--output", str(output), input=answers)
    assert result.exit_code == 0, result.output
    assert "too short" in result.output
    assert "Repeat for confirmation" in result.output
    assert len(read_identities(output.read_bytes(), PASSPHRASE)) == 1


def test_a_key_in_the_data_directory_is_warned_about(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    result = generate(tmp_path, data / "caseworker.age")
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    assert "must not live on the server" in result.output


def test_show_public_prints_the_key_a_file_holds(tmp_path: Path) -> None:
    output = tmp_path / "caseworker.age"
    public = printed_key(generate(tmp_path, output))
    asked = run(
        tmp_path, "keys", "show-public", "--identity", str(output), input=f"{PASSPHRASE}\n"
    )
    assert asked.exit_code == 0, asked.output
    assert asked.stdout.splitlines()[-1] == public
    assert PASSPHRASE not in asked.output
    scripted = run(
        tmp_path,
        "keys",
        "show-public",
        "-i",
        str(output),
        "--passphrase-file",
        str(tmp_path / "passphrase"),
    )
    assert scripted.stdout == f"{public}\n"


def test_show_public_reads_a_plain_identity_file_and_says_it_is_unprotected(
    tmp_path: Path,
) -> None:
    identity = x25519.Identity.generate()
    plain = tmp_path / "plain.txt"
    plain.write_text(f"# a comment\n{identity}\n", encoding="utf-8")
    result = run(tmp_path, "keys", "show-public", "-i", str(plain))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{identity.to_public()}\n"
    assert "not protected by a passphrase" in result.output
    assert str(identity) not in result.output
