"""The playbook app: the library app (tui.library_app) with find, live incidents, drills as a
facilitator, practice and authoring, and their global keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from playbook.clock import SYSTEM_CLOCK, Clock
from tui.editing import Authoring
from tui.library_app import LibraryApp

if TYPE_CHECKING:
    from argparse import Namespace

    from textual.command import Provider


# The palette's providers are imported when it first opens (textual.app itself imports
# textual.command; this keeps only our providers' modules off the first paint).
def _playbook_commands() -> type[Provider]:
    from tui.commands import PlaybookCommands

    return PlaybookCommands


def _drill_commands() -> type[Provider]:
    from tui.screens.drill_commands import DrillCommands

    return DrillCommands


class PlaybookApp(LibraryApp):
    """The full app: find, live incidents, drills as a facilitator, practice, authoring."""

    COMMANDS = App.COMMANDS | {_playbook_commands, _drill_commands}
    BINDINGS = [
        Binding(
            "f6", "edit", "Edit", id="app.edit", tooltip="Open this playbook in $EDITOR; the app reloads it on return"
        ),
        Binding("f3", "incidents", "Live incidents", id="app.incidents"),
        Binding("f7", "drills", "Drills", id="app.drills"),
        Binding("f8", "practice", "Practice", id="app.practice"),
    ]

    def __init__(
        self,
        root: Path | None = None,
        *,
        journal: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
        read_only: bool = False,
    ) -> None:
        super().__init__(root, journal=journal, clock=clock, read_only=read_only)
        self.authoring = Authoring(self)

    def get_default_screen(self) -> Screen:
        from tui.screens.find import FindScreen

        self.find = FindScreen()  # kept: every way back to the search box leads here
        return self.fitted(self.find)

    def on_mount(self) -> None:
        # Textual also calls LibraryApp.on_mount (handlers run for each class), which loads the library.
        self.authoring.start()

    def open_find(self) -> None:
        """Back to the search box, whatever is open."""
        while self.screen is not self.find:
            self.pop_screen()
        self.find.query_one("#query").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "edit":
            return self.authoring.target() is not None
        return True

    def action_edit(self) -> None:
        self.authoring.edit()

    def action_incidents(self) -> None:
        from tui.screens.incidents import IncidentsScreen

        self.open(IncidentsScreen())

    def action_drills(self) -> None:
        from tui.screens.drill_list import DrillListScreen

        self.open(DrillListScreen())

    def action_practice(self) -> None:
        from tui.screens.practice import PracticeScreen

        self.open(PracticeScreen())


def run_app(args: Namespace) -> int:
    read_only = bool(getattr(args, "read_only", False))
    app = PlaybookApp(args.library, journal=args.journal, clock=args.clock, read_only=read_only)
    app.run()
    return app.return_code or 0  # a crash is not a clean exit for the shell
