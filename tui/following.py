"""Boards follow the journal instead of re-reading it every second.

A thread blocks in `journal.wait` (NOTIFY on PostgreSQL, SQLite's data_version on a file,
through `playbook.journals.watch`) and posts a JournalLook when something was recorded, or when
the journal went offline or came back. The screen then reads at once, on its own thread; its
one-second tick only moves the countdowns on. The thread never touches widgets or the screen's
state; once stopped it ends within one wait, and the journal is closed only after it let go of
it, so closing never races a wait in flight.
"""

from __future__ import annotations

import contextvars
import threading

from textual.message import Message
from textual.screen import Screen

from playbook.journal import JournalStore
from playbook.journals import Look, watch


class JournalLook(Message):
    """Something may have been recorded (`look.changed`), or the journal's reachability changed
    (`look.offline`: why it cannot be reached, "" once it is back)."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.look = look


class Follower:
    """Follows `journal` for `screen` from a thread; `stop` ends it and closes the journal."""

    def __init__(self, screen: Screen, journal: JournalStore) -> None:
        self.screen = screen
        self.journal = journal
        self.stopped = threading.Event()
        self._lock = threading.Lock()
        self._running = False
        self._close_when_done = False
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        # A thread of its own, not a Textual worker: it runs as long as the screen, and waiting
        # for the app's workers to finish (tests do) must not wait for it. A daemon, so a
        # process that ends without unmounting its screens is never held up by it.
        # It runs in the app's context, so posting finds the app even after the screen is gone.
        context = contextvars.copy_context()
        self.thread = threading.Thread(target=context.run, args=(self._follow,), name="follow the journal", daemon=True)
        self.thread.start()

    def _follow(self) -> None:
        with self._lock:
            if self.stopped.is_set():  # stopped before the thread ran: stop() closed the journal
                return
            self._running = True
        try:
            said = ""
            for look in watch(self.journal, self.stopped):
                if look.changed or look.offline != said:
                    self.screen.post_message(JournalLook(look))
                said = look.offline
        finally:
            with self._lock:
                self._running = False
                close = self._close_when_done
            if close:
                self.journal.close()

    def stop(self) -> None:
        """Stop following and close the journal. The thread lets go within one wait (a fifth of a
        second), so the journal is closed before the screen is gone; a thread still trying to
        reach a server that went away closes it when it gives up."""
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout=1.0)
        with self._lock:
            if self._running:
                self._close_when_done = True
                return
        self.journal.close()
