"""Writing a board's entries: what waits in its outbox goes to the journal in a worker, never
on the UI thread (the journal may wait on another terminal's lock), and is retried every few
seconds until it commits. The worker touches no widget; the board hears of it by a message."""

from __future__ import annotations

from textual.message import Message
from textual.screen import Screen

from playbook.journal import Draft, Entry, WriteFailed
from playbook.live import RETRY_SECONDS, Outgoing
from tui.context import context_of


class Flushed(Message):
    """Posted by the writing worker: what got recorded, and the error if something did not."""

    def __init__(self, recorded: list[Entry], error: WriteFailed | None) -> None:
        super().__init__()
        self.recorded = recorded
        self.error = error


class Writer:
    """One screen's writer (a board's, a drill screen's): one write at a time, posting Flushed to
    the screen when it is done."""

    def __init__(self, board: Screen, live: Outgoing) -> None:
        self.board = board
        self.live = live
        self.busy = False
        self.last_attempt = 0.0  # on the monotonic clock

    def retry_due(self) -> bool:
        """Entries still wait, no write is under way, and the last one was a while ago."""
        since = context_of(self.board).clock.monotonic() - self.last_attempt
        return bool(self.live.waiting) and not self.busy and since >= RETRY_SECONDS

    def write(self, *entries: Draft) -> None:
        """Entries made: into the outbox (shown unsaved at once), then written in the background."""
        self.live.queue(*entries)
        self.flush()

    def retry(self) -> None:
        """From the screen's tick: write what waits, once the retry interval has passed."""
        if self.retry_due():
            self.flush()

    def flush(self) -> None:
        self.busy = True
        self.last_attempt = context_of(self.board).clock.monotonic()
        self.board.run_worker(self._write, thread=True, group="journal", description="record the board's entries")

    def _write(self) -> None:
        self.board.post_message(Flushed(*self.live.flush()))

    def done(self, message: Flushed) -> None:
        """The board calls this first on Flushed: the state takes in what was recorded."""
        self.busy = False
        self.live.flushed(message.error)
