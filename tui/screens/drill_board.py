"""The team's board in a drill: the live incident board itself, marked DRILL.

The board folds an incident's entries from its declaration; a drill's journal incident starts
with its set-up (drill-started, injects). So the board folds the team's entries among the
drill's (drill_run.team_entries), and nothing of the board is copied. Its time boxes count in
drill minutes, the clock the drill is scored by, whatever the pace.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.content import Content

from playbook import drill_run
from playbook.incident import Incident, StepState
from playbook.journal import Entry, JournalStore
from playbook.render import hhmm, minutes
from tui.context import app_of
from tui.screens import drill_shared
from tui.screens.drill_shared import DRILL_MARK, tenths
from tui.screens.incident import IncidentScreen
from tui.widgets.live import OVERDUE, TimeBoxes, one_line
from tui.widgets.plain import Plain


class DrillTimeBoxes(TimeBoxes):
    """Time boxes in drill minutes: a step added at drill minute m with `within` w is due by
    minute m + w. Under an accelerated clock they run faster than real time; under the
    facilitator's they stand still between injects, as the scoring counts them. The minutes are
    the drill's reports' (drill_run.DrillTiming)."""

    def __init__(self, run: drill_run.DrillRun) -> None:
        self.run = run
        self.drill_time = drill_run.DrillTiming(run)
        self.timing = self.drill_time

    def left(self, step: StepState, now: datetime) -> timedelta:
        return timedelta(minutes=self.drill_time.due_minute(step) - self.drill_time.minute(now))

    def late_by(self, step: StepState) -> timedelta:
        if step.at is None:  # not done: not late
            return timedelta(0)
        return timedelta(minutes=self.run.minute_of(step.at) - self.drill_time.due_minute(step))

    def due(self, step: StepState) -> str:
        return f"minute {minutes(self.drill_time.due_minute(step))}"

    def due_in_words(self, step: StepState) -> str:
        return self.drill_time.due(step)

    def moment(self, when: datetime) -> str:
        return f"minute {tenths(self.run.minute_of(when))}"


def minute_and_pace(run: drill_run.DrillRun) -> str:
    """'minute 4.8, x10' for the banner: the pace without its long name."""
    pace = run.release.pace
    word = "by hand" if pace.by_hand else f"x{pace.factor:g}"
    return f"minute {tenths(run.minute)}, {word}"


def update_due(run: drill_run.DrillRun, incident: Incident) -> float:
    """The drill minute the next status update is due: the cadence counts in drill minutes from
    the declaration or the last update sent, as the time boxes do."""
    last = incident.status_updates[-1].happened_at if incident.status_updates else incident.declared_at
    return run.minute_of(last) + incident.severity.update_every


class DrillBoardScreen(IncidentScreen):
    """The incident board for a drill's team response, under a DRILL banner with the drill clock:
    time boxes, the status cadence and the header in drill minutes, and each inject the
    facilitator releases shown on the board as it comes out, with a notice."""

    def __init__(self, journal: JournalStore, drill_id: str, library, actor: str) -> None:
        super().__init__(journal, drill_id, library, actor, view=drill_run.team_entries)
        self.run: drill_run.DrillRun | None = None
        self.injects_seen: int | None = None  # how many injects the board has shown; None before the first read

    def compose(self) -> ComposeResult:
        yield Plain(f"{DRILL_MARK} · not a live incident", id="drill-banner", classes="drill-banner")
        yield Plain("", id="drill-latest-inject")
        yield from super().compose()

    def show(self) -> None:
        banner = f"{DRILL_MARK} (not live)"
        try:
            library = self.library or app_of(self).library  # a drill board opens only on a loaded library
            # The drill as recorded and as waiting unsaved in this app (a clock the facilitator moved).
            live = self.live
            self.run = drill_run.from_entries(library, self.incident_id, [*live.recorded, *live.pending], self.now())
            self.time_boxes = DrillTimeBoxes(self.run)
            banner += f" · {minute_and_pace(self.run)} · time boxes in drill minutes"
        except drill_shared.UNREADABLE as error:  # the boxes keep the last clock read (real time before any)
            banner += f" · ⚠ the drill clock cannot be read: {error}"
        super().show()
        self.query_one("#drill-banner", Plain).show(banner)
        if self.run is not None:
            self.show_drill_time(self.run)
            self.show_injects(self.run)

    def log_time(self, entry: Entry) -> str:
        # Drill time first, the wall clock beside it for the record.
        if self.run is None:
            return ""
        return f"min {tenths(self.run.minute_of(entry.happened_at))} ({hhmm(entry.happened_at)})"

    def show_drill_time(self, run: drill_run.DrillRun) -> None:
        """The header and the status cadence in drill minutes, wall-clock time beside for the record."""
        state = self.state
        declared = run.minute_of(state.declared_at)
        self.query_one("#incident-clock", Plain).show(
            f"{state.type_title} · declared at drill minute {tenths(declared)} "
            f"({hhmm(state.declared_at)} UTC) · commander {one_line(state.commander)} · typing: {one_line(self.actor)}"
        )
        self.query_one("#incident-update", Plain).show(self.drill_update_text(run))

    def drill_update_text(self, run: drill_run.DrillRun) -> Content:
        state = self.state
        if not state.is_open:
            return Content("The team's response is closed.")
        due = update_due(run, state)
        every = state.severity.update_every
        overdue = len(self.time_boxes.overdue(state, self.now()))
        steps = f" · {OVERDUE}: {overdue} step{'s' * (overdue != 1)}" if overdue else ""
        if run.minute > due:
            return Content.assemble(
                (f"⚠ STATUS UPDATE OVERDUE by {tenths(run.minute - due)} drill min", "bold reverse"),
                f" (due at drill minute {minutes(due)}, every {every} min) · u when sent",
                steps,
            )
        return Content(
            f"Next status update due at drill minute {minutes(due)}, in {tenths(due - run.minute)} min{steps}"
        )

    def remind(self, moment: datetime) -> None:
        # The live board reminds by the wall clock; in a drill only the steps' boxes (already in
        # drill minutes) remind, and the cadence is on the board in drill minutes.
        run, state = self.run, self.state
        due = update_due(run, state) if run is not None and state.is_open else None
        if run is not None and due is not None and run.minute > due and self.live.once(("drill-update", due)):
            self.notify(
                f"Status update due (every {state.severity.update_every} drill min): send it, then press u",
                title="⚠ Status update",
                severity="warning",
                markup=False,
                timeout=20,
            )
        overdue = self.time_boxes.overdue(state, moment)
        for reminder in self.live.step_reminders(overdue, self.time_boxes.due_in_words):
            self.notify(reminder.text, title=reminder.title, severity="warning", markup=False, timeout=20)

    def show_injects(self, run: drill_run.DrillRun) -> None:
        """The latest inject above the steps, and a notice for each one released since the board
        last looked. From the player's view of the drill: nothing of the facilitator's."""
        view = run.player_view()
        latest = view.injects[-1] if view.injects else None
        self.query_one("#drill-latest-inject", Plain).show(
            Content.assemble(("Latest inject · ", "bold"), drill_shared.player_inject(latest)) if latest else ""
        )
        if self.injects_seen is not None:
            for inject in view.injects[self.injects_seen :]:
                self.notify(
                    f"Minute {inject.at}: {one_line(inject.message)}",
                    title="◆ New inject",
                    markup=False,
                    timeout=15,
                )
        self.injects_seen = len(view.injects)
