"""The board on a team's PostgreSQL journal, and an observer's read-only app."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playbook.incident import fold
from playbook.journals import open_journal
from tests.board_process import Board
from tests.tui.pilot import LIBRARY, declare_sev2, drive, make_app, ready, showing, shown, until
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


def _declare(journal: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "playbook", "--journal", journal, "declare", "ransomware", "--commander", "Ann",
         "--answer", "spread=site", "--answer", "operations=degraded"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_two_boards_and_a_script_on_postgresql_see_every_entry_as_it_is_recorded(pg_journal):
    """Three processes on one PostgreSQL journal: a note typed on either board and one logged by
    a script reach both boards, in the journal's order, each soon after it was recorded."""
    incident = _declare(pg_journal)
    boards = [Board(pg_journal, incident, name) for name in ("Ann", "Bo")]
    try:
        for board in boards:
            board.wait_ready()
        recorded: dict[str, float] = {}  # when each note was committed, as its writer knows it
        boards[0].note("from Ann's board")
        boards[0].wait_for(["from Ann's board"])  # her board shows it once it is recorded
        recorded["from Ann's board"] = boards[0].seen["from Ann's board"][1]
        boards[1].note("from Bo's board")
        boards[1].wait_for(["from Bo's board"])
        recorded["from Bo's board"] = boards[1].seen["from Bo's board"][1]
        subprocess.run(
            [sys.executable, "-m", "playbook", "--journal", pg_journal, "log", incident, "--note", "from the script"],
            check=True,
            capture_output=True,
        )
        recorded["from the script"] = time.monotonic()
        for board in boards:
            board.wait_for(list(recorded))
    finally:
        for board in boards:
            board.stop()
    with open_journal(pg_journal, readonly=True) as journal:
        order = [e.data["text"] for e in journal.entries(incident) if e.kind == "note"]
    assert order == list(recorded)
    for board in boards:
        assert sorted(board.seen, key=lambda text: board.seen[text][0]) == order  # the journal's order
        # Generous: the boards follow NOTIFY (benchmarks/follow_latency.py measures how fast).
        late = {text: round(board.seen[text][1] - at, 2) for text, at in recorded.items()}
        assert all(delay < 3.0 for delay in late.values()), late


class CountedReads:
    """A journal that counts the board's reads of entries."""

    def __init__(self, journal) -> None:
        self._journal = journal
        self.reads = 0

    def entries(self, incident: str, after: int = 0):
        self.reads += 1
        return self._journal.entries(incident, after)

    def __getattr__(self, name: str):
        return getattr(self._journal, name)


def test_the_board_reads_when_the_journal_changes_not_on_its_clock_and_stops_following_on_leaving(
    clock, journal_path: Path
):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        incident = app.screen.incident_id
        counted = CountedReads(open_journal(journal_path, clock=clock))
        board = IncidentScreen(counted, incident, app.library, "Bo")  # type: ignore[arg-type]
        await app.push_screen(board)
        await ready(pilot)
        await until(pilot, lambda: counted.reads >= 2, "the follower's first look read what is new")
        before = counted.reads
        for _ in range(5):  # the countdowns move on; nothing is read
            clock.advance(seconds=60)
            board.tick()
        await pilot.pause(1.5)
        assert counted.reads == before and "5 min elapsed" in shown(app)
        with open_journal(journal_path, clock=clock) as other:  # another terminal's note
            state = fold(other.entries(incident))
            other.append(state.write("note", "Cy joined the bridge", "Cy", clock.now()))
        await showing(pilot, "Cy: Note: Cy joined the bridge")
        assert counted.reads > before
        follower = board.follower
        await pilot.press("escape")
        await until(pilot, lambda: follower.thread is not None and not follower.thread.is_alive(), "the follower ends")
        with pytest.raises(sqlite3.ProgrammingError):  # and the board's journal is closed
            counted._journal._db.execute("SELECT 1")

    drive(app, script)


def test_a_board_on_postgresql_says_it_is_offline_and_catches_up_by_itself(pg_cluster, pg_journal):
    incident = _declare(pg_journal)
    app = PlaybookApp(None, journal=pg_journal)  # type: ignore[arg-type]

    async def script(pilot):
        board = IncidentScreen(app.context.open_journal(), incident, app.library, "Ann")
        await app.push_screen(board)
        await ready(pilot)
        pg_cluster.stop("immediate")
        try:
            await showing(pilot, "OFFLINE, reconnecting")
        finally:
            pg_cluster.start()
        with open_journal(pg_journal) as other:  # recorded while the board was reconnecting
            state = fold(other.entries(incident))
            other.append(state.write("note", "written during the outage", "Cy", state.declared_at))
        await showing(pilot, "Cy: Note: written during the outage")
        # The board's own retry may read the note a moment before its follower is back (it rests
        # a second between attempts): the notice must then go by itself, without a key.
        await until(
            pilot, lambda: "OFFLINE" not in shown(app), "the offline notice goes once the follower is back", tries=500
        )
        with open_journal(pg_journal) as other:  # and it follows again, not only caught up once
            other.append(state.write("note", "after the restart", "Cy", state.declared_at))
        await showing(pilot, "Cy: Note: after the restart")

    drive(app, script)
