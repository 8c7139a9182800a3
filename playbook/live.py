"""Following one live incident: the core service that the board (tui/) and the CLI both use.

It keeps what the journal recorded and what is waiting in the outbox (shown at once, marked
unsaved, retried until it commits), folds both into the incident's state, says which reminders
fall due (each once), names roles and report files, and words what a severity change did to
the steps. It never touches a screen: a screen calls `followed` (after its follower's look at
the journal), `queue` and `flush` (the last one from a worker thread) and shows `state`.

The outbox half is shared: `Outgoing` queues and writes entries (a recognition drill's result),
`Following` adds one incident's recorded entries and their reading (a drill's screens follow
a drill with drill_run.FollowedDrill), and `LiveIncident` folds them into an incident.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import attrs

from playbook.incident import COMMANDER, COMMANDER_ROLES, Incident, StepState, fold
from playbook.journal import Draft, Entry, JournalError, JournalStore, Outbox, WriteFailed, outbox_path
from playbook.journals import Look
from playbook.model import IncidentType, Library
from playbook.render import deadline

RETRY_SECONDS = 2.0
REPORT_NAMES = {
    "status": "Status update",
    "summary": "Executive summary",
    "timeline": "Timeline (activity log)",
    "after-action": "After-action report (draft)",
}


@attrs.frozen
class Reminder:
    title: str
    text: str


class Outgoing:
    """Entries made go to the outbox (on disk before `queue` returns) and `flush` writes them to
    the journal, in the order they were made; what a failed write leaves waits for the next try."""

    def __init__(self, journal: JournalStore, outbox: Outbox | None = None) -> None:
        """`outbox`: by default the durable one beside the journal, so an entry typed during an
        outage survives the terminal being closed and is recorded on the next start."""
        self.journal = journal
        self.outbox = Outbox(outbox_path(Path(journal.path))) if outbox is None else outbox
        self.write_error = ""
        self.read_error = ""
        self.offline = ""  # why the journal cannot be reached, as its follower last said

    @property
    def damaged_here(self) -> int:
        """Entries of what is followed that cannot be read or checked (none for a bare writer)."""
        return 0

    def refold(self) -> None:
        """Recompute what is shown after entries were made or recorded (a subclass says how)."""

    def queue(self, *entries: Draft) -> None:
        """Entries made: into the outbox, shown at once as unsaved."""
        for entry in entries:
            self.outbox.add(entry)
        self.refold()

    def flush(self) -> tuple[list[Entry], WriteFailed | None]:
        """Write what waits (safe from a worker thread: it touches only the outbox and journal)."""
        try:
            recorded = self.outbox.flush(self.journal)
        except JournalError as error:  # a refusal, not a failed write: shown, never a crash
            return [], WriteFailed(str(error))
        return recorded, self.outbox.last_error

    def flushed(self, error: WriteFailed | None) -> None:
        self.write_error = str(error) if error else ""
        self.refold()

    @property
    def waiting(self) -> int:
        return len(self.outbox)


class Following(Outgoing):
    """One incident (or drill) as the journal recorded it, plus its entries waiting in the
    outbox (shown marked unsaved, with seq 0)."""

    def __init__(self, journal: JournalStore, incident_id: str, outbox: Outbox | None = None) -> None:
        super().__init__(journal, outbox)
        self.incident_id = incident_id
        self.recorded: list[Entry] = journal.entries(incident_id)
        self._pending: list[Entry] = []

    @property
    def damaged_here(self) -> int:
        return sum(1 for e in self.recorded if e.damage)

    @property
    def pending(self) -> list[Entry]:
        """This incident's unsaved entries, in the order they were made."""
        # The outbox file is the journal's: it may hold other incidents' entries too.
        waiting = [pending_entry(d, self.incident_id) for d in self.outbox.waiting if d.incident == self.incident_id]
        # The outbox may be shared with another screen, whose write records ours too: until our
        # next read brings them in as recorded, they stay shown as they were (the oldest first).
        known = {e.uid for e in self.recorded} | {e.uid for e in waiting}
        self._pending = [*(e for e in self._pending if e.uid not in known), *waiting]
        return self._pending

    def poll(self) -> bool:
        """Entries recorded since we last looked, by this terminal or another; True when there
        were any (the state is then refolded). A read error is kept in `read_error`, not raised."""
        last = self.recorded[-1].seq if self.recorded else 0
        try:
            new = self.journal.entries(self.incident_id, after=last)
        except JournalError as error:
            self.read_error = str(error)
            return False
        self.read_error = ""
        if new:
            self.recorded += new
            self.refold()
        return bool(new)

    def followed(self, look: Look, read: bool = True) -> bool:
        """A look at the journal by the screen's follower: whether it is reachable, and the
        entries recorded since, read at once when it says something changed (unless `read` is
        False: a write under way reads them when it ends). True when there is something new to show."""
        was, self.offline = self.offline, look.offline
        return (read and look.changed and self.poll()) or was != self.offline

    def flushed(self, error: WriteFailed | None) -> None:
        """After a flush: pick up what was recorded, in commit order with other terminals' entries."""
        self.write_error = str(error) if error else ""
        if not self.poll():
            self.refold()


