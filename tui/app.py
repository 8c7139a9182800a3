"""The playbook app: loads the library in a worker, opens screens, owns the global keys."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import attrs
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.library import Loaded, load
from playbook.model import IncidentType, Library
from tui.commands import PlaybookCommands
from tui.context import AppContext, LibraryLoaded, Settings
from tui.editing import Authoring
from tui.screens.drill_commands import DrillCommands


class PlaybookApp(App[None]):
    TITLE = "Playbook"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {PlaybookCommands, DrillCommands}
    # Narrow terminals stack side panels under the main text instead of beside it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Help", id="app.help"),
        Binding(
            "f6", "edit", "Edit", id="app.edit", tooltip="Open this playbook in $EDITOR; the app reloads it on return"
        ),
        Binding("f3", "incidents", "Live incidents", id="app.incidents"),
        Binding("f7", "drills", "Drills", id="app.drills"),
        Binding("f8", "practice", "Practice", id="app.practice"),
    ]

    # None until the worker has read and validated the library.
    loaded: var[Loaded | None] = var(None, init=False)

    def __init__(self, root: Path | None = None, *, journal: Path | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__()
        settings = Settings(library=root) if root is not None else Settings()
        self.context = AppContext(settings=attrs.evolve(settings, journal=journal), clock=clock)
        self.authoring = Authoring(self)

    @property
    def root(self) -> Path:
        """The library folder."""
        return self.context.settings.library

    def get_default_screen(self) -> Screen:
        from tui.screens.find import FindScreen

        return FindScreen()

    def on_mount(self) -> None:
        self.load_library()
        self.authoring.start()

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        self.post_message(LibraryLoaded(load(self.root)))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.loaded = message.loaded
        if message.loaded.library is None:
            self.open_problems()

    # One way in for every screen, so later screens (live incidents, drills) plug in alike.
    def open(self, screen: Screen) -> AwaitMount:
        """Push a screen. Actions await the result: keys typed straight after the key that opened
        it (a fast typist, or an SSH link that delivers keys in bursts) then reach the new screen."""
        return self.push_screen(screen)

    @property
    def library(self) -> Library:
        """The loaded library; screens that show an incident type open only once it is there."""
        if self.loaded is None or self.loaded.library is None:
            raise RuntimeError("the library is not loaded")
        return self.loaded.library

    def open_triage(self, incident: IncidentType) -> AwaitMount:
        from tui.screens.triage import TriageScreen

        return self.open(TriageScreen(incident, self.library))

    def open_response(self, incident: IncidentType, severity: str, unsure: bool = False) -> AwaitMount:
        from tui.screens.response import ResponseScreen

        return self.open(ResponseScreen(incident, self.library, severity, unsure=unsure))

    def open_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        if self.loaded is not None:
            self.open(ProblemsScreen(self.loaded))

    def open_find(self) -> None:
        """Back to the search box, whatever is open."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.screen.query_one("#query").focus()

    quit_warned = False  # ctrl+q was pressed once with unsaved entries

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

    async def action_quit(self) -> None:
        """Quit, unless an incident board still holds entries its journal has not recorded:
        then the first ctrl+q only warns, as Escape does on the board."""
        unsaved = sum(len(getattr(screen, "outbox", ())) for screen in self.screen_stack)
        if unsaved and not self.quit_warned:
            self.quit_warned = True
            self.notify(
                f"{unsaved} entries are not saved yet and are being retried. Press ctrl+q again to quit and lose them.",
                title="Unsaved entries",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        self.exit()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.open(HelpScreen(HelpScreen.keys_of(self)))


def run_app(args: Namespace) -> int:
    PlaybookApp(args.library, journal=args.journal, clock=args.clock).run()
    return 0
