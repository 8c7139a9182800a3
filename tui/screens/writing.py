"""What every screen that writes to the journal shares: entries go to the app's outbox for
that journal (shown at once, marked unsaved), a worker writes them, and a failed write is
retried every few seconds until it commits. The outbox is a file beside the journal, so what
waits survives the terminal being closed and is recorded on the next start; the quit guard
counts it."""

from __future__ import annotations

from textual import work
from textual.message import Message
from textual.screen import Screen

from playbook.journal import Draft, Entry, WriteFailed
from playbook.live import RETRY_SECONDS, Writer
from tui.context import context_of


class Flushed(Message):
    """Posted by the writing worker: what got recorded, and the error if something did not."""

    def __init__(self, recorded: list[Entry], error: WriteFailed | None) -> None:
        super().__init__()
        self.recorded = recorded
        self.error = error


class WritingScreen(Screen):
    """A screen that writes through `writer` (set by the subclass before it mounts)."""

    writer: Writer | None = None
    flushing = False
    last_attempt = float("-inf")  # monotonic time of the last write attempt

    def write(self, *entries: Draft) -> None:
        """Queue entries (on disk, shown unsaved at once) and write them in the background."""
        assert self.writer is not None
        self.writer.queue(*entries)
        self.flush()

    def flush(self) -> None:
        self.flushing = True
        self.last_attempt = context_of(self).clock.monotonic()
        self.write_in_background()

    def retry(self) -> None:
        """From the screen's tick: write what waits once the retry interval has passed."""
        if self.writer is None or not self.writer.waiting or self.flushing:
            return
        if context_of(self).clock.monotonic() - self.last_attempt >= RETRY_SECONDS:
            self.flush()

    @work(thread=True, group="journal")
    def write_in_background(self) -> None:
        assert self.writer is not None
        self.post_message(Flushed(*self.writer.flush()))  # never touches widgets

    def on_flushed(self, message: Flushed) -> None:
        self.flushing = False
        if self.writer is not None:
            self.writer.flushed(message.error)
        self.recorded(message)

    def recorded(self, message: Flushed) -> None:
        """After a write: show what was recorded (and what still waits)."""
