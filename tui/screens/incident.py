"""The live incident board: shows one declared incident and takes the commander's entries.

Following the journal, the outbox, reminders and report names live in the core (playbook/live.py);
the board's parts are widgets (tui/widgets/board.py). Each entry goes to the outbox, shows at once
marked UNSAVED, and a worker writes it, retrying until it commits (board_writer.py). The board
follows the journal (tui/following.py): another terminal's entry shows once recorded, an offline
journal is said; the 1 s tick moves the countdowns on. Severity and type: incident_level.py;
entries through a pick or a form: incident_entries.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList

from playbook import novel
from playbook.clock import Clock
from playbook.incident import Incident, IncidentError, StepState
from playbook.journal import Draft, Entry, JournalStore, Outbox
from playbook.live import LiveIncident
from playbook.model import IncidentType, Library
from playbook.render import elapsed, hhmm
from tui.context import context_of
from tui.following import Follower, JournalLook
from tui.screens import incident_entries, incident_level, novel_board
from tui.screens.board_writer import Flushed, Writer
from tui.screens.help import Explained
from tui.widgets import severity as severity_text
from tui.widgets.board import BoardLine, BoardLog, JudgmentLine, KeyBar, SavedLine, StepList, update_line
from tui.widgets.live import REAL_TIME, UNSAVED, TimeBoxes
from tui.widgets.plain import one_line


def _key(key: str, action: str, description: str, name: str, show: bool = True) -> Binding:
    # Priority, and the actions that open a form wait for it: the keys typed after a board key
    # (tmux send-keys, a fast typist) go into the form, not to the board.
    return Binding(key, action, description, id=f"incident.{name}", priority=True, show=show)


class IncidentScreen(Explained, Screen):
    # The key bar lists the keys that work now; F1 lists every key, the hidden ones included.
    BINDINGS = [
        _key("d", "mark('done')", "Done", "done"),
        _key("s", "flow('skip')", "Skip", "skip"),
        _key("i", "flow('deviate')", "Did something else", "deviate"),
        _key("o", "mark('reopened')", "Reopen", "reopen"),
        _key("n", "flow('note')", "Note", "note"),
        _key("k", "flow('decision')", "Decision", "decision"),
        _key("e", "flow('correct')", "Correct", "correct"),
        _key("t", "flow('retriage')", "Re-triage", "retriage"),
        _key("T", "flow('set_severity')", "Set the severity directly", "severity", show=False),
        _key("c", "flow('reclassify')", "Change type", "reclassify"),
        _key("a", "flow('assign')", "Roles", "assign"),
        _key("u", "flow('status_sent')", "Update sent", "status"),
        _key("v", "flow('report')", "Reports", "report"),
        _key("w", "flow('whoami')", "Who is typing", "whoami", show=False),
        _key("p", "flow('coach')", "Coaching prompts", "coach"),
        _key("b", "flow('borrow')", "Borrow a step", "borrow"),
        _key("y", "flow('draft_playbook')", "Draft a playbook from it", "draft"),
        _key("x", "flow('close_incident')", "Close", "close"),
        _key("escape", "back", "Back", "back"),
    ]
    time_boxes: TimeBoxes = REAL_TIME  # the drill board counts them in drill minutes instead

    def __init__(
        self,
        journal: JournalStore,
        incident_id: str,
        library: Library | None,
        actor: str,
        view: Callable[[list[Entry]], list[Entry]] = list,
    ) -> None:
        """`view`: the incident's entries among those recorded under its id (see LiveIncident)."""
        super().__init__()
        # The app's outbox for this journal, shared by every screen that writes to it.
        self.live = LiveIncident(journal, incident_id, library, actor, context_of(self).outbox_of(journal), view)
        self.journal, self.incident_id, self.library = journal, incident_id, library
        self.writer = Writer(self, self.live)
        self.warned_unsaved = False
        self.spotlight = ""  # uid of the entry just written: marked in the log and shown when recorded
        self.follower = Follower(self, journal)

    @property
    def state(self) -> Incident:
        return self.live.state

    @property
    def outbox(self) -> Outbox:
        return self.live.outbox

    @property
    def actor(self) -> str:
        return self.live.actor

    @property
    def incident_type(self) -> IncidentType | None:
        return self.live.incident_type

    def compose(self) -> ComposeResult:
        yield BoardLine("", id="incident-title", classes="title")
        yield BoardLine("", id="incident-clock")
        yield BoardLine("", id="incident-update")
        yield StepList(id="incident-steps")
        yield JudgmentLine("", id="incident-judgment")
        yield BoardLog(id="incident-log")
        yield SavedLine("", id="incident-saved")
        yield KeyBar("", id="incident-keys")

    @property
    def clock(self) -> Clock:
        return context_of(self).clock

    def now(self) -> datetime:
        return self.clock.now()

    def on_mount(self) -> None:
        context_of(self).on_screen.writers.append(self.live)  # the quit guard counts what waits unsaved
        self.show()
        self.query_one(StepList).focus()
        self.follower.start()
        self.set_interval(1.0, self.tick)

    def on_unmount(self) -> None:
        context_of(self).on_screen.writers.remove(self.live)
        self.follower.stop()  # and the journal is closed once the follower has let go of it

    def on_journal_look(self, message: JournalLook) -> None:
        # While the writer runs it may hold the journal's lock; its end reads what is new anyway.
        if self.live.followed(message.look, read=not self.writer.busy):
            self.refresh_bindings()
            self.show()

    def show(self) -> None:
        state, moment = self.state, self.now()
        level = self.library.severity(state.severity.id) if self.library else None
        badge = severity_text.label(level) if level else f"{state.severity.id} {state.severity.name}"
        title = self.query_one("#incident-title", BoardLine)
        title.show(f"{badge} · {one_line(state.title)} · {state.id}{'' if state.is_open else ' · CLOSED'}")
        if self.library:
            title.set_classes(f"title board-line {severity_text.css_class(self.library, state.severity.id)}")
        self.query_one("#incident-clock", BoardLine).show(
            f"{state.type_title} · declared {hhmm(state.declared_at)} UTC · "
            f"{elapsed(state.ended_at(moment) - state.declared_at)} {'elapsed' if state.is_open else 'in all'} · "
            f"commander {one_line(state.commander)} · typing: {one_line(self.actor)}"
        )
        self.query_one("#incident-update", BoardLine).show(update_line(state, moment, self.time_boxes))
        self.query_one(StepList).show(self.live, moment, self.time_boxes)
        self.query_one(JudgmentLine).show_for(self.incident_type)
        self.query_one(BoardLog).show(self.live, self.spotlight, self.log_time)
        self.query_one(SavedLine).show_for(self.live)
        self.query_one(KeyBar).show_keys(self)

    def help_notes(self) -> list[Content]:
        """F1 on the board: the time grammar and when this response does not apply."""
        return incident_level.help_notes(self.incident_type)

    # -- following and writing -------------------------------------------------------------

    def log_time(self, entry: Entry) -> str:
        """An entry's time in the log ("" for the wall clock; the drill board says its minute)."""
        return ""

    def tick(self) -> None:
        if self.live.read_error and not self.writer.busy:  # a read that failed: try again
            self.poll()
        if self.writer.retry_due():
            self.writer.flush()
        self.show()
        self.remind(self.now())

    def remind(self, moment: datetime) -> None:
        """A toast when a status update falls due or a step goes overdue, besides the board's marks."""
        overdue = self.time_boxes.overdue(self.state, moment)
        for reminder in self.live.reminders(moment, overdue, self.time_boxes.due_in_words):
            self.notify(reminder.text, title=reminder.title, severity="warning", markup=False, timeout=20)

    def poll(self) -> bool:
        if self.live.poll():
            self.refresh_bindings()
            return True
        return False

    def record(self, entry: Draft) -> None:
        self.live.queue(entry)
        self.show()
        self.refresh_bindings()
        self.writer.flush()

    def on_flushed(self, message: Flushed) -> None:
        self.writer.done(message)
        self.warned_unsaved = self.warned_unsaved and bool(self.live.waiting)
        self.refresh_bindings()
        entry = next((e for e in message.recorded if e.uid == self.spotlight), None)
        if entry is not None:  # a written note: its number and the time it is dated, once recorded
            early = entry.logged_at - entry.happened_at
            before = f" ({elapsed(early)} before it was logged)" if early.total_seconds() >= 60 else ""
            self.notify(
                f"Recorded {self.state.number(entry.seq)}, dated {hhmm(entry.happened_at)}{before}", markup=False
            )
        self.show()

    # -- actions ---------------------------------------------------------------------------

    @property
    def chosen(self) -> StepState | None:
        option = self.query_one(StepList).highlighted_option if self.is_mounted else None
        return self.state.step(option.id) if option and option.id else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        name = parameters[0] if action == "flow" else action
        if name == "draft_playbook":
            return not self.state.is_open and self.library is not None
        if name not in ("correct", "report", "whoami", "back", "note", "decision") and not self.state.is_open:
            return False
        if name in ("coach", "borrow"):
            return self.state.type_id == novel.NOVEL or bool(self.state.coaching)
        step = self.chosen
        if action == "mark":
            return step is not None and step.is_open == (parameters[0] != "reopened")
        if name == "skip":
            return step is not None and step.is_open
        if name == "reclassify":  # a novel incident may turn out to be a known type after all
            return self.library is not None
        if name in ("retriage", "set_severity"):
            return self.incident_type is not None
        if name == "correct":
            return any(e.seq for e in self.state.entries)
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()
        self.call_after_refresh(self.query_one(KeyBar).show_keys, self)  # once the bindings are checked

    def attempt(self, make: Callable[[Incident], Draft]) -> None:
        """Build an entry from the current state; a refusal is shown, never raised."""
        try:
            entry = make(self.state)
        except IncidentError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.record(entry)

    def action_back(self) -> None:
        """Leaving stops the retries of what is not saved yet, so the first Escape only warns."""
        waiting = self.live.waiting
        if waiting and not self.warned_unsaved:
            self.warned_unsaved = True
            kept = (
                "they would be lost"
                if self.outbox.file_error
                else "they stay in the outbox file and are recorded on the next start"
            )
            self.notify(
                f"{waiting} entr{'ies are' if waiting != 1 else 'y is'} not saved yet and being retried. Press "
                f"Escape again to leave anyway: {kept}.",
                title=UNSAVED,
                severity="error",
                markup=False,
            )
            return
        self.app.pop_screen()

    def action_mark(self, status: str) -> None:
        if (step := self.chosen) is not None:
            self.attempt(lambda s: s.mark(step.id, status, self.actor, self.now()))

    async def action_flow(self, name: str) -> None:
        """A key whose entry needs a pick or a form: the flows live beside this screen."""
        await FLOWS[name](self)

    def set_actor(self, name: str) -> None:
        self.live.actor = name
        self.show()


FLOWS: dict[str, Callable[[IncidentScreen], Awaitable[None]]] = {
    "skip": incident_entries.skip,
    "deviate": incident_entries.deviate,
    "note": lambda board: incident_entries.write(board, "note"),
    "decision": lambda board: incident_entries.write(board, "decision"),
    "correct": incident_entries.correct,
    "assign": incident_entries.assign,
    "close_incident": incident_entries.close,
    "retriage": incident_level.retriage,
    "set_severity": incident_level.pick_severity,
    "reclassify": incident_level.pick_type,
    "status_sent": incident_level.status_update,
    "report": incident_entries.report,
    "whoami": incident_entries.whoami,
    "coach": novel_board.coach,
    "borrow": novel_board.borrow,
    "draft_playbook": novel_board.draft_playbook,
}
