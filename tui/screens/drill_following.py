"""What the facilitator's and a player's drill screens share: following one drill."""

from __future__ import annotations

from textual.screen import Screen

from playbook import drill_run
from playbook.journal import JournalStore
from playbook.model import Library
from tui.context import context_of
from tui.following import Follower, JournalLook
from tui.screens import drill_shared
from tui.screens.board_writer import Flushed, Writer


class DrillFollowingScreen(Screen):
    """A screen on one drill. Every entry it makes goes through the app's outbox (shown at once,
    recorded when the journal can be), and it reads the journal when the journal changes; a
    subclass's `tick` moves the drill clock on and `show` draws it."""

    def __init__(self, journal: JournalStore, drill_id: str, library: Library) -> None:
        super().__init__()
        self.journal = journal
        self.library = library
        self.drill = drill_run.FollowedDrill(
            journal, library, drill_id, context_of(self).clock.now(), context_of(self).outbox_of(journal)
        )
        self.writer = Writer(self, self.drill)
        self.follower = Follower(self, journal)
        self.problem = ""

    @property
    def run(self) -> drill_run.DrillRun:
        return self.drill.run

    def follow(self) -> None:
        """From on_mount: the quit guard counts what waits unsaved; the journal is followed."""
        context_of(self).on_screen.writers.append(self.drill)
        self.follower.start()
        self.set_interval(1.0, self.tick)  # the clock; the journal is read when it changes

    def on_unmount(self) -> None:
        context_of(self).on_screen.writers.remove(self.drill)
        self.follower.stop()  # and the journal is closed once the follower has let go of it

    def on_journal_look(self, message: JournalLook) -> None:
        try:  # never wait on a lock: a write under way reads what is new when it ends
            self.drill.followed(message.look, read=not self.writer.busy)
        except drill_shared.UNREADABLE as error:
            self.problem = f"⚠ The drill's record cannot be read: {error}"
        self.tick()

    def on_flushed(self, message: Flushed) -> None:
        self.writer.done(message)
        self.show()
        self.refresh_bindings()

    def tick(self) -> None:
        raise NotImplementedError

    def show(self) -> None:
        raise NotImplementedError
