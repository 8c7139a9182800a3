"""The app's context, explicit and typed: the settings it was started with, the one clock, the
journal it writes, and the library once loaded (`app_of(node).loaded`). Screens and widgets
reach all of it through `app_of`, never through attributes attached from outside."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import attrs
from textual.app import App
from textual.message import Message

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.journal import Journal, default_path
from playbook.library import Loaded, default_root

if TYPE_CHECKING:
    from tui.app import PlaybookApp


@attrs.frozen(kw_only=True)
class Settings:
    """What the app was started with (command line and environment)."""

    library: Path = attrs.field(factory=default_root, converter=Path)
    # None: the default journal in the user's data folder
    journal: Path | None = attrs.field(default=None, converter=attrs.converters.optional(Path))
    read_only: bool = False  # an observer's app (`playbook serve`'s read-only link): never writes

    @property
    def journal_path(self) -> Path:
        return self.journal or default_path()


@attrs.frozen(kw_only=True)
class AppContext:
    settings: Settings = attrs.field(factory=Settings)
    clock: Clock = SYSTEM_CLOCK

    def open_journal(self, *, create: bool = False) -> Journal:
        """The journal of live incidents and drills, stamped by the app's clock. Only a write the
        user asked for creates it (`create`), and only the default journal's folder is made: a
        named one whose folder is missing is a mistyped path."""
        if self.settings.read_only:
            return Journal.open(self.settings.journal_path, readonly=True, clock=self.clock)
        chosen = self.settings.journal
        return Journal.open(self.settings.journal_path, create=create, make_folders=chosen is None, clock=self.clock)

    def read_journal(self) -> Journal | None:
        """The journal to read, or None when none has been written yet (nothing is created)."""
        path = self.settings.journal_path
        if not path.exists() and (self.settings.journal is None or path.parent.is_dir()):
            return None
        return self.open_journal()


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