class LiveIncident(Following):
    def __init__(
        self,
        journal: JournalStore,
        incident_id: str,
        library: Library | None,
        actor: str,
        outbox: Outbox | None = None,
        view: Callable[[list[Entry]], list[Entry]] = list,
    ) -> None:
        """`view`: the incident's entries among those recorded under its id (a drill's team
        response starts at the team's declaration, after the drill's own set-up)."""
        super().__init__(journal, incident_id, outbox)
        self.library = library
        self.actor = actor
        self.view = view
        self.kind = journal.kind_of(incident_id) or "live"
        self._reminded: set[tuple] = set()
        self.refold()  # what an earlier session left unsaved shows at once, marked

    @property
    def damaged_here(self) -> int:
        """This incident's entries that cannot be read or checked (shown in the log by number)."""
        return len(self.state.damaged)

    # -- the record ----------------------------------------------------------------------

    def refold(self) -> None:
        """Recorded entries, then the unsaved ones, so the state shows what the leader did."""
        self.state: Incident = fold(self.view([*self.recorded, *self.pending]), self.kind)

    def make(self, build: Callable[[Incident], Draft]) -> Draft:
        """Build an entry from the current state and queue it; IncidentError says why not."""
        entry = build(self.state)
        self.queue(entry)
        return entry

    # -- reminders -----------------------------------------------------------------------

    def reminders(
        self, moment: datetime, overdue: tuple[StepState, ...], due_in_words: Callable[[StepState], str]
    ) -> list[Reminder]:
        """What falls due at `moment` and was not announced yet: each deadline once. `overdue`
        and `due_in_words`: the steps past their box and their deadline, as the caller counts
        time (drill minutes on a drill board)."""
        state = self.state
        if not state.is_open:
            return []
        found: list[Reminder] = []
        if state.update_overdue(moment) and self.once(("update", state.next_update_due)):
            found.append(
                Reminder(
                    "⚠ Status update",
                    f"Status update due (every {state.severity.update_every} min): send it, then press u",
                )
            )
        return [*found, *self.step_reminders(overdue, due_in_words)]

    def step_reminders(
        self, overdue: tuple[StepState, ...], due_in_words: Callable[[StepState], str]
    ) -> list[Reminder]:
        """Each overdue step once (a drill board reminds of these, and of its cadence in drill minutes)."""
        return [
            Reminder("⚠ OVERDUE", f"{step.do} ({self.owner(step.owner)}) was due {due_in_words(step)}")
            for step in overdue
            if self.once(("step", step.id, step.due))
        ]

    def once(self, key: tuple) -> bool:
        """True the first time a deadline (`key`) is asked about: each is announced once."""
        fresh = key not in self._reminded
        self._reminded.add(key)
        return fresh

    # -- names ---------------------------------------------------------------------------

    @property
    def incident_type(self) -> IncidentType | None:
        return self.library.type(self.state.type_id) if self.library else None

    def role_name(self, role_id: str) -> str:
        role = self.library.role(role_id) if self.library else None
        return role.name if role else role_id

    def owner(self, role_id: str) -> str:
        """The role's name, and who holds it if anyone does: 'IT lead (Bo)'."""
        holder = self.state.holder(role_id)
        return f"{self.role_name(role_id)} ({' '.join(holder.person.split())})" if holder else self.role_name(role_id)

    def roles(self) -> list[tuple[str, str]]:
        """(role id, name) of every role a person can take: the commander named at declaration
        holds the library's commander role, so it is one row (a hand-over), however spelled."""
        roles = [(COMMANDER, "Incident commander")]
        roles += [
            (r.id, r.name)
            for r in (self.library.roles if self.library else ())
            if r.id not in COMMANDER_ROLES and r.name.casefold() != "incident commander"
        ]
        return roles

    def report_path(self, kind: str, moment: datetime) -> Path:
        """Beside the journal, so a leader finds every saved report of every incident in one folder."""
        return Path(self.journal.path).parent / "reports" / f"{self.state.id}-{kind}-{moment:%Y%m%d-%H%M}.md"


