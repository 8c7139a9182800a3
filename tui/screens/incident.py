"""The live incident board: the command board and the scribe of one declared incident.

Every entry goes through an Outbox: it shows at once, marked UNSAVED, and counts as recorded
only when its transaction has committed. A failed write (disk full, read-only, I/O error)
leaves it marked and retried every few seconds while the app keeps running; the outbox is a
file beside the journal, so an entry typed then survives the terminal being closed and is
recorded on the next start. A journal that failed its checks is shown damaged and read-only.
Once a second the board reads entries other terminals recorded, and the countdowns move on.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from playbook import reports
from playbook.incident import COMMANDER, COMMANDER_ROLES, Incident, IncidentError, fold, parse_when, recorded_walk
from playbook.journal import Draft, Entry, Journal, JournalError, Outbox, WriteFailed, default_path, outbox_path
from playbook.model import IncidentType, Library
from tui.screens.form import Field, FormScreen
from tui.screens.pick import PickScreen
from tui.screens.report import ReportScreen
from tui.widgets import severity as severity_text
from tui.widgets.live import OVERDUE, REAL_TIME, UNSAVED, TimeBoxes, clock, elapsed, hhmm, log_line, one_line, step_line
from tui.widgets.plain import Plain

RETRY_SECONDS = 2.0
REPORT_NAMES = {
    "status": "Status update",
    "summary": "Executive summary",
    "timeline": "Timeline (activity log)",
    "after-action": "After-action report (draft)",
}


def now() -> datetime:
    """The board's clock (tests replace it to reach a deadline without waiting)."""
    return datetime.now(UTC)


def open_journal(app: App, create: bool = False) -> Journal:
    """The app's journal. Only a write the user asked for creates it (`create`), and only the
    default journal's folder is made: a named one whose folder is missing is a mistyped path."""
    chosen = getattr(app, "journal_path", None)
    if getattr(app, "read_only", False):
        return Journal.open(chosen or default_path(), readonly=True)
    return Journal.open(chosen or default_path(), create=create, make_folders=chosen is None)


def read_journal(app: App) -> Journal | None:
    """The app's journal to read, or None when none has been written yet (nothing is created)."""
    chosen = getattr(app, "journal_path", None)
    path = Path(chosen or default_path())
    if not path.exists() and (chosen is None or path.parent.is_dir()):
        return None
    return open_journal(app)


class Flushed(Message):
    """Posted by the writing worker: what got recorded, and the error if something did not."""

    def __init__(self, recorded: list[Entry], error: WriteFailed | None) -> None:
        super().__init__()
        self.recorded = recorded
        self.error = error


