"""Drill entries go through the journal's outbox, as the live board's do: made while the journal
cannot be written (locked, read-only, a full disk), they show at once marked UNSAVED, the quit
guard counts them, and they are recorded on the next start, in the order they were made, once.

The mini library's drill `alpha/dark`: injects at minutes 0, 5, 10 and 15; a facilitator-advanced
clock (n releases the next inject)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from playbook import drill_run
from playbook.drill import Pace
from playbook.journal import Journal, outbox_path
from playbook.library import load
from tests.conftest import MINI, write_library
from tests.tui.pilot import T0, drive, make_app, showing, shown, until
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.recognition import RecognitionScreen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library_root(tmp_path):
    return write_library(tmp_path / "lib", {})


def started(journal_path: Path, library_root: Path, declared: bool = False) -> str:
    """A running drill, facilitator-advanced, minute 0 out; with `declared`, minute 5 out and the
    team (Ann) declared SEV2."""
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        if declared:
            run = drill_run.advance(journal, run, T0)
            journal.append(drill_run.declare(run, library, "SEV2", "Ann", T0))
    return run.id


def kinds(journal_path: Path, drill_id: str) -> list[str]:
    with Journal.open(journal_path, readonly=True) as journal:
        return [e.kind for e in journal.entries(drill_id)]


def unwritable(monkeypatch) -> None:
    monkeypatch.setattr("playbook.journal._writable", lambda path: False)  # as a file we may not write


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_injects_released_while_the_journal_cannot_be_written_show_unsaved_and_are_recorded_on_restart(
    clock, library_root, journal_path, monkeypatch
):
    drill_id = started(journal_path, library_root)
    unwritable(monkeypatch)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "f", *"Fay", "enter")
        await showing(pilot, "Minute 0", screen=DrillFacilitatorScreen)
        await pilot.press("n")  # minute 5: the clock moves and inject 2 is out, neither recorded
        text = await showing(
            pilot,
            "Minute 5 · facilitator-advanced",
            "✓ OUT   minute 5  Someone tripped.",
            "◌ UNSAVED: 2 entries not saved yet",
            screen=DrillFacilitatorScreen,
        )
        assert "    5  ◌ UNSAVED Fay: Clock advanced to minute 5" in text
        assert "    5  ◌ UNSAVED Fay: Inject 2 released: Someone tripped." in text
        clock.advance(seconds=30)
        await pilot.press("n")  # minute 10
        await showing(pilot, "✓ OUT   minute 10", "◌ UNSAVED: 4 entries not saved yet")
        await pilot.press("ctrl+q")  # they would be lost with the terminal: a warning first
        await pilot.pause()
        assert app.is_running
        assert any("4 entries are not recorded in the journal yet" in n for n in notices(app))

    drive(app, script)
    assert kinds(journal_path, drill_id) == ["drill-started", "inject"]  # nothing written meanwhile
    assert outbox_path(journal_path).exists()

    monkeypatch.undo()  # the journal can be written again: the next start records them
    again = make_app(journal_path, library_root, clock=clock)
    drive(again, settle)
    assert any("Recorded 4 entries" in n for n in notices(again))
    assert kinds(journal_path, drill_id) == ["drill-started", "inject", *["drill-clock", "inject"] * 2]
    with Journal.open(journal_path) as journal:
        entries = journal.entries(drill_id)
        assert journal.verify().ok
    assert [e.data.get("inject") for e in entries if e.kind == "inject"] == ["start", "hurt", "press"]
    assert not outbox_path(journal_path).exists()


def test_a_declaration_and_a_step_a_player_makes_while_the_journal_cannot_be_written_are_recorded_on_restart(
    clock, library_root, journal_path, monkeypatch
):
    from tui.screens.drill_type_pick import TypePickScreen
    from tui.screens.form import FormScreen
    from tui.screens.pick import PickScreen

    drill_id = started(journal_path, library_root)
    unwritable(monkeypatch)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "enter")  # join as a player
        await pilot.press(*"Bo", "enter")
        await showing(pilot, "Playing as Bo", screen=DrillPlayerScreen)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, TypePickScreen), "the type picker")
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PickScreen), "the severity picker")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the commander's form")
        await pilot.press("enter")  # Bo leads
        # The write is tried in a worker: its refusal shows once it has come back.
        text = await showing(
            pilot, "Convene the team", "◌ UNSAVED: 1 entry not saved yet", "open read-only", screen=DrillBoardScreen
        )
        assert "declared at drill minute 0 (05:00 UTC) · commander Bo" in text
        clock.advance(seconds=60)
        await pilot.press("d")  # convene done
        await pilot.press("n", *"Bridge call open", "enter", "enter")
        await settle(pilot)
        text = await showing(pilot, "◌ UNSAVED: 3 entries not saved yet", screen=DrillBoardScreen)
        assert "◌ UNSAVED min 0 (05:01) Bo: Step done: Convene the team" in text
        assert "◌ UNSAVED min 0 (05:01) Bo: Note: Bridge call open" in text
        await pilot.press("escape")  # leaving warns first, and the entries stay in the outbox
        await pilot.press("escape")
        await showing(pilot, "Declared Alpha incident", "◌ UNSAVED: 3 entries", screen=DrillPlayerScreen)

    drive(app, script)
    assert kinds(journal_path, drill_id) == ["drill-started", "inject"]

    monkeypatch.undo()
    again = make_app(journal_path, library_root, clock=clock)
    drive(again, settle)
    with Journal.open(journal_path) as journal:
        run = drill_run.load(journal, load(library_root).library, drill_id, T0)
    assert [(e.kind, e.actor) for e in run.board_entries] == [("declared", "Bo"), ("step", "Bo"), ("note", "Bo")]
    assert run.board().step("convene").status == "done"


KILLED = """
import asyncio, time
import playbook.journal
from tests.tui.pilot import make_app, ready, showing
from tui.screens.drill_facilitator import DrillFacilitatorScreen

