"""What the PostgreSQL journal adds to the contract (tests/test_journal_contract.py runs that on it
too), against a real server the test run starts: the database refuses changes, verify finds what
gets around it, concurrent writers on several machines, notifications, restarts, copies."""

from __future__ import annotations

import multiprocessing
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from playbook.journal import Journal, JournalError, WriteFailed, draft
from playbook.journal_pg import PgJournal, redacted
from playbook.journals import copy_journal, open_journal
from tests.postgres import ADMIN, OWNER

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def declare(journal, title: str = "Payments down", kind: str = "live"):
    data = {"title": title, "type": "outage", "type_title": "Outage", "commander": "Ann", "severity": {"id": "SEV1"}}
    return journal.declare(draft(None, "declared", "Ann", T0, data), kind)


def note(incident: str, text: str, actor: str = "Ann"):
    return draft(incident, "note", actor, T0 + timedelta(minutes=1), {"text": text})


def as_role(url: str, role: str) -> str:
    return url.replace("playbook_app@", f"{role}@", 1)


def run_sql(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE events SET data = \'{"text": "rewritten"}\'',
        "DELETE FROM events",
        "TRUNCATE events",
        "UPDATE incidents SET kind = 'drill'",
        "DELETE FROM incidents",
        "INSERT INTO events SELECT * FROM events LIMIT 1 ON CONFLICT (seq) DO UPDATE SET actor = 'Mallory'",
        "UPDATE playbook_meta SET value = '0'",
    ],
)
def test_the_application_role_may_not_change_or_remove_anything(pg_journal, statement):
    with open_journal(pg_journal) as journal:
        declared = declare(journal)
        journal.append(note(declared.incident, "the bank's line is down"))
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        run_sql(pg_journal, statement)
    with open_journal(pg_journal, readonly=True) as journal:
        assert journal.verify().ok
        assert [e.kind for e in journal.entries(declared.incident)] == ["declared", "note"]


def test_even_the_owner_is_stopped_by_the_triggers(pg_journal):
    with open_journal(pg_journal) as journal:
        declare(journal)
    for statement in ("UPDATE events SET actor = 'x'", "DELETE FROM events", "TRUNCATE incidents CASCADE"):
        with pytest.raises(psycopg.Error, match="append-only|permission denied"):
            run_sql(as_role(pg_journal, OWNER), statement)


def test_verify_names_what_a_superuser_did_around_the_guards(pg_journal):
    with open_journal(pg_journal) as journal:
        declared = declare(journal)
        for text in ("one", "two", "three"):
            journal.append(note(declared.incident, text))
    admin = as_role(pg_journal, ADMIN)
    run_sql(admin, "ALTER TABLE events DISABLE TRIGGER events_append_only")
    run_sql(admin, "UPDATE events SET data = '{\"text\": \"TWO\"}' WHERE data LIKE '%two%'")
    run_sql(admin, "DELETE FROM events WHERE data LIKE '%three%'")
    with open_journal(pg_journal, readonly=True) as journal:
        found = [str(f) for f in journal.verify().findings]
    assert any("events_append_only is missing or disabled" in f for f in found)
    assert "#3 altered: its content does not match its hash" in found
    assert "#4 is missing: it was removed" in found or any(f.startswith("#4") for f in found)
    # A damaged journal is evidence: opened read-only, never written to.
    with open_journal(pg_journal) as journal:
        assert journal.readonly and journal.damage
        with pytest.raises(WriteFailed):
            journal.append(note(declared.incident, "more"))


def test_a_role_that_may_update_is_named_by_verify(pg_journal):
    with open_journal(pg_journal) as journal:
        declare(journal)
    run_sql(as_role(pg_journal, OWNER), "GRANT UPDATE ON events TO playbook_app")
    with open_journal(pg_journal, readonly=True) as journal:
        assert any("may UPDATE events" in str(f) for f in journal.verify().findings)


def _writer(url: str, incident: str, actor: str, count: int) -> None:
    with PgJournal.open(url) as journal:
        for i in range(count):
            journal.append(note(incident, f"{actor} {i}", actor))


