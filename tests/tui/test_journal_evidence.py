"""The journal as evidence, in the app: damage shown as damage and never written to, reading
never creates a journal, a failed declaration keeps what was typed, and entries typed while
the journal cannot be written survive the app being killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from playbook.journal import Journal, outbox_path
from tests.tui.pilot import LIBRARY, declare_sev2, drive, make_app, shown
from tests.tui.pilot import ready as settle
from tui.screens.form import FormScreen
from tui.screens.incident import IncidentScreen

ROOT = Path(__file__).resolve().parents[2]


def declared_journal(journal_path: Path, clock) -> str:
    """A journal with one open incident and a note, declared through the app."""
    app = make_app(journal_path)
    found: list[str] = []

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Power back on floor 2", "enter", "enter")
        await settle(pilot)
        found.append(app.screen.incident_id)

    drive(app, script)
    return found[0]


def test_a_damaged_journal_is_shown_damaged_read_only_and_never_written_to(clock, journal_path):
    incident = declared_journal(journal_path, clock)
    db = sqlite3.connect(journal_path)
    db.execute("DROP TRIGGER events_append_only_update")
    db.execute("UPDATE events SET data = '{\"text\": \"Power never went out\"}' WHERE kind = 'note'")
    db.commit()
    db.close()
    before = journal_path.read_bytes()
    app = make_app(journal_path)

    async def script(pilot):
        assert "The journal failed its checks" in shown(app)  # on the first screen, at launch
        await pilot.press("f3")
        await settle(pilot)
        assert "DAMAGED journal, read-only" in shown(app)
        await pilot.press("enter", "enter")  # the incident, then who is typing
        await settle(pilot)
        assert isinstance(app.screen, IncidentScreen)
        text = shown(app)
        assert "DAMAGED journal, read-only" in text and "✓ Every entry recorded" not in text
        assert "⚠ DAMAGED: altered" in text  # the row itself, with its number
        await pilot.press("n", *"Typed anyway", "enter", "enter")
        await settle(pilot)
        assert "UNSAVED" in shown(app)
        assert [d.data["text"] for d in app.screen.outbox.waiting] == ["Typed anyway"]

    drive(app, script)
    assert journal_path.read_bytes() == before
    assert incident


def test_a_row_that_is_not_json_does_not_crash_the_app_at_launch_or_on_f3(clock, journal_path):
    declared_journal(journal_path, clock)
    Journal.open(journal_path).close()
    data = journal_path.read_bytes()
    old = b'{"text": "Power back on floor 2"}'
    journal_path.write_bytes(data.replace(old, b'{"text": "Power back on floor \x02"}'))
    app = make_app(journal_path)

    async def script(pilot):
        assert "The journal failed its checks" in shown(app)
        await pilot.press("f3")
        await settle(pilot)
        assert app.is_running and "DAMAGED" in shown(app)

    drive(app, script)


def test_f3_on_a_missing_journal_creates_nothing_and_a_missing_folder_is_an_error(clock, tmp_path):
    absent = tmp_path / "journal.sqlite3"
    app = make_app(absent)

    async def script(pilot):
        await pilot.press("f3")
        await settle(pilot)
        assert "No incident has been declared yet" in shown(app)

    drive(app, script)
    assert list(tmp_path.iterdir()) == []

    mistyped = tmp_path / "typo" / "journal.sqlite3"
    app = make_app(mistyped)

    async def script_missing(pilot):
        await pilot.press("f3")
        await settle(pilot)
        assert "no such folder" in shown(app)

    drive(app, script_missing)
    assert not (tmp_path / "typo").exists()


def test_a_failed_declaration_keeps_the_title_and_commander_typed(clock, tmp_path):
    app = make_app(tmp_path / "typo" / "journal.sqlite3")  # cannot be created: the folder is missing

    async def script(pilot):
        await pilot.press(*"locked", "enter", "2", "2", "enter", "d")
        await pilot.press(*"Vault 3 locked", "enter", *"Ann Example", "enter")  # typed over the title
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        values = [box.value for box in app.screen.query("Input")]
        assert values == ["Vault 3 locked", "Ann Example"]
        assert "Not declared" in shown(app) and "no such folder" in shown(app)

    drive(app, script)


KILLED = """
import asyncio, sys, time
from tests.tui.pilot import declare_sev2, make_app, ready
from tui.screens import incident as board

app = make_app({journal!r}, {library!r})
async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await declare_sev2(pilot)
        print("declared", app.screen.incident_id, flush=True)
        app.screen.journal.readonly = True  # an outage: the disk is full, or the journal is locked
        await pilot.press("n", *"Typed during the outage", "enter", "enter")
        await pilot.press("k", *"Evacuate floor 2", "enter", "enter")
        await ready(pilot)
        assert "UNSAVED: 2 entries" in str(app.screen.query_one("#incident-saved").content)
        print("unsaved", flush=True)
        time.sleep(60)  # killed here
asyncio.run(main())
"""


def test_entries_unsaved_when_the_app_is_killed_are_recorded_after_restart(clock, journal_path):
    script = textwrap.dedent(KILLED.format(journal=str(journal_path), library=str(LIBRARY)))
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        incident = child.stdout.readline().split()[-1]
        assert child.stdout.readline().strip() == "unsaved", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert outbox_path(journal_path).exists()
    with Journal.open(journal_path) as journal:
        assert [e.kind for e in journal.entries(incident)] == ["declared"]  # not recorded before the kill

    app = make_app(journal_path)  # the next start

    async def script_restart(pilot):
        await settle(pilot)
        assert any("Recorded 2 entries" in str(n.message) for n in app._notifications)

    started = time.monotonic()
    drive(app, script_restart)
    with Journal.open(journal_path) as journal:
        entries = journal.entries(incident)
        assert journal.verify().ok
    assert [(e.kind, e.data.get("text")) for e in entries[1:]] == [
        ("note", "Typed during the outage"),
        ("decision", "Evacuate floor 2"),
    ]
    assert all(e.recorded_at > e.logged_at for e in entries[1:])  # both times kept
    assert not outbox_path(journal_path).exists()
    assert time.monotonic() - started < 60
