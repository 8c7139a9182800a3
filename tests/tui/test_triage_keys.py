"""Digits pick answers by their keys: in the ITIL matrix, listed mild to severe, 1 is "1 - High"."""

from __future__ import annotations

from tests.test_triage_frameworks import ITIL
from tests.tui.pilot import drive, shown
from tui.app import PlaybookApp
from tui.screens.response import ResponseScreen
from tui.screens.triage import TriageScreen


def test_pressing_1_picks_the_answer_labelled_1():
    app = PlaybookApp(ITIL)

    async def script(pilot):
        await pilot.press(*"as a tree", "enter")
        assert isinstance(app.screen, TriageScreen) and app.screen.incident.id == "itil-tree"
        text = shown(app)
        # Listed in the order of their digits, each beside the digit that picks it.
        assert text.index("1  1 - High") < text.index("2  2 - Medium") < text.index("3  3 - Low")
        assert "4  Not known yet  (keeps every other answer open)" in text
        await pilot.press("1")
        impact = "How much of the business is affected? 1 - High (the whole business or a vital service)"
        assert f"Path: {impact}" in shown(app)
        await pilot.press("3")
        text = shown(app)
        assert "How soon does the harm grow? 3 - Low (it can wait days)" in text and "P3 Medium" in text
        await pilot.press("backspace", "4")  # not known: the most severe still possible
        assert "P1 Critical" in shown(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ResponseScreen) and app.screen.severity == "P1"

    drive(app, script)


def test_backspace_puts_the_cursor_on_the_answer_being_changed_so_down_moves_to_its_neighbour():
    app = PlaybookApp(ITIL)

    async def script(pilot):
        await pilot.press(*"as a tree", "enter", "1", "3")
        assert "P3 Medium" in shown(app)
        await pilot.press("backspace", "up", "enter")  # from "3 - Low" one up: "2 - Medium"
        assert "How soon does the harm grow? 2 - Medium" in shown(app)

    drive(app, script)