def save_new(path: Path, text: str) -> Path:
    """Write a report to `path`, or beside it numbered (-2, -3...) if that exists: never over an
    earlier report. Returns where it went; OSError says why not."""
    from playbook import writeback

    path.parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 100):
        target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            writeback.create(target, text)
        except FileExistsError:
            continue
        return target
    raise OSError(f"{path} and 98 numbered copies exist already")


def level_change(before: Incident, after: Incident) -> list[str]:
    """What a re-triage or re-classification did to the steps, for the commander: deadlines that
    tightened (and those kept because their own clock was earlier), steps added, steps that came
    back, deadlines that relaxed, and open steps the new response does not name."""
    was = {s.id: s for s in before.steps}
    now = {s.id: s for s in after.steps}
    lines: list[str] = []
    change = after.entries[-1] if after.entries else None
    at = change.happened_at if change is not None else after.declared_at

    def hhmm(moment: datetime) -> str:  # a deadline days away says its day
        return deadline(moment, at)

    for step in after.steps_by_due:
        old = was.get(step.id)
        if old is None:
            lines.append(f"New, due {hhmm(step.due)}: {step.do}")
        elif old.status == "skipped" and step.is_open:
            lines.append(f"Back, due {hhmm(step.due)} (skipped under {old.severity}): {step.do}")
        elif old.is_open and step.is_open and step.due < old.due:
            lines.append(f"Tightened to {hhmm(step.due)} (was {hhmm(old.due)}): {step.do}")
        elif old.is_open and step.is_open and step.due > old.due:
            lines.append(f"Relaxed to {hhmm(step.due)} (was {hhmm(old.due)}): {step.do}")
        elif old.is_open and step.severity == after.severity.id and step.added_at < at:
            lines.append(f"Kept its earlier deadline {hhmm(step.due)}: {step.do}")
    kept = [s for s in after.steps if s.is_open and s.severity != after.severity.id and s.id in now]
    lines += [f"Still open from {s.severity} ({before.type_title}): {s.do}" for s in kept]
    return lines


def pending_entry(entry: Draft, incident_id: str) -> Entry:
    """An unsaved entry shown like a recorded one, with seq 0: nothing can point at it yet."""
    return Entry(
        seq=0,
        uid=entry.uid,
        incident=incident_id,
        kind=entry.kind,
        actor=entry.actor,
        happened_at=entry.happened_at,
        logged_at=entry.logged_at,
        recorded_at=entry.logged_at,
        data=entry.data,
    )
