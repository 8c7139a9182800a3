"""What the drill and practice screens look like at 80x24 and 120x40, on the mini library.
Update with `--snapshot-update`, and look at the report before accepting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from playbook import drill_run
from playbook.clock import FakeClock
from playbook.drill import Pace
from playbook.journal import Journal
from playbook.library import load
from tests.conftest import MINI, write_library
from tests.tui.pilot import ready
from tui.app import PlaybookApp
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_debrief import DrillDebriefScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_list import DrillListScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.drill_setup import DrillSetupScreen
from tui.screens.practice import PracticeScreen
from tui.screens.recognition import RecognitionScreen

SIZES = [(80, 24), (120, 40)]
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
JOURNAL = "journal.sqlite3"  # relative to the test's folder, so paths on screen are the same everywhere


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def running_drill(finished: bool = False) -> str:
    """Facilitator-advanced: minute 5 out, SEV2 declared at minute 5 by Ann. A finished drill
    runs in real time after the advance instead (declared at minute 5.5) and ends at minute
    34.5, after convene's time box closed (minute 25.5) with convene never done."""
    library = load(MINI).library
    alpha = library.type("alpha")
    pace = Pace.real_time() if finished else Pace.facilitator()
    with Journal.open(JOURNAL) as journal:
        run = drill_run.start(
            journal, library, alpha, alpha.drill("dark"), pace, "Fay", T0, team="Blue", participants="Ann, Bo"
        )
        run = drill_run.advance(journal, run, at(30))
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(60)))
        run = drill_run.load(journal, library, run.id, at(60))
        journal.append(run.board().write("note", "Press holding line agreed", "Bo", at(90)))
        if finished:
            drill_run.finish(journal, drill_run.load(journal, library, run.id, at(1800)), library, "Fay", at(1800))
        return run.id


def screen_for(name: str, app: PlaybookApp):
    library = app.loaded.library
    if name == "setup":
        return DrillSetupScreen(library, facilitator="Fay")
    if name == "practice":
        return PracticeScreen()
    if name == "list":
        running_drill(finished=True)
        running_drill()
        return DrillListScreen()
    if name == "recognition":
        return RecognitionScreen(library, "Cy", "Blue")
    drill_id = running_drill(finished=name in ("debrief", "lesson"))
    journal = Journal.open(JOURNAL)
    if name == "facilitator":
        return DrillFacilitatorScreen(journal, drill_id, library, "Fay")
    if name == "player":
        return DrillPlayerScreen(journal, drill_id, library, "Ann")
    if name == "board":
        return DrillBoardScreen(journal, drill_id, library, "Ann")
    run = drill_run.load(journal, library, drill_id, at(120))
    journal.close()
    return DrillDebriefScreen(run, library)


def practised() -> None:
    from playbook.practice import Kind, PracticeRecord

    with Journal.open(JOURNAL) as journal:
        for days, score, minutes in ((20, 40, 9.0), (10, 65, 7.5), (2, 90, 5.0)):
            record = PracticeRecord(
                when=T0 - timedelta(days=days),
                kind=Kind.DRILL,
                incident="alpha",
                score=score,
                time_to_classify=minutes,
                team="Blue",
                participants=("Ann",),
                drill="dark",
            )
            drill_run.record_recognition(journal, record, "Fay", record.when)


SCREENS = ["list", "setup", "facilitator", "player", "board", "debrief", "lesson", "practice", "recognition"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", SCREENS)
def test_drill_screen(snap_compare, tmp_path, monkeypatch, name, size):
    monkeypatch.chdir(tmp_path)
    if name == "practice":
        practised()
    write_library(tmp_path / "lib", {})
    # Paths on screen (the lesson's file) read lib/alpha.yaml everywhere. The clock stands two
    # minutes into the drill for as long as the snapshot takes.
    app = PlaybookApp(Path("lib"), journal=Path(JOURNAL), clock=FakeClock(at(120)))

    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.app.push_screen(screen_for(name, pilot.app))
        await pilot.pause()
        if name == "lesson":
            await pilot.press("l")  # the missed step as a proposed lesson, before it is appended
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a blinking cursor makes snapshots flaky

    assert snap_compare(app, terminal_size=size, run_before=run_before)