def test_concurrent_writers_on_several_machines_leave_no_gap_and_no_clash(pg_journal):
    with open_journal(pg_journal) as journal:
        first = declare(journal).incident
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(pg_journal, first, f"w{n}", 25)) for n in range(3)]
    declarers = [context.Process(target=_declarer, args=(pg_journal,)) for _ in range(2)]
    for process in writers + declarers:
        process.start()
    for process in writers + declarers:
        process.join(60)
        assert process.exitcode == 0
    with open_journal(pg_journal, readonly=True) as journal:
        result = journal.verify()
        entries = journal.changes()
        incidents = journal.incidents()
    assert result.ok, result.findings
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert len(entries) == 1 + 75 + 2 * 5
    assert len({r.id for r in incidents}) == 11
    for n in range(3):  # each writer's entries in the order it wrote them
        mine = [e.data["text"] for e in entries if e.actor == f"w{n}"]
        assert mine == [f"w{n} {i}" for i in range(25)]


def _declarer(url: str) -> None:
    with PgJournal.open(url) as journal:
        for _ in range(5):
            declare(journal)


def test_another_machines_entry_wakes_a_follower_within_a_second(pg_journal):
    with open_journal(pg_journal) as journal:
        incident = declare(journal).incident
    follower = PgJournal.open(pg_journal)
    follower.wait(0.01)  # listening from now on
    woke: list[float] = []

    def follow() -> None:
        start = time.monotonic()
        if follower.wait(5):
            woke.append(time.monotonic() - start)

    thread = threading.Thread(target=follow)
    thread.start()
    time.sleep(0.3)
    with PgJournal.open(pg_journal) as other:
        other.append(note(incident, "from the other board"))
    thread.join(6)
    assert woke and woke[0] < 1.5
    assert follower.changes(after=1)[-1].data == {"text": "from the other board"}
    follower.close()


def test_a_server_restart_fails_one_write_then_the_journal_reconnects(pg_cluster, pg_journal):
    journal = PgJournal.open(pg_journal)
    incident = declare(journal).incident
    pg_cluster.stop("immediate")
    try:
        with pytest.raises(WriteFailed, match="not recorded"):
            journal.append(note(incident, "typed while the server was down"))
    finally:
        pg_cluster.start()
    recorded = journal.append(note(incident, "after the restart"))
    assert recorded.seq == 2
    assert journal.verify().ok
    journal.close()


def test_the_server_stamps_when_an_entry_was_recorded(pg_journal):
    with open_journal(pg_journal) as journal:
        entry = declare(journal)
    assert abs(entry.recorded_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert entry.happened_at == T0 and entry.logged_at == T0  # what the writer said, as said


def test_a_newer_format_or_a_foreign_database_is_refused_and_left_untouched(pg_cluster):
    name = pg_cluster.fresh_database("foreign_one")
    owner = pg_cluster.url(OWNER, name)
    run_sql(owner, "CREATE TABLE events (id int)")
    with pytest.raises(JournalError, match="not one"):
        PgJournal.open(owner)
    url = pg_cluster.journal("newer_one")
    run_sql(as_role(url, ADMIN), "ALTER TABLE playbook_meta DISABLE TRIGGER ALL")
    run_sql(as_role(url, ADMIN), "UPDATE playbook_meta SET value = '99' WHERE key = 'format'")
    with pytest.raises(JournalError, match="format 99, newer"):
        PgJournal.open(url)


def test_a_role_that_may_not_create_is_told_how_to_start_a_journal(pg_cluster):
    name = pg_cluster.fresh_database("not_created")
    with pytest.raises(JournalError, match="journal init"):
        PgJournal.open(pg_cluster.url("playbook_app", name))


def test_copy_between_sqlite_and_postgresql_keeps_every_hash(pg_journal, tmp_path: Path):
    source = tmp_path / "source.sqlite3"
    with Journal.open(source) as journal:
        declared = declare(journal)
        for text in ('Ünïcode and "quotes"', "second"):
            journal.append(note(declared.incident, text))
        declare(journal, "a drill", kind="drill")
        heads = journal.verify().heads
    there = copy_journal(source, pg_journal)
    assert there.ok and dict(there.heads) == dict(heads)
    back = tmp_path / "back.sqlite3"
    again = copy_journal(pg_journal, back)
    assert again.ok and dict(again.heads) == dict(heads)
    with Journal.open(source, readonly=True) as a, Journal.open(back, readonly=True) as b:
        assert a.export_rows() == b.export_rows()
    with pytest.raises(JournalError, match="already holds incidents"):
        copy_journal(source, pg_journal)


def test_passwords_never_reach_messages():
    assert redacted("postgresql://app:s3cret@db.example:5432/journal") == "postgresql://app:***@db.example:5432/journal"
    assert redacted("postgresql://app@db/journal") == "postgresql://app@db/journal"
