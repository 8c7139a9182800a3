"""What every playbook process shares: the library loaded in a worker, the triage and response
screens, help and quit. The full app (tui.app) and a drill player's app (tui.player_app) build
on it; this module imports nothing of either, so a player's process loads none of the
facilitator's screens."""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount

from playbook.journal import Entry, JournalError, default_path, replay_outbox
from playbook.library import Loaded, default_root, load
from playbook.model import IncidentType
from tui.screens.form import FormScreen

QUIT_CONFIRM_SECONDS = 5.0  # a second ctrl+q within this long quits in spite of the warning


class OutboxReplayed(Message):
    """Posted by the worker that records what an earlier session left in the outbox."""

    def __init__(self, recorded: list[Entry], problem: str = "") -> None:
        super().__init__()
        self.recorded = recorded
        self.problem = problem


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
        self.replay_outbox(Path(getattr(self, "journal_path", None) or default_path()))

    @work(thread=True, exclusive=True, group="outbox")
    def replay_outbox(self, path: Path) -> None:
        """Entries typed while the journal could not be written, in an earlier run: recorded now,
        in their order, once, each with when it was typed and when it was recorded."""
        try:
            recorded = replay_outbox(path)
        except (JournalError, OSError) as error:
            self.post_message(OutboxReplayed([], str(error)))
            return
        if recorded:
            self.post_message(OutboxReplayed(recorded))

    def on_outbox_replayed(self, message: OutboxReplayed) -> None:
        if message.problem:
            self.notify(
                f"Entries typed earlier are still waiting in the outbox, not yet in the journal: {message.problem}",
                title="Unsaved entries",
                severity="error",
                timeout=30,
                markup=False,
            )
            return
        first = message.recorded[0]
        self.notify(
            f"Recorded {len(message.recorded)} entr{'ies' if len(message.recorded) != 1 else 'y'} typed while the "
            f"journal could not be written (the first typed {first.logged_at:%H:%M} UTC)",
            title="Outbox recorded",
            timeout=15,
            markup=False,
        )

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

    quit_armed_until = 0.0  # after a warning, a second ctrl+q before this (monotonic) quits

    async def action_quit(self) -> None:
        """Quit, unless something would be lost or left behind: entries the journal has not
        recorded, or text half-typed into a form. Then ctrl+q warns, every time, and only a
        second ctrl+q within a few seconds quits."""
        unsaved = sum(len(getattr(screen, "outbox", ())) for screen in self.screen_stack)
        typed = [screen for screen in self.screen_stack if isinstance(screen, FormScreen) and screen.half_typed]
        if (unsaved or typed) and monotonic() > self.quit_armed_until:
            self.quit_armed_until = monotonic() + QUIT_CONFIRM_SECONDS
            lost = []
            if unsaved:
                lost.append(
                    f"{unsaved} entr{'ies are' if unsaved != 1 else 'y is'} not recorded in the journal yet "
                    "(kept in its outbox file, recorded at the next start)"
                )
            if typed:
                lost.append(f"the text typed in “{typed[-1].title_text}” is not saved and would be lost")
            self.notify(
                f"{'; '.join(lost)}. Press ctrl+q again to quit anyway.",
                title="Not saved",
                severity="warning",
                timeout=QUIT_CONFIRM_SECONDS,
                markup=False,
            )
            return
        self.exit()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        notes = getattr(self.screen, "help_notes", None)  # e.g. the board's time grammar
        self.open(HelpScreen(HelpScreen.keys_of(self), notes() if notes else None))
