"""A player's process: `playbook drill join`. The app opens on one drill's player view and has
no way to the facilitator's material: no drill list, no facilitator view, no debrief with its
expected answers and scores, no lesson write-back, no editor, and a command palette of the
system commands only. None of those screens is even imported here (tests check sys.modules), so
separation is by the process, not by a player's good manners.

What a player can do: read the briefing and the injects as they come out, triage with the
library's own triage, declare, work the team board (it shows each new inject with a notice),
and after the drill join the hot wash.
"""

from __future__ import annotations

import uuid
from argparse import Namespace
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from playbook.clock import SYSTEM_CLOCK, Clock
from tui import library_app
from tui.context import LibraryLoaded
from tui.library_app import LibraryApp
from tui.screens import drill_shared
from tui.widgets.plain import Plain


class WaitingScreen(Screen):
    """Under the player view: where a player lands on leaving it (Enter goes back)."""

    BINDINGS = [Binding("enter", "app.open_drill", "Back to the drill", id="player.back_to_drill")]

    def compose(self) -> ComposeResult:
        yield Plain(f"{drill_shared.DRILL_MARK} · player", classes="title drill-title")
        yield Plain("Opening the drill… Enter: the drill's player view · ctrl+q: quit", id="player-waiting")
        yield Footer()

    def say(self, text: str) -> None:
        self.query_one("#player-waiting", Plain).show(text)


class PlayerApp(LibraryApp):
    CSS_PATH = str(Path(library_app.__file__).with_name("app.tcss"))  # relative paths resolve from this module

    def __init__(
        self,
        root: Path | None,
        drill_id: str,
        name: str = "",
        *,
        journal: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        super().__init__(root, journal=journal, clock=clock)
        self.drill_id = drill_id
        self.player_name = name
        self.terminal = uuid.uuid4().hex  # this process, so the facilitator counts each terminal once

    def get_default_screen(self) -> Screen:
        self.waiting = WaitingScreen()  # kept: what stops the drill from opening is said there
        return self.waiting

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        # Textual calls this before LibraryApp's handler, which keeps the library.
        if message.loaded.library is not None:
            self.call_later(self.action_open_drill)

    def open_problems(self) -> None:
        self.waiting.say(
            "⚠ The library has errors, so the drill cannot be opened: ask the facilitator (playbook validate)."
        )

    def action_open_drill(self) -> None:
        from playbook import drill_run
        from playbook.journal import JournalError
        from tui.screens.drill_player import DrillPlayerScreen

        if self.loaded is None or self.loaded.library is None:
            return
        try:
            journal = self.context.open_journal()  # a player joins a drill: never creates a journal
        except JournalError as error:
            self.waiting.say(f"⚠ {error} · Enter: try again · ctrl+q: quit")
            return
        try:
            screen = DrillPlayerScreen(
                journal, self.drill_id, self.loaded.library, self.player_name, terminal=self.terminal
            )
        except (JournalError, drill_run.DrillRunError) as error:
            journal.close()
            self.waiting.say(f"⚠ {error}")
            return
        self.push_screen(screen)


def run_player(args: Namespace, drill_id: str, name: str = "") -> int:
    app = PlayerApp(args.library, drill_id, name, journal=args.journal, clock=args.clock)
    app.run()
    return app.return_code or 0  # a crash is not a clean exit for the shell
