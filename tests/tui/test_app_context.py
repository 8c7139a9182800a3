"""What the open screens hold that others need comes through the app context (OnScreen), and is
forgotten when the screen closes: a response triaged after the team has left its drill declares
a live incident, and a board or a form that has been closed no longer holds up ctrl+q."""

from __future__ import annotations

from tests.conftest import write_library
from tests.tui.pilot import declare_sev2, drive, make_app, shown
from tests.tui.pilot import ready as settle
from tests.tui.test_drill import set_up
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.form import FormScreen
from tui.screens.incident import IncidentScreen
from tui.screens.response import ResponseScreen


def declare_words(app) -> str:
    return app.screen.active_bindings["d"].binding.description


def test_the_response_declares_into_the_drill_only_while_its_player_view_is_open(clock, tmp_path, journal_path):
    app = make_app(journal_path, write_library(tmp_path / "lib", {}), clock=clock)

    async def script(pilot):
        await set_up(pilot)
        await pilot.press("n", "p", "t", "1", "1", "2", "enter")  # the team triages: SEV2's response
        assert isinstance(app.screen, ResponseScreen) and declare_words(app) == "Declare (drill)"
        await pilot.press("escape", "escape")  # the response, then the triage
        assert isinstance(app.screen, DrillPlayerScreen)
        await pilot.press("escape")  # the team leaves its drill
        assert isinstance(app.screen, DrillFacilitatorScreen)
        assert app.context.on_screen.drill is None
        await app.open_triage(app.library.types[0])
        await pilot.press("1", "2", "enter")
        assert isinstance(app.screen, ResponseScreen) and declare_words(app) == "Declare a live incident"
        await pilot.press("d")
        assert isinstance(app.screen, FormScreen) and "Declare a live incident" in shown(app)

    drive(app, script)


def test_a_board_left_no_longer_holds_up_ctrl_q(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        app.screen.journal.readonly = True
        await pilot.press("n", *"Door propped open", "enter", "enter")
        await settle(pilot)
        assert len(app.context.on_screen.writers) == 1
        await pilot.press("escape", "escape")  # warned, then left: the note waits in the outbox file
        assert not isinstance(app.screen, IncidentScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.context.on_screen.writers == [] and not app.is_running

    drive(app, script)


def test_a_cancelled_form_no_longer_holds_up_ctrl_q(journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Half a thou")
        await pilot.pause()
        await pilot.press("escape")  # cancelled: the text was thrown away on purpose
        await pilot.pause()
        assert isinstance(app.screen, IncidentScreen) and app.context.on_screen.forms == []
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(app, script)
