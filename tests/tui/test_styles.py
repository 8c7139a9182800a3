"""The stylesheet styles widgets by their own classes, so a line looks the same on every screen
it is on; the snapshots cover the screens they show, this covers the two they do not."""

from __future__ import annotations

from textual.geometry import Spacing

from tests.tui.pilot import declare_sev2, drive, make_app
from tui.screens.form import FormScreen
from tui.screens.incidents import IncidentsScreen
from tui.widgets.plain import Hint, StatusLine


def test_a_forms_hint_and_the_incident_lists_status_take_their_class_styles(journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, FormScreen)
        hint = app.screen.query_one(Hint)
        muted = hint.styles.color
        assert hint.styles.margin.top == 1 and muted != app.screen.query_one(".form-label").styles.color
        await pilot.press("escape", "escape", "f3")
        assert isinstance(app.screen, IncidentsScreen)
        status = app.screen.query_one(StatusLine)
        assert status.styles.padding == Spacing(0, 1, 0, 1) and status.styles.color == muted

    drive(app, script)