playbook.journal._writable = lambda path: False  # the journal cannot be written: an outage
app = make_app({journal!r}, {library!r})
async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f7", "f", *"Fay", "enter")
        await showing(pilot, "Minute 0", screen=DrillFacilitatorScreen)
        await pilot.press("n")
        await showing(pilot, "UNSAVED: 2 entries not saved yet")
        print("unsaved", flush=True)
        time.sleep(60)  # killed here
asyncio.run(main())
"""


def test_drill_entries_unsaved_when_the_app_is_killed_are_recorded_after_restart(clock, library_root, journal_path):
    drill_id = started(journal_path, library_root)
    script = textwrap.dedent(KILLED.format(journal=str(journal_path), library=str(library_root)))
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline().strip() == "unsaved", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert kinds(journal_path, drill_id) == ["drill-started", "inject"]  # not recorded before the kill

    app = make_app(journal_path, library_root)  # the next start
    drive(app, settle)
    assert any("Recorded 2 entries" in n for n in notices(app))
    with Journal.open(journal_path) as journal:
        entries = journal.entries(drill_id)
        assert journal.verify().ok
    assert [e.kind for e in entries] == ["drill-started", "inject", "drill-clock", "inject"]
    assert entries[-1].data["inject"] == "hurt"
    assert all(e.recorded_at > e.logged_at for e in entries[2:])  # both times kept
    assert not outbox_path(journal_path).exists()


def test_a_recognition_answer_given_while_the_journal_cannot_be_written_is_kept_for_the_history(
    clock, journal_path, monkeypatch
):
    Journal.open(journal_path).close()  # a journal exists, but cannot be written
    unwritable(monkeypatch)
    app = make_app(journal_path, MINI, clock=clock)

    async def script(pilot):
        await pilot.press("f8", "g", *"Cy", "enter", *"Blue", "enter")
        assert isinstance(app.screen, RecognitionScreen)
        await pilot.press("1", "2")
        await settle(pilot)
        text = shown(app)
        assert "Score 100 / 100" in text and "Kept in the practice history." not in text
        assert "◌ UNSAVED: not in the practice history yet" in text and "read-only" in text
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and any("1 entry is not recorded" in n for n in notices(app))

    drive(app, script)
    monkeypatch.undo()
    drive(make_app(journal_path, MINI, clock=clock), settle)
    with Journal.open(journal_path) as journal:
        [record] = drill_run.history(journal)
    assert (record.score, record.participants, record.team) == (100, ("Cy",), "Blue")
