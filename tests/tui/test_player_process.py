"""A player's process (`playbook drill join`) has no way to facilitator material: not by any key,
not by the command palette, not by a CLI option; the join command the facilitator's view
prints, run as printed in a second process, joins (and the facilitator sees who).

The mini library's drill alpha/dark: the twist's facilitator note is "Who steps up?"; the
drill expects SEV2 with one objective, "Take command".
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.command import CommandList

from playbook import drill_run
from playbook.cli import parser
from playbook.clock import Clock
from playbook.drill import Pace
from playbook.journal import Journal
from playbook.library import load
from tests.conftest import write_library
from tests.tui.pilot import T0, ready, shown, until
from tui.player_app import PlayerApp
from tui.screens.drill_player import DrillPlayerScreen

# What only a facilitator may see: the notes, the expected answer, scores, lessons.
FACILITATOR_ONLY = ("Who steps up?", "Facilitator", "Expected", "Take command", "Propose a lesson", "/ 100")
FACILITATOR_SCREENS = ("drill_facilitator", "drill_debrief", "drill_list", "drill_setup", "practice", "find")
KEYS = [*"abcdefghijklmnopqrstuvwxyz", *"0123456789", *(f"f{n}" for n in range(1, 11)), "enter", "tab"]


@pytest.fixture
def library_root(tmp_path):
    return write_library(tmp_path / "lib", {})


def started_drill(journal_path: Path, library_root: Path, ended: bool = False) -> str:
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        for _ in alpha.drill("dark").injects[1:]:  # every inject out, the twist too
            run = drill_run.advance(journal, drill_run.load(journal, library, run.id, T0), T0)
        if ended:
            drill_run.finish(journal, drill_run.load(journal, library, run.id, T0), library, "Fay", T0)
    return run.id


def facilitator_material(app) -> list[str]:
    problems = [
        f"screen {type(s).__module__}"
        for s in app.screen_stack
        if type(s).__module__.split(".")[-1] in FACILITATOR_SCREENS
    ]
    text = shown(app)
    return problems + [word for word in FACILITATOR_ONLY if word in text]


async def back_to_the_drill(pilot) -> None:
    for _ in range(6):
        if isinstance(pilot.app.screen, DrillPlayerScreen):
            return
        await pilot.press("escape")
    assert isinstance(pilot.app.screen, DrillPlayerScreen), type(pilot.app.screen)


def play(journal_path: Path, library_root: Path, drill_id: str, script, clock: Clock) -> None:
    app = PlayerApp(library_root, drill_id, "Pat", journal=journal_path, clock=clock)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(pilot)
            await until(pilot, lambda: isinstance(app.screen, DrillPlayerScreen), "the player view")
            await script(pilot)

    asyncio.run(main())


@pytest.mark.parametrize("ended", [False, True], ids=["running", "ended"])
def test_no_key_in_a_players_process_reaches_facilitator_material(clock, journal_path, library_root, ended):
    drill_id = started_drill(journal_path, library_root, ended)

    async def script(pilot):
        assert "The commander is away." in shown(pilot.app)  # the twist's message is the players'
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause()
            assert facilitator_material(pilot.app) == [], f"after {key!r}"
            await back_to_the_drill(pilot)
        if ended:  # after the drill: the hot wash, never the scored debrief
            await pilot.press("h")
            assert "What went well" in shown(pilot.app) and facilitator_material(pilot.app) == []

    play(journal_path, library_root, drill_id, script, clock)


@pytest.mark.parametrize("query", ["facilitat", "debrief", "lesson", "drills", "practice", "score", "edit"])
def test_the_command_palette_of_a_players_process_offers_no_way_to_facilitator_material(
    clock, journal_path, library_root, query
):
    drill_id = started_drill(journal_path, library_root)

    async def script(pilot):
        await pilot.press("ctrl+p", *query)
        await pilot.pause(0.3)
        found = pilot.app.screen.query(CommandList)
        hits = [str(option.prompt) for option in found.first().options] if found else []
        assert not any(
            word in hit.lower()
            for hit in hits
            for word in ("facilitat", "debrief", "lesson", "drill", "practice", "edit")
        ), hits

    play(journal_path, library_root, drill_id, script, clock)


def test_drill_join_takes_no_option_that_opens_facilitator_material():
    top = parser()
    drill = top._subparsers._group_actions[0].choices["drill"]
    join = drill._subparsers._group_actions[0].choices["join"]
    options = {option for action in join._actions for option in action.option_strings}
    assert options == {"-h", "--help", "--name", "--library", "--journal", "--read-only"}  # read-only grants less


def test_a_players_process_never_imports_the_facilitators_screens(tmp_path, library_root):
    journal_path = tmp_path / "journal.sqlite3"
    drill_id = started_drill(journal_path, library_root, ended=True)
    script = f"""
import asyncio, sys
from tui.player_app import PlayerApp
app = PlayerApp({str(library_root)!r}, {drill_id!r}, "Pat", journal={str(journal_path)!r})
async def main():
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        for key in "tbdhr":
            await pilot.press(key)
            await pilot.press("escape")
asyncio.run(main())
print(" ".join(sorted(m for m in sys.modules if m.startswith(("tui.", "playbook.writeback", "playbook.lesson_draft")))))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    loaded = out.stdout.split()
    assert "tui.screens.drill_player" in loaded
    for module in (
        "tui.screens.drill_facilitator",
        "tui.screens.drill_debrief",
        "tui.screens.drill_list",
        "playbook.writeback",
        "playbook.lesson_draft",
        "tui.editing",
    ):
        assert module not in loaded


def test_the_join_command_the_facilitator_is_shown_joins_when_run_as_printed(tmp_path, library_root):
    journal_path = tmp_path / "a journal.sqlite3"  # a space: the printed command must quote it
    drill_id = started_drill(journal_path, library_root)
    command = drill_run.join_command(drill_id, journal_path, library_root)
    assert f"--library {shlex.quote(str(library_root))}" in command
    argv = shlex.split(command)
    assert argv[0] == "playbook"
    executable = Path(sys.executable).with_name("playbook")
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    process = subprocess.Popen([str(executable), *argv[1:]], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        players: tuple[str, ...] = ()
        while time.monotonic() < deadline and not players:
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.5)
            with Journal.open(journal_path) as journal:
                players = drill_run.load(journal, load(library_root).library, drill_id, T0).players
        assert players == ("a player not yet named",)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_player_on_a_journal_that_is_not_there_is_told_so_not_shown_a_traceback(tmp_path, library_root, clock):
    missing = tmp_path / "elsewhere" / "journal.sqlite3"  # a mistyped --journal: nothing is created
    app = PlayerApp(library_root, "any-drill", "Pat", journal=missing, clock=clock)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await ready(pilot)
            assert "⚠" in shown(app) and "Enter: try again" in shown(app)
            assert app.is_running and not missing.exists()

    asyncio.run(main())
