"""The full app opened on one drill's facilitator view: `playbook drill start`. A player's
terminal runs tui.player_app instead, which has no way to this view."""

from __future__ import annotations

from argparse import Namespace

from playbook import drill_run
from playbook.journal import JournalError
from playbook.model import Library
from tui.app import PlaybookApp
from tui.context import LibraryLoaded
from tui.screens.drill_facilitator import DrillFacilitatorScreen


class DrillApp(PlaybookApp):
    def __init__(self, args: Namespace, drill_id: str, facilitator: str) -> None:
        super().__init__(args.library, journal=args.journal, clock=args.clock)
        self.drill_id = drill_id
        self.facilitator = facilitator

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        # Textual calls this before LibraryApp's own handler, which keeps the library.
        if message.loaded.library is not None:
            self.call_later(self.open_drill, message.loaded.library)

    def open_drill(self, library: Library) -> None:
        journal = self.context.open_journal()
        try:
            screen = DrillFacilitatorScreen(journal, self.drill_id, library, self.facilitator)
        except (JournalError, drill_run.DrillRunError) as error:
            journal.close()
            self.notify(str(error), severity="error", markup=False, timeout=30)
            return
        self.push_screen(screen)


def run_on_drill(args: Namespace, drill_id: str, facilitator: str) -> int:
    app = DrillApp(args, drill_id, facilitator)
    app.run()
    return app.return_code or 0  # a crash is not a clean exit for the shell
