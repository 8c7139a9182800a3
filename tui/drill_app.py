"""The app opened on one drill: `playbook drill start` (the facilitator's view) and `playbook
drill join` (a player's view, from a second terminal)."""

from __future__ import annotations

from argparse import Namespace
from typing import Literal

from playbook import drill_run
from playbook.journal import JournalError
from playbook.model import Library
from tui.app import PlaybookApp
from tui.context import LibraryLoaded
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_player import DrillPlayerScreen

View = Literal["facilitator", "player"]


class DrillApp(PlaybookApp):
    def __init__(self, args: Namespace, drill_id: str, view: View, name: str = "") -> None:
        super().__init__(args.library, journal=args.journal, clock=args.clock)
        self.drill_id = drill_id
        self.view = view
        self.player_name = name

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        # Textual calls this before the app's own handler, which keeps the library.
        if message.loaded.library is not None:
            self.call_later(self.open_drill, message.loaded.library)

    def open_drill(self, library: Library) -> None:
        journal = self.context.open_journal()
        try:
            screen = (
                DrillFacilitatorScreen(journal, self.drill_id, library, self.player_name)
                if self.view == "facilitator"
                else DrillPlayerScreen(journal, self.drill_id, library, self.player_name)
            )
        except (JournalError, drill_run.DrillRunError) as error:
            journal.close()
            self.notify(str(error), severity="error", markup=False, timeout=30)
            return
        self.push_screen(screen)


def run_on_drill(args: Namespace, drill_id: str, view: View, name: str = "") -> int:
    DrillApp(args, drill_id, view, name).run()
    return 0
