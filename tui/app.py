"""The playbook app: loads the library in a worker, opens screens, owns the global keys."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount

from playbook.library import Loaded, default_root, load
from playbook.model import IncidentType
from tui.commands import PlaybookCommands
from tui.editing import Authoring
from tui.screens.drill_commands import DrillCommands


class LibraryLoaded(Message):
    """Posted by the loading worker; carries the whole result so no widget is touched off-thread."""

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded


class PlaybookApp(App):
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

    def __init__(self, root: Path | None = None) -> None:
        super().__init__()
        self.root = Path(root) if root is not None else default_root()
        self.authoring = Authoring(self)

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

    def open_triage(self, incident: IncidentType) -> AwaitMount:
        from tui.screens.triage import TriageScreen

        return self.open(TriageScreen(incident, self.loaded.library))

    def open_response(self, incident: IncidentType, severity: str, unsure: bool = False) -> AwaitMount:
        from tui.screens.response import ResponseScreen

        return self.open(ResponseScreen(incident, self.loaded.library, severity, unsure=unsure))

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
        notes = getattr(self.screen, "help_notes", None)
        self.open(HelpScreen(HelpScreen.keys_of(self), notes() if notes else None))


def run_app(args) -> int:
    app = PlaybookApp(args.library)
    app.journal_path = getattr(args, "journal", None)  # None: the default journal
    app.run()
    return 0
