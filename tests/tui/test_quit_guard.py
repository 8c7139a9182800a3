"""ctrl+q never silently drops an entry the journal has not recorded."""

from __future__ import annotations

from tests.tui.pilot import declare_sev2, drive, make_app, shown
from tests.tui.pilot import ready as settle
from tui.screens.incident import IncidentScreen


def test_ctrl_q_with_unsaved_entries_warns_first_then_quits(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        app.screen.journal.readonly = True  # the next entry cannot be written
        await pilot.press("n", *"Door propped open", "enter", "enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, IncidentScreen) and app.is_running
        assert "1 entries are not saved yet" in " ".join(str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(app, script)


def test_ctrl_q_quits_at_once_when_everything_is_recorded(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        assert "✓ Every entry recorded" in shown(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(app, script)
