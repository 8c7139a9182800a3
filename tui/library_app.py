"""What every playbook process shares: the library loaded in a worker, the triage and response
screens, help and quit. The full app (tui.app) and a drill player's app (tui.player_app) build
on it; this module imports nothing of either, so a player's process loads none of the
facilitator's screens."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.worker import get_current_worker

from playbook import search
from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.safe import safe
from tui.context import AppContext, LibraryLoaded, Settings

if TYPE_CHECKING:  # checking the library is imported by the worker that does it, off the first paint
    from playbook.journal import Entry
    from playbook.library import Loaded
    from playbook.model import Answer, IncidentType, Library, Question

QUIT_CONFIRM_SECONDS = 5.0  # a second ctrl+q within this long quits in spite of the warning
PAINT_FIRST_SECONDS = 2.0  # the longest the library check waits for the first screen to paint


class OutboxReplayed(Message):
    """Posted by the worker that records what an earlier session left in the outbox."""

    def __init__(self, recorded: list[Entry], problem: str = "") -> None:
        super().__init__()
        self.recorded = recorded
        self.problem = problem


class LibraryApp(App[None]):
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
    # Until then, the types as the last full load found them (None if unknown): enough to find one.
    remembered: var[list[search.Entry] | None] = var(None, init=False)

    def __init__(
        self,
        root: Path | None = None,
        *,
        journal: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
        read_only: bool = False,
    ) -> None:
        """`read_only`: an observer's app (`playbook serve`'s read-only link), which never writes."""
        super().__init__()
        settings = Settings(library=root) if root is not None else Settings()
        self.context = AppContext(settings=attrs.evolve(settings, journal=journal, read_only=read_only), clock=clock)

    @property
    def root(self) -> Path:
        """The library folder."""
        return self.context.settings.library

    @property
    def library(self) -> Library:
        """The loaded library; screens that show an incident type open only once it is there."""
        if self.loaded is None or self.loaded.library is None:
            raise RuntimeError("the library is not loaded")
        return self.loaded.library

    # The collector is paused from the app's start until its first paint: the start makes tens of
    # thousands of objects that live as long as the app, and each collection walks them all for
    # nothing it can free (a seventh of the first paint).
    collecting: bool | None = None  # whether to resume it; None once resumed

    def on_load(self) -> None:
        self.collecting = gc.isenabled()
        gc.disable()

    def resume_collector(self) -> None:
        if self.collecting:
            gc.enable()
        self.collecting = None

    def on_unmount(self) -> None:
        self.resume_collector()  # an app that stops before it paints leaves the collector as it found it

    def on_mount(self) -> None:
        # The first screen paints from the stored index, read here (a worker would only hand it
        # over later), while a worker checks the files.
        self.remembered = search.remembered(self.root)
        self.call_after_refresh(self.resume_collector)
        painted = None
        if self.remembered is not None:
            painted = threading.Event()
            self.call_after_refresh(painted.set)
        self.load_library(painted)
        if not self.context.settings.read_only:  # an observer never records anyone's waiting entries
            # After the first paint: the worker imports the journal's modules, holding the interpreter.
            self.call_after_refresh(self.replay_outbox, self.context.settings.journal_path)

    def on_app_focus(self) -> None:
        # In a browser the page starts unfocused: Textual drops focus on that blur and, if the
        # screen had not focused anything yet, restores nothing. Typing would then go nowhere.
        screen = self.screen
        if screen.focused is None and screen.AUTO_FOCUS:
            target = next((w for w in screen.query(screen.AUTO_FOCUS) if w.focusable), None)
            if target is not None:
                target.focus()

    @work(thread=True, exclusive=True, group="outbox")
    def replay_outbox(self, path: Path | str) -> None:
        """Entries typed while the journal could not be written, in an earlier run: recorded now,
        in their order, once, each with when it was typed and when it was recorded."""
        from playbook.journal import JournalError  # the journal's modules stay off the first paint
        from playbook.journals import replay_outbox

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
    def load_library(self, painted: threading.Event | None) -> None:
        if painted is not None:
            # Checking the files holds the interpreter most of the time: let the list paint first
            # (and check nothing if the app is left before it has).
            worker = get_current_worker()
            waited = 0.0
            while not painted.wait(0.05) and waited < PAINT_FIRST_SECONDS:
                if worker.is_cancelled:
                    return
                waited += 0.05
        from playbook.library import load

        self.post_message(LibraryLoaded(load(self.root)))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.loaded = message.loaded
        if message.loaded.library is None:
            self.open_problems()

    # One way in for every screen, so later screens (live incidents, drills) plug in alike.
    def open(self, screen: Screen) -> AwaitMount:
        """Push a screen. Actions await the result: keys typed straight after the key that opened
        it (a fast typist, or an SSH link that delivers keys in bursts) then reach the new screen."""
        return self.push_screen(self.fitted(screen))

    def fitted(self, screen: Screen) -> Screen:
        """The screen with the width class (see HORIZONTAL_BREAKPOINTS) it is about to be given.
        Textual gives it on the screen's first resize, after the whole screen has been styled
        once, and styling it all again for that class was a tenth of the first screen's paint."""
        width = self.size.width
        for edge, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= edge:
                screen.add_class(name, update=False)
                break
        return screen

    def open_triage(self, incident: IncidentType) -> AwaitMount:
        from tui.screens.triage import TriageScreen

        return self.open(TriageScreen(incident, self.library))

    def open_response(
        self,
        incident: IncidentType,
        severity: str,
        unsure: bool = False,
        answers: tuple[tuple[Question, Answer], ...] = (),
    ) -> AwaitMount:
        """The response for a severity; `answers`: the triage that settled it, which a
        declaration from the response records."""
        from tui.screens.response import ResponseScreen

        return self.open(ResponseScreen(incident, self.library, severity, unsure=unsure, answers=answers))

    def open_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        if self.loaded is not None:
            self.open(ProblemsScreen(self.loaded))

    quit_armed_until = float("-inf")  # after a warning, a second ctrl+q before this (monotonic) quits

    def notify(self, message: str, *, title: str = "", **kwargs: Any) -> None:
        """Every toast (screens' too: theirs come here) through the display-safe path."""
        super().notify(safe(message), title=safe(title), **kwargs)

    async def action_quit(self) -> None:
        """Quit, unless something would be lost or left behind: entries the journal has not
        recorded, or text half-typed into a form. Then ctrl+q warns, every time, and only a
        second ctrl+q within a few seconds quits."""
        on_screen = self.context.on_screen
        # The open writing screens' outboxes, each once (screens on one journal share one).
        outboxes = {id(writer.outbox): writer.outbox for writer in on_screen.writers}
        unsaved = sum(len(outbox) for outbox in outboxes.values())
        typed = [form for form in on_screen.forms if form.half_typed]
        if (unsaved or typed) and self.context.clock.monotonic() > self.quit_armed_until:
            self.quit_armed_until = self.context.clock.monotonic() + QUIT_CONFIRM_SECONDS
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
        from tui.screens.help import Explained, HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.open(HelpScreen(HelpScreen.keys_of(self), screen.help_notes() if isinstance(screen, Explained) else None))
