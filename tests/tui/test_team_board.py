"""The board on a team's PostgreSQL journal, and an observer's read-only app."""

from __future__ import annotations

from pathlib import Path

from playbook.journals import open_journal
from tests.tui.pilot import LIBRARY, declare_sev2, drive, make_app, ready, shown, until
from tui.app import PlaybookApp
from tui.screens.incident import IncidentScreen


def test_two_boards_on_one_postgresql_journal_see_each_others_notes(clock, pg_journal):
    first = make_app(pg_journal, clock=clock)
    drive(first, declare_sev2)
    with open_journal(pg_journal, readonly=True) as journal:
        [record] = journal.incidents()
    second = PlaybookApp(LIBRARY, journal=pg_journal, clock=clock)

    async def other_board(pilot):
        await ready(pilot)
        await pilot.press("f3", "enter", "enter")
        await until(pilot, lambda: isinstance(second.screen, IncidentScreen), "the board from F3")
        assert second.screen.incident_id == record.id
        await pilot.press("n", *"Card payments failing", "enter", "enter")  # the note, then when (now)
        await until(pilot, lambda: "Card payments failing" in shown(second), "the note on the board")

    drive(second, other_board)
    with open_journal(pg_journal, readonly=True) as journal:
        notes = [e for e in journal.entries(record.id) if e.kind == "note"]
        assert [e.data["text"] for e in notes] == ["Card payments failing"]
        assert journal.verify().ok


def test_an_observer_app_writes_nothing_and_keeps_no_outbox(clock, journal_path: Path):
    drive(make_app(journal_path, clock=clock), declare_sev2)
    with open_journal(journal_path, readonly=True) as journal:
        before = journal.changes()
    observer = PlaybookApp(LIBRARY, journal=journal_path, clock=clock, read_only=True)

    async def watch(pilot):
        await ready(pilot)
        await pilot.press("f3", "enter", "enter")
        await until(pilot, lambda: isinstance(observer.screen, IncidentScreen), "the board from F3")
        await until(pilot, lambda: "READ-ONLY" in shown(observer), "the read-only notice")
        await pilot.press("n", *"an observer's note", "enter", "enter")
        await ready(pilot)

    drive(observer, watch)
    with open_journal(journal_path, readonly=True) as journal:
        assert journal.changes() == before
    assert not journal_path.with_name(journal_path.name + ".outbox").exists()
