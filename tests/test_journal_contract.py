"""The journal's contract (append, read, verify, follow changes), for every back end.

Each test takes `backend`: today only the SQLite file. A second back end (a shared PostgreSQL
journal for teams) plugs in by adding a parameter to the fixture below and passes these tests
unchanged; its own tamper tests live beside its code, as tests/test_journal_tamper.py does for
SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest

from playbook.journal import (
    Journal,
    JournalStore,
    Outbox,
    WriteFailed,
    chain_hash,
    draft,
    outbox_path,
)

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


@attrs.frozen
class Backend:
    name: str
    open: Callable[..., JournalStore]  # open(readonly=False) -> a journal on the same store
    where: Path  # beside which the outbox file lives


@pytest.fixture(params=["sqlite"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        path = tmp_path / "journal.sqlite3"
        return Backend("sqlite", lambda readonly=False: Journal.open(path, readonly=readonly), path)
    raise AssertionError(request.param)


def declare(journal: JournalStore, title: str = "Screens dark", kind: str = "live", at: datetime = T0):
    data = {"title": title, "type": "outage", "type_title": "Outage", "commander": "Ann", "severity": {"id": "SEV2"}}
    return journal.declare(draft(None, "declared", "Ann", at, data), kind)  # type: ignore[arg-type]


def note(incident: str, text: str, at: datetime = T0):
    return draft(incident, "note", "Ann", at, {"text": text})


def fields(entry) -> dict:
    keys = ("seq", "uid", "incident", "kind", "actor")
    stamps = {
        k: getattr(entry, k).isoformat(timespec="microseconds") for k in ("happened_at", "logged_at", "recorded_at")
    }
    return {k: getattr(entry, k) for k in keys} | stamps | {"data": dict(entry.data)}


def test_what_is_appended_reads_back_in_order_with_every_field(backend):
    with backend.open() as journal:
        declared = declare(journal)
        journal.append(note(declared.incident, 'Ünïcode, "quotes" and\nnew lines', T0 + timedelta(minutes=1)))
        journal.append(draft(declared.incident, "decision", "Bo", T0 + timedelta(minutes=2), {"text": "x", "n": [1]}))
    with backend.open() as journal:
        entries = journal.entries(declared.incident)
    assert [e.kind for e in entries] == ["declared", "note", "decision"]
    assert entries[1].data == {"text": 'Ünïcode, "quotes" and\nnew lines'}
    assert entries[2].actor == "Bo" and entries[2].data == {"text": "x", "n": [1]}
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert not any(e.damage for e in entries)


def test_every_entry_carries_the_documented_hash_chained_to_the_one_before(backend):
    with backend.open() as journal:
        declared = declare(journal)
        other = declare(journal, "another incident")
        for i in range(3):
            journal.append(note(declared.incident, f"n{i}"))
            journal.append(note(other.incident, f"o{i}"))
        entries = journal.entries(declared.incident)
    for before, entry in zip(entries, entries[1:], strict=False):
        assert entry.prev == before.hash  # linked within its incident, whatever came between
    for entry in entries:
        assert entry.hash == chain_hash(fields(entry), entry.prev)


def test_verify_says_intact_and_gives_each_incidents_chain_head(backend):
    with backend.open() as journal:
        first = declare(journal)
        last = journal.append(note(first.incident, "the last word"))
        drill = declare(journal, "practice", kind="drill")
        result = journal.verify()
    assert result.ok and result.findings == () and result.integrity == "ok"
    assert result.entries == 3
    assert str(result.heads[first.incident]) == f"#{last.seq} sha256:{last.hash}"
    assert result.heads[drill.incident].seq == drill.seq


def test_following_the_journal_sees_every_later_entry_from_any_writer(backend):
    with backend.open() as reader, backend.open() as writer:
        declared = declare(writer)
        seen = reader.changes()
        assert [e.uid for e in seen] == [declared.uid]
        b = writer.append(note(declared.incident, "b"))
        c = declare(writer, "second")
        assert [e.uid for e in reader.changes(after=seen[-1].seq)] == [b.uid, c.uid]
        assert [e.uid for e in reader.entries(declared.incident, after=declared.seq)] == [b.uid]


def test_a_retried_write_is_recorded_once(backend):
    with backend.open() as journal:
        declared = declare(journal)
        entry = note(declared.incident, "once")
        assert journal.append(entry).seq == journal.append(entry).seq
        assert [e.kind for e in journal.entries(declared.incident)] == ["declared", "note"]


def test_opened_read_only_it_reads_and_refuses_to_write(backend):
    with backend.open() as journal:
        declared = declare(journal)
    with backend.open(readonly=True) as journal:
        assert journal.readonly
        assert [e.kind for e in journal.entries(declared.incident)] == ["declared"]
        with pytest.raises(WriteFailed):
            journal.append(note(declared.incident, "no"))


def test_incidents_list_live_and_drills_apart_with_their_state(backend):
    with backend.open() as journal:
        live = declare(journal)
        declare(journal, "practice", kind="drill")
        journal.append(draft(live.incident, "closed", "Ann", T0 + timedelta(hours=1)))
        [record] = journal.incidents("live")
        assert record.id == live.incident and not record.is_open and record.problem == ""
        assert journal.kind_of(live.incident) == "live"
        assert [r.kind for r in journal.incidents("drill")] == ["drill"]


def test_the_outbox_replays_after_a_crash_in_order_once_with_both_times(backend):
    file = outbox_path(backend.where)
    with backend.open() as journal:
        declared = declare(journal)
    typed = Outbox(file)  # the journal could not be written: the entries wait on disk
    for i in range(3):
        typed.add(note(declared.incident, f"typed {i}", T0 + timedelta(minutes=i)))
    del typed  # the terminal is closed

    later = T0 + timedelta(hours=2)
    with backend.open() as journal:
        journal.clock = lambda: later  # type: ignore[attr-defined]
        first = Outbox(file).flush(journal)
        again = Outbox(file).flush(journal)  # a second start finds nothing left to record
        entries = journal.entries(declared.incident)
    assert [e.data["text"] for e in first] == ["typed 0", "typed 1", "typed 2"]
    assert again == [] and not file.exists()
    notes = [e for e in entries if e.kind == "note"]
    assert [e.data["text"] for e in notes] == ["typed 0", "typed 1", "typed 2"]
    assert [e.logged_at for e in notes] == [T0 + timedelta(minutes=i) for i in range(3)]
    assert all(e.recorded_at == later for e in notes)


def test_an_outbox_line_torn_by_a_crash_is_skipped_and_the_rest_kept(backend):
    file = outbox_path(backend.where)
    with backend.open() as journal:
        declared = declare(journal)
    Outbox(file).add(note(declared.incident, "whole"))
    with open(file, "a", encoding="utf-8") as out:
        out.write('{"add": {"incident": "INC')  # killed mid-write: never acknowledged
    assert [d.data["text"] for d in Outbox(file).waiting] == ["whole"]
