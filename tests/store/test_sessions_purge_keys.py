"""Abandoned sessions expire; keys and key files behave."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import key_beside_database
from bot.config import Settings
from bot.engine import inputs as i
from bot.errors import ConfigError
from bot.store.database import Database
from bot.store.keys import KEY_FILE, ServerKeys, load_secret
from bot.store.models import ChatSession, MessageRecord, ProcessedUpdate
from bot.store.purge import purge
from tests.support.engine import FIXED_NOW, intake_service


def test_abandoned_sessions_and_old_update_ids_are_purged(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    service.handle(1, 1, i.Start("ja"))
    service.handle(1, 2, i.Text("1"))
    service.conversations.delivered(1, None, message_ids=[5, 6])
    ttl, keep = timedelta(hours=72), timedelta(days=180)
    assert purge(db, session_ttl=ttl, case_retention=keep).total == 0
    later = Database(db.engine, db.keys, now=lambda: FIXED_NOW + timedelta(days=8))
    result = purge(later, session_ttl=ttl, case_retention=keep)
    assert (result.sessions, result.updates) == (1, 2)
    with db.transaction() as tx:
        assert tx.scalar(select(ChatSession)) is None
        assert tx.scalar(select(MessageRecord)) is None
        assert tx.scalar(select(ProcessedUpdate)) is None


def test_key_file_is_created_private_and_reused(tmp_path: Path) -> None:
    first = load_secret(None, tmp_path)
    assert oct((tmp_path / "secret.key").stat().st_mode & 0o777) == "0o600"
    assert load_secret(None, tmp_path) == first
    (tmp_path / "secret.key").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_secret(None, tmp_path)


def test_environment_secret_wins_and_must_be_long(tmp_path: Path) -> None:
    assert load_secret("x" * 40, tmp_path) == b"x" * 40
    assert not (tmp_path / "secret.key").exists()
    with pytest.raises(ConfigError, match="INTAKE_SECRET_KEY"):
        ServerKeys.from_secret(b"short")


def test_chat_keys_are_stable_per_secret_and_channel() -> None:
    keys = ServerKeys.from_secret(b"a" * 40)
    assert keys.chat_key("telegram", 42) == keys.chat_key("telegram", "42")
    assert keys.chat_key("telegram", 42) != keys.chat_key("terminal", 42)
    assert keys.chat_key("telegram", 42) != ServerKeys.from_secret(b"b" * 40).chat_key(
        "telegram", 42
    )
    assert "42" not in keys.chat_key("telegram", 42)


def test_data_sealed_under_another_secret_is_refused_clearly(tmp_path: Path) -> None:
    sealed = ServerKeys.from_secret(b"a" * 40, tmp_path).seal(b"hello")
    with pytest.raises(ConfigError, match="INTAKE_SECRET_KEY"):
        ServerKeys.from_secret(b"b" * 40, tmp_path).open(sealed)
    assert "a" * 40 not in repr(ServerKeys.from_secret(b"a" * 40))


def test_purge_keeps_a_session_touched_after_its_cutoff(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    service.handle(1, 1, i.Start("ja"))
    service.handle(2, 2, i.Start("ja"))
    later = Database(db.engine, db.keys, now=lambda: FIXED_NOW + timedelta(hours=80))
    intake_service(later, channel="telegram").handle(2, 3, i.Text("1"))  # chat 2 came back
    result = purge(later, session_ttl=timedelta(hours=72), case_retention=timedelta(days=180))
    assert result.sessions == 1
    assert service.conversations.load(1) is None
    assert service.conversations.load(2) is not None


def test_message_ids_too_old_to_delete_are_purged(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    service.handle(1, 1, i.Start("ja"))
    service.conversations.delivered(1, None, message_ids=[5, 6])
    later = Database(db.engine, db.keys, now=lambda: FIXED_NOW + timedelta(hours=49))
    result = purge(later, session_ttl=timedelta(hours=72), case_retention=timedelta(days=180))
    assert (result.sessions, result.messages) == (0, 2)
    assert service.conversations.load(1) is not None  # the intake itself is still alive
    assert service.conversations.message_ids(1) == ()


def test_a_key_file_beside_the_sqlite_database_is_pointed_out(tmp_path: Path) -> None:
    embedded = Settings.from_env({"INTAKE_DATA_DIR": str(tmp_path)})
    assert key_beside_database(embedded) == tmp_path / KEY_FILE
    elsewhere = tmp_path / "db"
    elsewhere.mkdir()
    apart = Settings.from_env(
        {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": f"sqlite:///{elsewhere}/x.db"}
    )
    assert key_beside_database(apart) is None
    from_env = Settings.from_env({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SECRET_KEY": "k" * 48})
    assert key_beside_database(from_env) is None
    server = Settings.from_env(
        {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": "postgresql+psycopg://h/db"}
    )
    assert key_beside_database(server) is None
