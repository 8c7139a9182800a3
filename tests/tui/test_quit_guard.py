"""ctrl+q never silently drops an entry the journal has not recorded, nor text half-typed into
a form: it warns every time, and only a second ctrl+q straight after the warning quits."""

from __future__ import annotations

from tests.tui.pilot import declare_sev2, drive, make_app, shown
from tests.tui.pilot import ready as settle
from tui.screens.form import FormScreen
from tui.screens.incident import IncidentScreen


def warnings(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


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
        assert any("1 entry is not recorded in the journal yet" in w for w in warnings(app))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running

    drive(app, script)


def test_the_warning_comes_again_for_a_later_outage(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        board = app.screen
        board.journal.readonly = True
        await pilot.press("n", *"First outage", "enter", "enter")
        await settle(pilot)
        await pilot.press("ctrl+q")  # warned once
        await pilot.pause()
        board.journal.readonly = False  # the journal is back: the note is recorded
        board.writer.flush()
        await settle(pilot)
        assert len(board.outbox) == 0
        clock.advance(seconds=60)  # later, a second outage
        board.journal.readonly = True
        await pilot.press("n", *"Second outage", "enter", "enter")
        await settle(pilot)
        app._notifications.clear()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "a second outage must warn again, never quit at once"
        assert any("not recorded in the journal yet" in w for w in warnings(app))

    drive(app, script)


def test_ctrl_q_with_a_half_typed_note_warns_and_keeps_the_text(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Half a thou")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, FormScreen)
        assert any("“Record a note” is not saved" in w for w in warnings(app))
        assert app.screen.half_typed

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
