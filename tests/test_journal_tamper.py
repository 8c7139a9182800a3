"""The SQLite journal against someone (or something) changing it behind its back: every way
around append-only is refused or found by verify, and damage is shown as damage, never as a
shorter record, a traceback or a clean bill of health."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from playbook.cli import main
from playbook.journal import (
    DAMAGED,
    TRIGGERS,
    Journal,
    WriteFailed,
    draft,
    genesis,
)

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
DECLARED = {
    "title": "Screens dark",
    "type": "outage",
    "type_title": "Outage",
    "commander": "Ann",
    "severity": {"id": "SEV2", "name": "Major", "update_every": 30, "first_action_within": 15},
    "steps": [],
    "answers": [],
}


def journal_with_notes(path: Path, notes: int = 4) -> str:
    with Journal.open(path) as journal:
        incident = journal.declare(draft(None, "declared", "Ann", T0, DECLARED)).incident
        for i in range(notes):
            journal.append(draft(incident, "note", "Ann", T0 + timedelta(minutes=i), {"text": f"note {i}"}))
    return incident


def raw(path: Path, *statements: str) -> None:
    """What someone with the sqlite3 shell could do."""
    db = sqlite3.connect(path)
    try:
        for statement in statements:
            db.execute(statement)
        db.commit()
    finally:
        db.close()


def verify(path: Path, capsys) -> tuple[int, str]:
    code = main(["journal", "verify", "--journal", str(path)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE events SET data = \'{"text": "rewritten"}\' WHERE seq = 2',
        "DELETE FROM events WHERE seq = 2",
        "UPDATE incidents SET kind = 'drill'",
        "DELETE FROM incidents",
        "REPLACE INTO events (seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data)"
        ' SELECT seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, \'{"text": "x"}\''
        " FROM events WHERE seq = 2",
        "INSERT OR REPLACE INTO events (seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data)"
        " SELECT seq, 'new-uid', incident, kind, actor, happened_at, logged_at, recorded_at, '{\"text\": \"x\"}'"
        " FROM events WHERE seq = 2",
        "INSERT OR REPLACE INTO incidents (id, kind, created_at) SELECT id, 'drill', created_at FROM incidents",
        "INSERT INTO events (seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data)"
        " SELECT seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data FROM events"
        ' WHERE seq = 2 ON CONFLICT (seq) DO UPDATE SET data = \'{"text": "x"}\'',
        "INSERT INTO incidents (id, kind, created_at) SELECT id, kind, created_at FROM incidents WHERE true"
        " ON CONFLICT (id) DO UPDATE SET kind = 'drill'",
        "UPDATE meta SET value = '99'",
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('chained_from', '99')",
    ],
)
def test_every_way_around_append_only_is_refused(tmp_path, statement):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path)
    before = [(e.seq, dict(e.data)) for e in Journal.open(path).entries(incident)]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw(path, statement)
    with Journal.open(path) as journal:
        assert [(e.seq, dict(e.data)) for e in journal.entries(incident)] == before
        assert [r.id for r in journal.incidents("live")] == [incident]  # never turned into a drill
        assert journal.verify().ok


def test_a_dropped_guard_is_found_even_with_nothing_else_changed(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    journal_with_notes(path)
    raw(path, "DROP TRIGGER events_append_only_update")
    code, out = verify(path, capsys)
    assert code == 1
    assert "the append-only guard events_append_only_update is missing" in out


def test_an_entry_altered_with_the_guards_dropped_and_put_back_is_named(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path)
    guard = next(t for t in TRIGGERS if "events_append_only_update " in t)
    raw(
        path,
        "DROP TRIGGER events_append_only_update",
        'UPDATE events SET data = \'{"text": "we never said that"}\' WHERE seq = 3',
        guard,  # put back exactly as it was
    )
    code, out = verify(path, capsys)
    assert code == 1
    assert "#3 altered: its content does not match its hash" in out
    with Journal.open(path) as journal:
        assert journal.readonly and journal.damage  # found on open: never written to
        entries = journal.entries(incident)
        with pytest.raises(WriteFailed, match="failed its checks"):
            journal.append(draft(incident, "note", "Ann", T0, {"text": "more"}))
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]  # shown, marked, not skipped
    assert entries[2].damage.startswith("altered")


def test_an_entry_removed_from_the_middle_or_the_end_is_missing_by_number(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    journal_with_notes(path)
    raw(path, "DROP TRIGGER events_append_only_delete", "DELETE FROM events WHERE seq IN (3, 5)")
    code, out = verify(path, capsys)
    assert code == 1
    assert "#3 is missing: it was removed" in out
    assert "#4 breaks the chain" in out
    assert "#5 is missing" in out  # the last one: only the sequence still remembers it


def test_a_live_incident_turned_into_a_drill_is_found(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path)
    raw(path, "DROP TRIGGER incidents_append_only_update", "UPDATE incidents SET kind = 'drill'")
    code, out = verify(path, capsys)
    assert code == 1 and f"#1 breaks the chain of {incident}" in out


def test_an_entry_slipped_in_without_a_hash_is_found(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path)
    raw(
        path,
        "INSERT INTO events (uid, incident, kind, actor, happened_at, logged_at, recorded_at, data) VALUES"
        f" ('forged', '{incident}', 'decision', 'Mallory', '2026-11-24T05:00:00.000000+00:00',"
        " '2026-11-24T05:00:00.000000+00:00', '2026-11-24T05:00:00.000000+00:00', '{\"text\": \"approved\"}')",
    )
    code, out = verify(path, capsys)
    assert code == 1 and "#6 has no hash" in out


def test_the_first_link_is_the_incidents_row(tmp_path):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path, 0)
    db = sqlite3.connect(path)
    kind, created = db.execute("SELECT kind, created_at FROM incidents").fetchone()
    db.close()
    with Journal.open(path) as journal:
        assert journal.entries(incident)[0].prev == genesis(incident, kind, created)


def _bytes_replaced(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert data.count(old) == 1, "the test needs the text once in the file"
    path.write_bytes(data.replace(old, new))


def test_flipped_bits_in_a_row_show_it_damaged_with_its_number_and_no_traceback(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    incident = journal_with_notes(path)  # closing the last connection folds the log into the file
    _bytes_replaced(path, b'{"text": "note 1"}', b'{"text": "note \x01"}')  # not JSON any more
    with Journal.open(path) as journal:
        entries = journal.entries(incident)
        assert journal.readonly
    [bad] = [e for e in entries if e.damage]
    assert bad.seq == 3 and bad.kind == DAMAGED and "not valid JSON" in bad.damage
    assert main(["incidents", "--journal", str(path)]) == 1
    assert main(["report", incident, "--kind", "timeline", "--journal", str(path)]) == 1
    out = capsys.readouterr().out
    assert "| 3 |" in out and "DAMAGED" in out and "Journal chain head: journal row #5" in out
    code, out = verify(path, capsys)
    assert code == 1 and "#3 damaged: the row cannot be read (its data is not valid JSON)" in out


def test_a_changed_letter_is_an_altered_entry(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    journal_with_notes(path)
    _bytes_replaced(path, b"note 2", b"note 9")
    code, out = verify(path, capsys)
    assert code == 1 and "#4 altered" in out


def test_a_truncated_journal_is_never_read_as_intact(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as journal:
        incident = journal.declare(draft(None, "declared", "Ann", T0, DECLARED)).incident
        for i in range(200):  # several pages
            journal.append(draft(incident, "note", "Ann", T0, {"text": f"note {i} " + "x" * 200}))
    size = path.stat().st_size
    with open(path, "r+b") as out:
        out.truncate(size // 2)
    code, out = verify(path, capsys)
    err = capsys.readouterr().err
    assert code in (1, 2) and "intact" not in out and "Traceback" not in err


def test_a_row_missing_a_key_is_listed_damaged_not_a_crash(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as journal:
        odd = journal.declare(draft(None, "declared", "Ann", T0, {"title": "no severity"}))
    assert main(["incidents", "--journal", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{odd.incident}  DAMAGED  #1 damaged: the declaration lacks" in out


def test_a_format_1_journal_opens_its_old_entries_as_the_legacy_start_of_each_chain(tmp_path, capsys):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for statement in (
        "CREATE TABLE incidents (id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_at TEXT NOT NULL)",
        "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE,"
        " incident TEXT NOT NULL REFERENCES incidents (id), kind TEXT NOT NULL, actor TEXT NOT NULL,"
        " happened_at TEXT NOT NULL, logged_at TEXT NOT NULL, recorded_at TEXT NOT NULL,"
        " data TEXT NOT NULL CHECK (json_valid(data)))",
        "CREATE INDEX events_by_incident ON events (incident, seq)",
        *TRIGGERS[:4],
        "PRAGMA application_id = 1346521676",
        "PRAGMA user_version = 1",
        "INSERT INTO incidents VALUES ('INC-20261124-001', 'live', '2026-11-24T05:00:00.000000+00:00')",
    ):
        db.execute(statement)
    stamp = "2026-11-24T05:00:00.000000+00:00"
    import json

    for uid, kind, data in (("a", "declared", DECLARED), ("b", "note", {"text": "old"})):
        db.execute(
            "INSERT INTO events (uid, incident, kind, actor, happened_at, logged_at, recorded_at, data)"
            " VALUES (?, 'INC-20261124-001', ?, 'Ann', ?, ?, ?, ?)",
            (uid, kind, stamp, stamp, stamp, json.dumps(data)),
        )
    db.close()
    with Journal.open(path, readonly=True) as journal:  # read as it is, unmigrated
        assert [e.kind for e in journal.entries("INC-20261124-001")] == ["declared", "note"]
        assert not journal.damage
    with Journal.open(path) as journal:  # migrated on the first open for writing
        journal.append(draft("INC-20261124-001", "note", "Ann", T0, {"text": "new"}))
        result = journal.verify()
    assert result.ok and result.legacy == 2
    code, out = verify(path, capsys)
    assert code == 0 and "2 entries were recorded before the hash chain" in out


def test_verify_exit_codes(tmp_path, capsys):
    path = tmp_path / "j.sqlite3"
    journal_with_notes(path)
    code, out = verify(path, capsys)
    assert code == 0 and "intact: 5 entries in 1 incident" in out and "chain head #5 sha256:" in out
    assert main(["journal", "verify", "--journal", str(tmp_path / "absent.sqlite3")]) == 2
    (tmp_path / "text.sqlite3").write_text("not a journal")
    assert main(["journal", "verify", "--journal", str(tmp_path / "text.sqlite3")]) == 2


def test_a_mistyped_journal_folder_is_an_error_and_nothing_is_created(tmp_path, capsys):
    wrong = tmp_path / "typo" / "journal.sqlite3"
    assert main(["incidents", "--journal", str(wrong)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["--journal", str(wrong), "drill", "start", "x", "y", "--facilitator", "Ann"]) == 2
    assert not (tmp_path / "typo").exists()


def test_a_journal_on_read_only_media_can_be_listed_reported_and_verified(tmp_path, monkeypatch, capsys):
    path = tmp_path / "archive" / "j.sqlite3"
    path.parent.mkdir()
    incident = journal_with_notes(path)
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    # Read-only media as the journal sees it (root could write anyway).
    monkeypatch.setattr(os, "access", lambda p, mode: not mode & os.W_OK)
    assert main(["incidents", "--journal", str(path)]) == 0
    assert main(["report", incident, "--journal", str(path)]) == 0
    assert main(["journal", "verify", "--journal", str(path)]) == 0
    assert incident in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before  # nothing written beside it


def test_random_bit_flips_and_truncations_are_never_read_silently_partial(tmp_path):
    from benchmarks.fault_journal import DECLARED as FAULT_DECLARED
    from benchmarks.fault_journal import run_damages

    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as journal:
        for n in range(3):
            incident = journal.declare(draft(None, "declared", "Ann", T0, FAULT_DECLARED)).incident
            for i in range(30):
                journal.append(draft(incident, "note", "Ann", T0, {"text": f"{n}.{i} " + "x" * (i * 50)}))
    damages = run_damages(path, 40, seed=12, folder=tmp_path)
    assert len(damages) == 40
    assert [d for d in damages if d.outcome in ("silent", "crashed")] == []
    assert sum(d.outcome == "shown" for d in damages) > 20
