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
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui import library_app
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


class PlayerApp(LibraryApp):
    CSS_PATH = str(Path(library_app.__file__).with_name("app.tcss"))  # relative paths resolve from this module

    def __init__(self, root: Path | None, drill_id: str, name: str = "") -> None:
        super().__init__(root)
        self.drill_id = drill_id
        self.player_name = name
        self.terminal = uuid.uuid4().hex  # this process, so the facilitator counts each terminal once

    def get_default_screen(self) -> Screen:
        return WaitingScreen()

    def on_library_loaded(self, message) -> None:
        # Textual calls this before LibraryApp's handler, which keeps the library.
        if message.loaded.library is not None:
            self.call_later(self.action_open_drill)

    def open_problems(self) -> None:
        self.screen_stack[0].query_one("#player-waiting", Plain).show(
            "⚠ The library has errors, so the drill cannot be opened: ask the facilitator (playbook validate)."
        )

    def action_open_drill(self) -> None:
        from playbook import drill_run
        from playbook.journal import JournalError
        from tui.screens.drill_player import DrillPlayerScreen

        if self.loaded is None or self.loaded.library is None:
            return
        journal = drill_shared.open_journal(self)
        try:
            screen = DrillPlayerScreen(
                journal, self.drill_id, self.loaded.library, self.player_name, terminal=self.terminal
            )
        except (JournalError, drill_run.DrillRunError) as error:
            journal.close()
            self.screen_stack[0].query_one("#player-waiting", Plain).show(f"⚠ {error}")
            return
        self.push_screen(screen)


def run_player(args, drill_id: str, name: str = "") -> int:
    app = PlayerApp(args.library, drill_id, name)
    app.journal_path = getattr(args, "journal", None)
    app.run()
    return app.return_code or 0  # a crash is not a clean exit for the shell
