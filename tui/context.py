"""The app's context, explicit and typed: the settings it was started with, the one clock, the
journal it writes, what the open screens hold that others must know (`OnScreen`), and the
library once loaded (`app_of(node).loaded`). Screens and widgets reach all of it through
`app_of` / `context_of`, never through attributes attached from outside nor by walking the
screen stack. README.md, "For contributors", says how a new screen uses it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import attrs
from textual.app import App
from textual.message import Message

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.paths import default_journal, default_root, is_journal_url

if TYPE_CHECKING:
    from playbook.journal import JournalStore, Outbox
    from playbook.library import Loaded
    from playbook.live import Outgoing
    from tui.app import PlaybookApp
    from tui.screens.drill_player import DrillPlayerScreen
    from tui.screens.form import FormScreen


@attrs.frozen(kw_only=True)
class Settings:
    """What the app was started with (command line and environment)."""

    library: Path = attrs.field(factory=default_root, converter=Path)
    # None: the default journal in the user's data folder; a postgresql:// URL stays text
    journal: Path | str | None = attrs.field(default=None, converter=lambda j: _location(j))
    read_only: bool = False  # an observer's app (`playbook serve`'s read-only link): never writes

    @property
    def journal_path(self) -> Path | str:
        return self.journal or default_journal()


def _location(chosen: object) -> Path | str | None:
    if chosen is None or chosen == "":
        return None
    text = str(chosen)
    return text if is_journal_url(text) else Path(text)


@attrs.define(eq=False)
class OnScreen:
    """What the open screens hold that the rest of the app must know, each registered by its
    screen while mounted (in the order they were opened, so the last is the uppermost) and
    removed when it closes. The quit guard reads the unsaved entries of the screens that write
    (boards, drill screens) and the forms' half-typed text here; a declaration made while a
    team plays a drill goes into the drill of the uppermost player view."""

    writers: list[Outgoing] = attrs.Factory(list)
    forms: list[FormScreen] = attrs.Factory(list)
    drills: list[DrillPlayerScreen] = attrs.Factory(list)

    @property
    def drill(self) -> DrillPlayerScreen | None:
        """The player view of the drill the team at this terminal is working, if any."""
        return self.drills[-1] if self.drills else None


@attrs.frozen(kw_only=True)
class AppContext:
    settings: Settings = attrs.field(factory=Settings)
    clock: Clock = SYSTEM_CLOCK
    on_screen: OnScreen = attrs.field(factory=OnScreen)
    outboxes: dict[str, Outbox] = attrs.field(factory=dict)  # by journal: see outbox_of

    def outbox_of(self, journal: JournalStore) -> Outbox:
        """The one outbox of this app for `journal`, whichever screen writes: each waiting entry
        is counted once by the quit guard, and a retry from any screen records them all in the
        order they were made. An observer's stays in this process (shown unsaved, never
        recorded): a file beside the journal would let the next team member's app record them."""
        from playbook.journal import Outbox, outbox_path

        key = str(journal.path)
        if key not in self.outboxes:
            self.outboxes[key] = Outbox() if self.settings.read_only else Outbox(outbox_path(Path(key)))
        return self.outboxes[key]

    def open_journal(self, *, create: bool = False) -> JournalStore:
        """The journal of live incidents and drills (a file, or a team's PostgreSQL database),
        stamped by the app's clock. Only a write the user asked for creates it (`create`), and only
        the default journal's folder is made: a named one whose folder is missing is a mistyped
        path. An observer's app opens it read-only."""
        from playbook.journals import open_journal

        where = self.settings.journal_path
        if self.settings.read_only:
            return open_journal(where, readonly=True, create=False, clock=self.clock)
        chosen = self.settings.journal
        return open_journal(where, create=create, make_folders=chosen is None, clock=self.clock)

    def read_journal(self) -> JournalStore | None:
        """The journal to read, or None when none has been written yet (nothing is created)."""
        from playbook.journal import NoJournal

        where = self.settings.journal_path
        if isinstance(where, Path):
            if not where.exists() and (self.settings.journal is None or where.parent.is_dir()):
                return None
            return self.open_journal()
        try:
            return self.open_journal()
        except NoJournal:
            return None


class LibraryLoaded(Message):
    """Posted when the library has been read (at start and on every reload); carries the whole
    result so no widget is touched off-thread."""

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded


class InApp(Protocol):
    """Anything that knows its app: widgets, screens, command providers."""

    @property
    def app(self) -> App[Any]: ...


def app_of(node: InApp) -> PlaybookApp:
    """The running app, typed. Only PlaybookApp (and its subclasses) runs these screens; the
    cast names that fact for the type checker instead of `getattr` at each use."""
    return cast("PlaybookApp", node.app)


def context_of(node: InApp) -> AppContext:
    """The running app's context: its clock, journal and settings."""
    return app_of(node).context
