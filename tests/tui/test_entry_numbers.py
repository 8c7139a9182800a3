"""On a drill's board, entries carry the team's own numbers (#1 its declaration), not the
journal's rows (the drill's set-up, injects and clock moves come first): in the log, in the
correction pick list, and in the toast that says an entry was recorded. A correction picked by
that number still points at the entry's journal key."""

from __future__ import annotations

import pytest

from playbook import drill_run
from playbook.drill import Pace
from playbook.journal import Journal
from playbook.library import load
from tests.conftest import write_library
from tests.tui.pilot import T0, drive, make_app, showing
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.pick import PickScreen


@pytest.fixture
def library_root(tmp_path):
    return write_library(tmp_path / "lib", {})


def test_a_drill_board_numbers_the_teams_entries_from_its_declaration(clock, library_root, journal_path):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        run = drill_run.advance(journal, run, T0)  # rows 1 to 4: the drill's own
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", T0))  # row 5
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "enter", *"Ann", "enter")
        await showing(pilot, "Playing as Ann", screen=DrillPlayerScreen)
        await pilot.press("b")
        await showing(pilot, "Convene the team", screen=DrillBoardScreen)
        await pilot.press("n", *"Floor 3 evacuated", "enter", "enter")
        await settle(pilot)
        await showing(pilot, "#2 min 5 (05:00) Ann: Note: Floor 3 evacuated", screen=DrillBoardScreen)
        assert "Recorded #2, dated 05:00" in [str(n.message) for n in app._notifications]
        await pilot.press("e")
        assert isinstance(app.screen, PickScreen)
        text = await showing(pilot, "#2 min 5 (05:00) Note: Floor 3 evacuated", "#1 min 5 (05:00) Declared")
        assert "#6" not in text and "#5" not in text
        await pilot.press("1", *"Floor 4", "enter")  # the newest first: the note
        await settle(pilot)
        await showing(pilot, "#3 min 5 (05:00) Ann: Correction of #2: Floor 4", "[corrected by #3]")

    drive(app, script)
    with Journal.open(journal_path) as journal:
        *_, note, correction = journal.entries(run.id)
    assert (note.seq, correction.data["corrects"]) == (6, 6)  # the journal's key, not the number shown
