"""Reports opened from a drill's board (v) read the drill clock, as its time boxes and status
cadence do: times in drill minutes, the UTC time beside each moment for the record.

The mini library's drill `alpha/dark` at an accelerated pace (x4: one real minute is four drill
minutes); SEV2 gives a status update every 60 minutes and convene a 20-minute box."""

from __future__ import annotations

import pytest

from playbook import drill_run
from playbook.clock import FakeClock
from playbook.drill import Pace
from playbook.journal import Journal
from playbook.library import load
from tests.conftest import write_library
from tests.tui.pilot import T0, drive, make_app, showing
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.report import ReportScreen


@pytest.fixture
def library_root(tmp_path):
    return write_library(tmp_path / "lib", {})


def declared_at_minute_5(journal_path, library_root) -> str:
    """Started at 05:00 at x4; the team (Ann) declared SEV2 75 s in (drill minute 5) and noted
    something at 05:01:30 (drill minute 6)."""
    library = load(library_root).library
    alpha = library.type("alpha")
    stamps = FakeClock(T0)  # the journal records each entry as it is made
    with Journal.open(journal_path, clock=stamps) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.accelerated(4), "Fay", T0)
        stamps.advance(seconds=75)
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", stamps.now()))
        stamps.advance(seconds=15)
        board = drill_run.load(journal, library, run.id, stamps.now()).board()
        journal.append(board.write("note", "Bridge call open", "Ann", stamps.now()))
    return run.id


async def open_report(pilot, number: str) -> str:
    await pilot.press("f7", "enter", *"Ann", "enter")
    await showing(pilot, "Playing as Ann", screen=DrillPlayerScreen)
    await pilot.press("b")
    await showing(pilot, "Convene the team", screen=DrillBoardScreen)
    await pilot.press("v", number)
    await showing(pilot, "drill minute", screen=ReportScreen)
    return pilot.app.screen.text


def test_the_status_update_from_a_drill_board_counts_in_drill_minutes(clock, library_root, journal_path):
    declared_at_minute_5(journal_path, library_root)
    clock.advance(seconds=150)  # 05:02:30, x4: drill minute 10
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        text = await open_report(pilot, "1")
        assert "Times are drill minutes (accelerated x4)" in text
        assert "as of drill minute 10 (05:02 UTC)" in text
        assert "declared drill minute 5 (05:01 UTC) (5 drill minutes ago)" in text
        assert "- drill minute 6 (05:01 UTC): Note: Bridge call open" in text
        assert "Open: Convene the team — Incident commander (Ann), due drill minute 25" in text
        assert "Next update due drill minute 65 (every 1 hour)." in text  # the cadence in drill minutes
        assert "2026-11-24" not in text  # never a wall-clock date standing alone for a drill time

    drive(app, script)


def test_a_drill_timeline_gives_each_entry_its_drill_minute_and_an_overdue_box_in_drill_time(
    clock, library_root, journal_path
):
    declared_at_minute_5(journal_path, library_root)
    clock.advance(seconds=420)  # 05:07, x4: drill minute 28, convene (due minute 25) overdue
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        text = await open_report(pilot, "3")  # the timeline
        assert "| Operational period | drill minute 5 (05:01 UTC) to drill minute 28 (05:07 UTC) (open) |" in text
        assert "| 2 | drill minute 6 (05:01 UTC) | Ann | Note: Bridge call open |" in text
        await pilot.press("escape", "v", "2")  # the executive summary
        await showing(pilot, "Executive summary", screen=ReportScreen)
        summary = pilot.app.screen.text
        assert "| Status | open, 23 drill minutes after declaration |" in summary
        assert "1 overdue |" in summary  # by the drill clock; by the wall clock only 6 minutes passed

    drive(app, script)
