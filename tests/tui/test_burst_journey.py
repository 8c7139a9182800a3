"""The whole journey typed as one burst, as tmux, a paste or an SSH link with latency delivers it:
search words, Enter, one digit per question, Enter, declare. No key may be lost or go astray."""

from __future__ import annotations

from tests.tui.pilot import LIBRARY, drive, type_at_once
from tui.app import PlaybookApp
from tui.screens.find import FindScreen
from tui.screens.response import ResponseScreen
from tui.screens.triage import TriageScreen


def test_search_enter_and_answers_in_one_burst_reach_the_response():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FindScreen)
        await type_at_once(pilot, *"locked", "enter", "2", "2", "enter")
        for _ in range(20):  # let each pushed screen finish mounting
            await pilot.pause()
        assert isinstance(app.screen, ResponseScreen), type(app.screen).__name__
        assert app.screen.incident.id == "locked-files" and app.screen.severity == "SEV2"
        # Exactly one triage and one response were opened, and the search box kept only the words.
        names = [type(screen).__name__ for screen in app.screen_stack]
        assert names.count("TriageScreen") == 1 and names.count("ResponseScreen") == 1
        assert app.screen_stack[0].query_one("#query").value == "locked"

    drive(app, script)


def test_a_burst_after_enter_answers_the_first_question():
    app = PlaybookApp(LIBRARY)

    async def script(pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
        await type_at_once(pilot, *"locked", "enter", "2")
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, TriageScreen)
        assert len(app.screen.walk.answered) == 1

    drive(app, script)
