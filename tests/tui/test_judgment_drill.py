"""The judgment drill played twice with keys alone: once reciting every step past the twist,
once recording the accepted adaptation with `i` (did something else) on the team's board. The
second scores higher on the twist's objective and the debrief says why.

tests/data/judgment, bad-release/one-way: SEV1 steps convene (10), rollback (20), tell (30);
objective `restore` = rollback plus the twist's own item; the twist (minute 15) voids rollback
and accepts a forward fix.
"""

from __future__ import annotations

import re

from tests.conftest import DATA
from tests.tui.pilot import drive, make_app, shown
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_debrief import DrillDebriefScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.form import FormScreen

JUDGMENT = DATA / "judgment"


def play(journal_path, clock, adapt: bool) -> tuple[str, str]:
    """Facilitator Fay sets up and releases the twist; the team declares SEV1, then ticks the
    rollback or records a forward fix instead; Fay ends the drill. Returns the debrief's text."""
    app = make_app(journal_path, JUDGMENT, clock=clock)
    seen: dict[str, str] = {}

    async def script(pilot):
        await pilot.press("f7", "n", "enter", *"Fay", "enter", *"Blue", "enter", *"Ann", "enter", "f5")
        await pilot.pause()
        assert isinstance(app.screen, DrillFacilitatorScreen)
        assert "Gets wrong: Rolling back cannot work" in shown(app)  # the facilitator holds the key
        assert "Evaluator's guide" in shown(app) and "Good: Service back without losing data." in shown(app)
        await pilot.press("p")
        assert isinstance(app.screen, DrillPlayerScreen) and "Gets wrong" not in shown(app)
        await pilot.press("d", "1", "1", *"Cy", "enter")  # Bad release, SEV1, commander Cy
        await settle(pilot)
        assert isinstance(app.screen, DrillBoardScreen)
        clock.advance(seconds=30)
        await pilot.press("escape", "escape", "n")  # the facilitator releases the twist (minute 15)
        clock.advance(seconds=30)
        await pilot.press("p", "b")
        await settle(pilot)
        board = app.screen
        assert "Latest inject · Minute 15  The rollback fails; the migration was one-way." in shown(app)
        board.query_one("#incident-steps").highlighted = next(
            n for n, option in enumerate(board.query_one("#incident-steps").options) if option.id == "rollback"
        )
        if adapt:
            await pilot.press("i", "enter")  # instead of the highlighted step (the first choice)
            assert isinstance(app.screen, FormScreen)
            await pilot.press(*"Fix forward on the new schema", "enter", *"the old code cannot read it", "enter")
        else:
            await pilot.press("d")
        await settle(pilot)
        seen["board"] = shown(app)
        clock.advance(seconds=30)
        await pilot.press("escape", "escape", "x", "1")  # Fay ends the drill: the debrief
        await pilot.pause()
        assert isinstance(app.screen, DrillDebriefScreen)
        seen["debrief"] = shown(app)

    drive(app, script, size=(120, 60))
    return seen["board"], seen["debrief"]


def test_adapting_at_the_twist_beats_reciting_and_the_debrief_says_why(tmp_path, clock):
    recited_board, recited = play(tmp_path / "recite.sqlite3", clock, adapt=False)
    adapted_board, adapted = play(tmp_path / "adapt.sqlite3", clock, adapt=True)
    assert "✓ DONE     Roll back the release" in recited_board
    assert "↷ INSTEAD  Roll back the release  — Fay did something else: Fix forward on the new schema" in adapted_board
    assert "declared at drill minute 0" in adapted_board
    # The log in drill minutes, the wall clock beside it for the record.
    log = next(line for line in adapted_board.splitlines() if "Instead of Roll back the release" in line)
    assert re.search(r"#\d+ min 15 \(\d\d:\d\d\) Fay: Instead of Roll back the release: did something else", log), log
    assert "U  Restore service safely · unable to be performed · 0 %" in recited
    assert "P  Restore service safely · performed without challenges · 100 %" in adapted
    assert "Ticked after the twist, so not credited: Roll back the release." in recited
    assert "The team adapted as a mentor would: Fix forward on the new schema" in adapted
    assert "A mentor accepts: Fix forward on the new schema" in adapted
