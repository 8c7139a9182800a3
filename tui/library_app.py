"""What every playbook process shares: the library loaded in a worker, the triage and response
screens, help and quit. The full app (tui.app) and a drill player's app (tui.player_app) build
on it; this module imports nothing of either, so a player's process loads none of the
facilitator's screens."""

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


class LibraryLoaded(Message):
    """Posted by the loading worker; carries the whole result so no widget is touched off-thread."""

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded


class LibraryApp(App):
    """What every playbook process shares: the library loaded in a worker, the triage and
    response screens, help and quit. The full app and a drill player's app build on it."""

    TITLE = "Playbook"
    CSS_PATH = "app.tcss"
    # Narrow terminals stack side panels under the main text instead of beside it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Help", id="app.help"),
    ]

    # None until the worker has read and validated the library.
    loaded: var[Loaded | None] = var(None, init=False)
    journal_path: Path | None = None  # None: the default journal

    def __init__(self, root: Path | None = None) -> None:
        super().__init__()
        self.root = Path(root) if root is not None else default_root()

    def on_mount(self) -> None:
        self.load_library()

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

    quit_warned = False  # ctrl+q was pressed once with unsaved entries

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