class IncidentScreen(Screen):
    # Priority, and the actions that open a form wait for it: a board key runs as it arrives, so
    # the keys typed after it (tmux send-keys, a fast typist) go into the form, not to the board.
    BINDINGS = [
        Binding("d", "mark('done')", "Done", id="incident.done", priority=True),
        Binding("s", "skip", "Skip", id="incident.skip", priority=True),
        Binding("o", "mark('reopened')", "Reopen", id="incident.reopen", priority=True),
        Binding("n", "write('note')", "Note", id="incident.note", priority=True),
        Binding("k", "write('decision')", "Decision", id="incident.decision", priority=True),
        Binding("e", "correct", "Correct", id="incident.correct", priority=True),
        Binding("t", "retriage", "Re-triage", id="incident.retriage", priority=True),
        Binding("T", "set_severity", "Severity", id="incident.severity", priority=True),
        Binding("a", "assign", "Roles", id="incident.assign", priority=True),
        Binding("u", "status_sent", "Update sent", id="incident.status", priority=True),
        Binding("v", "report", "Reports", id="incident.report", priority=True),
        Binding("w", "whoami", "Who types", id="incident.whoami", priority=True),
        Binding("x", "close_incident", "Close", id="incident.close", priority=True),
        Binding("escape", "back", "Back", id="incident.back", priority=True),
    ]
    time_boxes: TimeBoxes = REAL_TIME  # the drill board counts them in drill minutes instead

    def __init__(self, journal: Journal, incident_id: str, library: Library | None, actor: str) -> None:
        super().__init__()
        self.journal = journal
        self.incident_id = incident_id
        self.library = library
        self.actor = actor
        self.outbox = Outbox(outbox_path(Path(journal.path)))
        self.recorded: list[Entry] = journal.entries(incident_id)
        self.state: Incident = fold(self.recorded, journal.kind_of(incident_id) or "live")
        self.write_error: str = ""
        self.read_error: str = ""
        self.last_attempt = 0.0
        self.flushing = False
        self.reminded: set[tuple] = set()  # each deadline is announced once
        self.warned_unsaved = False
        self.open_steps: dict[str, bool] = {}  # step id -> open, as last shown: where the cursor goes next
        self.spotlight = ""  # uid of the entry just written: marked in the log and shown when recorded
        self.shown_log: Content | None = None
        self.log_of: tuple = (None, "")  # the state and spotlight the log was last built from

    # -- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Plain("", id="incident-title", classes="title")
        yield Plain("", id="incident-clock")
        yield Plain("", id="incident-update")
        yield OptionList(id="incident-steps", markup=False)
        yield Plain("Log", classes="timebox")
        yield VerticalScroll(Plain("", id="incident-log-text"), id="incident-log")
        yield Plain("", id="incident-saved")
        yield Footer(compact=True)  # compact, so at 80 columns the keys up to x (Close) fit

    def on_mount(self) -> None:
        self.show()
        self.query_one("#incident-steps").focus()
        self.set_interval(1.0, self.tick)

    def on_unmount(self) -> None:
        self.journal.close()

    @property
    def incident_type(self) -> IncidentType | None:
        return self.library.type(self.state.type_id) if self.library else None

    def role_name(self, role_id: str) -> str:
        role = self.library.role(role_id) if self.library else None
        return role.name if role else role_id

    def owner(self, role_id: str) -> str:
        holder = self.state.holder(role_id)
        return f"{self.role_name(role_id)} ({one_line(holder.person)})" if holder else self.role_name(role_id)

    # -- state ---------------------------------------------------------------------------

    def refold(self) -> None:
        """Recorded entries, then the unsaved ones, so the board shows what the leader did."""
        pending = [_pending(d, self.incident_id) for d in self.outbox.waiting if d.incident == self.incident_id]
        self.state = fold([*self.recorded, *pending], self.state.kind)

    def show(self) -> None:
        state, moment = self.state, now()
        level = self.library.severity(state.severity.id) if self.library else None
        badge = severity_text.label(level) if level else f"{state.severity.id} {state.severity.name}"
        title = self.query_one("#incident-title", Plain)
        title.show(f"{badge} · {one_line(state.title)} · {state.id}{'' if state.is_open else ' · CLOSED'}")
        if self.library:
            title.set_classes(f"title {severity_text.css_class(self.library, state.severity.id)}")
        self.query_one("#incident-clock", Plain).show(
            f"{state.type_title} · declared {hhmm(state.declared_at)} UTC · "
            f"{elapsed(state.ended_at(moment) - state.declared_at)} {'elapsed' if state.is_open else 'in all'} · "
            f"commander {one_line(state.commander)} · typing: {one_line(self.actor)}"
        )
        self.query_one("#incident-update", Plain).show(self.update_text(moment))
        self.show_steps(moment)
        self.show_log()
        self.show_saved()

    def update_text(self, moment: datetime) -> Content:
        state = self.state
        if not state.is_open:
            return Content(f"Closed {hhmm(state.closed.happened_at)} UTC. Reports: v")
        due = state.next_update_due
        overdue = len(self.time_boxes.overdue(state, moment))
        steps = f" · {OVERDUE}: {overdue} step{'s' * (overdue != 1)}" if overdue else ""
        if state.update_overdue(moment):
            return Content.assemble(
                (f"⚠ STATUS UPDATE OVERDUE by {clock(moment - due)}", "bold reverse"),
                f" (due {hhmm(due)} UTC, every {state.severity.update_every} min) · u when sent",
                steps,
            )
        return Content(f"Next status update due {hhmm(due)} UTC, in {clock(due - moment)}{steps}")

    def show_steps(self, moment: datetime) -> None:
        """Open steps by due time, the most urgent first; done and skipped ones below them."""
        steps = self.query_one("#incident-steps", OptionList)
        ordered = self.state.steps_by_due
        closed = not self.state.is_open
        lines = [Option(step_line(s, self.owner(s.owner), moment, self.time_boxes, closed), id=s.id) for s in ordered]
        before, ids = [o.id for o in steps.options], [o.id for o in lines]
        if before == ids:
            for index, option in enumerate(lines):  # in place, so the highlight stays put
                steps.replace_option_prompt_at_index(index, option.prompt)
        else:
            highlighted = steps.highlighted_option.id if steps.highlighted_option else None
            index = steps.highlighted or 0
            added = [i for i in ids if i not in before] if before else []
            steps.set_options(lines)
            if added:  # a re-triage added steps: the most urgent of them, in view
                steps.highlighted = min(ids.index(i) for i in added)
            elif highlighted in ids and not (
                self.open_steps.get(highlighted) and self.state.step(highlighted).status != "open"
            ):
                steps.highlighted = ids.index(highlighted)
            else:  # the step under the cursor was just done or skipped: the cursor stays, on the next one
                steps.highlighted = min(index, len(ids) - 1) if ids else None
            steps.call_after_refresh(steps.scroll_to_highlight)
        self.open_steps = {s.id: s.is_open for s in ordered}

    def show_log(self) -> None:
        # The log depends on the folded state (refolded whenever an entry is made or recorded)
        # and the spotlight, never on the clock: the per-second tick need not rebuild it.
        if self.log_of[0] is self.state and self.log_of[1] == self.spotlight:
            return
        self.log_of = (self.state, self.spotlight)
        waiting = {d.uid for d in self.outbox.waiting}
        entries = [e for e in self.state.entries if e.kind != "declared"]
        entries.sort(key=lambda e: (e.happened_at, e.seq or 1 << 62))
        entries = entries[-200:]
        lines = [log_line(self.state, e, e.uid in waiting, e.uid == self.spotlight, self.log_time(e)) for e in entries]
        text = Content("\n").join(lines) if lines else Content("No entries yet: n for a note, k for a decision.")
        if text == self.shown_log:  # unchanged: leave the log where the leader scrolled it
            return
        self.shown_log = text
        self.query_one("#incident-log-text", Plain).show(text)
        log = self.query_one("#incident-log", VerticalScroll)
        spot = next((i for i, e in enumerate(entries) if e.uid == self.spotlight), None)
        if spot is None:
            log.scroll_end(animate=False)
        else:  # a back-dated entry sorts above newer ones: scroll to it, wherever it landed
            width = max(1, log.scrollable_content_region.width or 80)
            line = sum(len(each.wrap(width)) for each in lines[:spot])
            log.call_after_refresh(log.scroll_to, y=line, animate=False)

    def log_time(self, entry: Entry) -> str:
        """An entry's time in the log ("" for the wall clock; the drill board says its minute)."""
        return ""

    def show_saved(self) -> None:
        waiting = len(self.outbox)
        saved = self.query_one("#incident-saved", Plain)
        damage = self.journal.damage
        damaged_here = len(self.state.damaged)
        if waiting:
            why = self.write_error or "saving…"
            kept = (
                f"NOT EVEN KEPT ON DISK ({self.outbox.file_error}): keep the app open"
                if self.outbox.file_error
                else f"kept in {self.outbox.file} until recorded"
            )
            saved.show(
                Content.assemble(
                    (f"{UNSAVED}: {waiting} entr{'ies' if waiting != 1 else 'y'} not saved yet", "bold reverse"),
                    one_line(f" · {why} · {kept} · retrying every {RETRY_SECONDS:.0f} s; keep working"),
                )
            )
        elif damage:
            more = f" (and {len(damage) - 1} more)" if len(damage) > 1 else ""
            saved.show(
                Content.assemble(
                    ("⚠ DAMAGED journal, read-only", "bold reverse"),
                    one_line(f": {damage[0]}{more} · never written to · `playbook journal verify` lists every problem"),
                )
            )
        elif damaged_here:
            saved.show(
                Content.assemble(
                    (f"⚠ DAMAGED: {damaged_here} entr{'ies' if damaged_here != 1 else 'y'}", "bold reverse"),
                    " of this incident cannot be read; they are marked in the log with their numbers",
                )
            )
        elif self.read_error:
            saved.show(Content.assemble(("⚠ ", "bold"), self.read_error))
        elif self.journal.readonly:
            saved.show(
                Content.assemble(
                    ("⚠ READ-ONLY journal", "bold"),
                    f": {self.journal.path} cannot be written; entries you make will stay unsaved",
                )
            )
        else:
            saved.show(f"✓ Every entry recorded in {self.journal.path}")
        saved.set_class(bool(waiting or damage or damaged_here), "-unsaved")

    # -- polling and writing ---------------------------------------------------------------

    def tick(self) -> None:
        if not self.flushing:  # the writer may wait on another terminal's lock: never block the UI
            self.poll()
        if len(self.outbox) and not self.flushing and time.monotonic() - self.last_attempt >= RETRY_SECONDS:
            self.flush()
        self.show()
        self.remind(now())

    def remind(self, moment: datetime) -> None:
        """A toast when a status update falls due or a step goes overdue, besides the board's marks."""
        state = self.state
        if not state.is_open:
            return
        if state.update_overdue(moment) and ("update", state.next_update_due) not in self.reminded:
            self.reminded.add(("update", state.next_update_due))
            self.notify(
                f"Status update due (every {state.severity.update_every} min): send it, then press u",
                title="⚠ Status update",
                severity="warning",
                markup=False,
                timeout=20,
            )
        for step in self.time_boxes.overdue(state, moment):
            if ("step", step.id, step.due) not in self.reminded:
                self.reminded.add(("step", step.id, step.due))
                self.notify(
                    f"{step.do} ({self.owner(step.owner)}) was due {self.time_boxes.due_in_words(step)}",
                    title=OVERDUE,
                    severity="warning",
                    markup=False,
                    timeout=20,
                )

    def poll(self) -> bool:
        """Entries recorded since we last looked, by this terminal or another one; True when
        there were any (the state is then refolded)."""
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
            self.refresh_bindings()
        return bool(new)

    def record(self, entry: Draft) -> None:
        self.outbox.add(entry)
        self.refold()
        self.show()
        self.refresh_bindings()
        self.flush()

    def flush(self) -> None:
        self.flushing = True
        self.last_attempt = time.monotonic()
        self.write_in_background()

    @work(thread=True, group="journal")
    def write_in_background(self) -> None:
        # Never touches widgets: the result comes back as a message.
        try:
            recorded = self.outbox.flush(self.journal)
        except JournalError as error:  # not a failed write but a refusal: still shown, never a crash
            self.post_message(Flushed([], WriteFailed(str(error))))
            return
        self.post_message(Flushed(recorded, self.outbox.last_error))

    def on_flushed(self, message: Flushed) -> None:
        self.flushing = False
        self.write_error = str(message.error) if message.error else ""
        self.warned_unsaved = self.warned_unsaved and bool(len(self.outbox))
        # Picks up what was just recorded, in commit order with other terminals' entries; the
        # outbox changed either way, so fold again if the poll did not.
        if not self.poll():
            self.refold()
        self.show()
        self.confirm(message.recorded)

    def confirm(self, recorded: list[Entry]) -> None:
        """A written note or decision, once recorded: its number and the time it is dated, since a
        back-dated one sorts out of sight."""
        entry = next((e for e in recorded if e.uid == self.spotlight), None)
        if entry is None:
            return
        early = entry.logged_at - entry.happened_at
        before = f" ({elapsed(early)} before it was logged)" if early.total_seconds() >= 60 else ""
        self.notify(f"Recorded #{entry.seq}, dated {hhmm(entry.happened_at)}{before}", markup=False)

    # -- actions ---------------------------------------------------------------------------

    @property
    def chosen(self):
        option = self.query_one("#incident-steps", OptionList).highlighted_option
        return self.state.step(option.id) if option else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        state = self.state
        if (
            action in ("mark", "skip", "retriage", "set_severity", "assign", "status_sent", "close_incident")
            and not state.is_open
        ):
            return False
        step = self.chosen if self.is_mounted else None
        if action == "mark":
            wanted_open = parameters[0] != "reopened"
            return step is not None and step.is_open == wanted_open
        if action == "skip":
            return step is not None and step.is_open
        if action in ("retriage", "set_severity"):
            return self.incident_type is not None
        if action == "correct":
            return any(e.seq for e in state.entries)
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def attempt(self, make) -> None:
        """Build an entry from the current state; a refusal is shown, never raised."""
        try:
            entry = make(self.state)
        except IncidentError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.record(entry)

    def action_back(self) -> None:
        """Leaving stops the retries of what is not saved yet, so the first Escape only warns."""
        if len(self.outbox) and not self.warned_unsaved:
            self.warned_unsaved = True
            kept = (
                "they would be lost"
                if self.outbox.file_error
                else "they stay in the outbox file and are recorded on the next start"
            )
            self.notify(
                f"{len(self.outbox)} entries are not saved yet and are being retried. Press Escape again "
                f"to leave anyway: {kept}.",
                title=UNSAVED,
                severity="error",
                markup=False,
            )
            return
        self.app.pop_screen()

    def action_mark(self, status: str) -> None:
        step = self.chosen
        if step is not None:
            self.attempt(lambda s: s.mark(step.id, status, self.actor, now()))

    async def action_skip(self) -> None:
        step = self.chosen
        if step is None:
            return
        form = FormScreen("Skip a step", [Field("reason", "Why is it skipped?")], intro=Content(step.do))
        await self.app.push_screen(
            form,
            lambda got: (
                got and self.attempt(lambda s: s.mark(step.id, "skipped", self.actor, now(), reason=got["reason"]))
            ),
        )

    async def action_write(self, kind: str) -> None:
        fields = [
            Field("text", "Decision" if kind == "decision" else "Note"),
            Field(
                "when",
                "When it happened: blank for now, 10 or '10 min ago', or HH:MM UTC",
                required=False,
                check=_time_problem,
            ),
        ]
        await self.app.push_screen(FormScreen(f"Record a {kind}", fields), lambda got: got and self.write(kind, got))

    def write(self, kind: str, got: dict[str, str]) -> None:
        moment = now()
        happened = parse_when(got.get("when", ""), moment)  # the form checked it
        before = len(self.outbox)
        self.attempt(lambda s: s.write(kind, got["text"], self.actor, moment, happened_at=happened))
        if len(self.outbox) > before:
            self.spotlight = self.outbox.waiting[-1].uid
            self.show_log()

    async def action_correct(self) -> None:
        entries = [e for e in reversed(self.state.entries) if e.seq][:30]
        choices = [
            (str(e.seq), f"#{e.seq} {hhmm(e.happened_at)} {reports.describe(self.state, e, one_line)}") for e in entries
        ]
        await self.app.push_screen(PickScreen("Correct which entry? (the original stays)", choices, then=self.correct))

    def correct(self, seq: str | None):
        """Returns the form's AwaitMount, so the pick's digit holds the keys typed after it."""
        if seq is None:
            return None
        form = FormScreen(f"Correction of #{seq}", [Field("text", "What is right")])
        return self.app.push_screen(
            form, lambda got: got and self.attempt(lambda s: s.correct(int(seq), got["text"], self.actor, now()))
        )

    async def action_retriage(self) -> None:
        """Facts arrived: the type's triage again, from the recorded answers, to change any of them."""
        from tui.screens.triage import TriageScreen

        walk = recorded_walk(self.state, self.incident_type, self.library)
        await self.app.push_screen(TriageScreen(self.incident_type, self.library, walk, on_settled=self.retriaged))

    def retriaged(self, walk):
        """The settled re-triage: asks what changed, and returns the form's AwaitMount (or None)."""
        answers = walk.answered  # questions and answers themselves: the record keeps their ids
        severity_id = walk.severity
        if severity_id != self.state.severity.id:
            return self.ask_reason(
                f"Re-triage to {severity_id}",
                "",
                lambda s, reason: s.retriage(
                    self.library, self.incident_type, severity_id, self.actor, now(), answers=answers, reason=reason
                ),
            )
        try:  # the same answers too: nothing to record, said at once rather than after the form
            self.state.triage_again(answers, self.actor, now())
        except IncidentError as error:
            self.notify(str(error), severity="warning", markup=False)
            return None
        stays = f"The severity stays {severity_text.label_of(self.library, severity_id)}: the new answers are recorded."
        return self.ask_reason(
            f"Re-triage: {severity_id} stays",
            stays,
            lambda s, reason: s.triage_again(answers, self.actor, now(), reason=reason),
        )

    async def action_set_severity(self) -> None:
        """When the triage tree does not fit the facts: pick the severity itself."""
        choices = [
            (lvl.id, f"{severity_text.label(lvl)}{'  (now)' if lvl.id == self.state.severity.id else ''}")
            for lvl in self.library.severities
        ]
        await self.app.push_screen(PickScreen("Set the severity directly", choices, then=self.set_severity))

    def set_severity(self, severity_id: str):
        if severity_id == self.state.severity.id:
            return None
        return self.ask_reason(
            f"Re-triage to {severity_id}",
            "",
            lambda s, reason: s.retriage(
                self.library, self.incident_type, severity_id, self.actor, now(), reason=reason
            ),
        )

    def ask_reason(self, title: str, intro: str, make):
        """What changed (optional), then the entry `make(state, reason)` builds is recorded.
        Returns the form's AwaitMount."""
        form = FormScreen(title, [Field("reason", "What changed", required=False)], intro=intro)
        return self.app.push_screen(
            form, lambda got: got is not None and self.attempt(lambda s: make(s, got["reason"]))
        )

    async def action_assign(self) -> None:
        # The commander named at declaration holds the library's commander role: one row, a hand-over.
        roles = [(COMMANDER, "Incident commander")]
        roles += [
            (r.id, r.name)
            for r in (self.library.roles if self.library else ())
            if r.id not in COMMANDER_ROLES and r.name.casefold() != "incident commander"
        ]
        choices = [
            (rid, f"{name}: {h.person}" if (h := self.state.holder(rid)) else f"{name}: unassigned")
            for rid, name in roles
        ]
        await self.app.push_screen(
            PickScreen("Assign or hand over a role", choices, then=lambda rid: self.assign(rid, dict(roles)[rid]))
        )

    def assign(self, role: str, name: str):
        """Returns the form's AwaitMount, so the pick's digit holds the keys typed after it."""
        holder = self.state.holder(role)
        intro = f"Handed over from {one_line(holder.person)}" if holder else ""
        form = FormScreen(name, [Field("person", "Who takes it")], intro=intro)
        return self.app.push_screen(
            form, lambda got: got and self.attempt(lambda s: s.assign(role, name, got["person"], self.actor, now()))
        )

    def action_status_sent(self) -> None:
        self.attempt(lambda s: s.status_sent(self.actor, now(), reports.status(s, now())))

    async def action_report(self) -> None:
        await self.app.push_screen(PickScreen("Which report?", list(REPORT_NAMES.items())), self.show_report)

    def show_report(self, kind: str | None) -> None:
        if kind is not None:
            moment = now()
            # Beside the journal, so a leader finds every saved report of every incident in one folder.
            save_to = Path(self.journal.path).parent / "reports" / f"{self.state.id}-{kind}-{moment:%Y%m%d-%H%M}.md"
            self.app.push_screen(ReportScreen(REPORT_NAMES[kind], reports.report(self.state, kind, moment), save_to))

    async def action_whoami(self) -> None:
        form = FormScreen("Who is typing at this terminal?", [Field("name", "Your name", self.actor)])
        await self.app.push_screen(form, lambda got: got and self.set_actor(got["name"].strip()))

    def set_actor(self, name: str) -> None:
        self.actor = name
        self.show()

    async def action_close_incident(self) -> None:
        open_steps = sum(s.is_open for s in self.state.steps)
        intro = (
            f"{open_steps} step{'s' * (open_steps != 1)} still open."
            if open_steps
            else "Every step is done or skipped."
        )
        form = FormScreen(
            "Close the incident", [Field("summary", "Outcome, in a sentence", required=False)], intro=intro
        )
        await self.app.push_screen(
            form, lambda got: got is not None and self.attempt(lambda s: s.close(self.actor, now(), got["summary"]))
        )


def _time_problem(text: str) -> str | None:
    try:
        parse_when(text, now())
    except ValueError as error:
        return str(error)
    return None


def _pending(entry: Draft, incident_id: str) -> Entry:
    # Shown like a recorded entry, with seq 0: nothing can point at it until it is recorded.
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
