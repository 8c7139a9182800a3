"""What the app does to paint its first screen quickly must leave nothing behind: the garbage
collector paused for the start is running again once the screen is up (or the app has stopped),
and a screen given its width class before it is styled is styled for that width once."""

from __future__ import annotations

import gc

import pytest
from textual.app import App
from textual.screen import Screen

from tests.tui.pilot import LIBRARY, drive, make_app
from tui.screens.find import FindScreen
from tui.screens.triage import TriageScreen


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("before", [True, False], ids=["collecting", "paused by the caller"])
def test_the_collector_is_paused_only_until_the_first_paint(collector, journal_path, before):
    (gc.enable if before else gc.disable)()
    app = make_app(journal_path)
    seen = []

    async def script(pilot):
        seen.append(gc.isenabled())

    drive(app, script)
    assert seen == [before]
    assert gc.isenabled() is before


def test_an_app_that_stops_before_it_paints_resumes_the_collector(collector, journal_path):
    gc.enable()
    app = make_app(journal_path)
    app.on_load()
    assert not gc.isenabled()
    app.on_unmount()  # the first paint never came
    assert gc.isenabled()
    app.resume_collector()  # a late paint changes nothing
    assert gc.isenabled()


@pytest.mark.parametrize(("width", "kind"), [(80, "-narrow"), (120, "-wide")])
def test_screens_are_styled_for_their_width_once(journal_path, monkeypatch, width, kind):
    restyled: list[tuple[str, list[str]]] = []
    real = App.update_styles

    def update_styles(self, node=None, animate=True):
        if isinstance(node, Screen):
            restyled.append((type(node).__name__, sorted(node.classes)))
        real(self, node, animate)

    monkeypatch.setattr(App, "update_styles", update_styles)
    app = make_app(journal_path, LIBRARY)

    async def script(pilot):
        assert isinstance(app.screen, FindScreen) and kind in app.screen.classes
        await app.open_triage(app.library.types[0])
        await pilot.pause()
        assert isinstance(app.screen, TriageScreen) and kind in app.screen.classes
        # Each screen styled once, already of its width: not first without it, then again with it.
        assert restyled == [("FindScreen", [kind]), ("TriageScreen", [kind])]

    drive(app, script, size=(width, 24))
