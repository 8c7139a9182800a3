"""The team's board in a drill: the live incident board itself, marked DRILL.

The board folds an incident's entries from its declaration; a drill's journal incident starts
with its set-up (drill-started, injects). So the board reads the drill through a view of the
journal that begins at the team's declaration, and nothing of the board is copied. Its time
boxes count in drill minutes, the clock the drill is scored by, whatever the pace.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from textual.app import ComposeResult

from playbook import drill_run
from playbook.drill_run import CLOCK, INJECT, PRACTICE, STARTED
from playbook.incident import StepState
from playbook.journal import Entry, Journal
from playbook.render import minutes
from tui.context import app_of, context_of
from tui.screens import drill_shared
from tui.screens.drill_shared import DRILL_MARK, tenths
from tui.screens.incident import IncidentScreen
from tui.widgets.live import TimeBoxes
from tui.widgets.plain import Plain

DRILL_KINDS = (STARTED, INJECT, CLOCK, PRACTICE)


class FromDeclaration:
    """A journal whose `entries` of one drill are the team's: from its declaration on, without
    the drill's own clock and inject entries. Everything else (append, kind_of, path, close) is
    the journal itself."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def entries(self, incident: str, after: int = 0) -> list[Entry]:
        found = self._journal.entries(incident, after)
        if not after:
            found = found[next((n for n, e in enumerate(found) if e.kind == "declared"), len(found)) :]
        return [e for e in found if e.kind not in DRILL_KINDS]

    def __getattr__(self, name: str):
        return getattr(self._journal, name)


class DrillTimeBoxes(TimeBoxes):
    """Time boxes in drill minutes: a step added at drill minute m with `within` w is due by
    minute m + w. Under an accelerated clock they run faster than real time; under the
    facilitator's they stand still between injects, as the scoring counts them."""

    def __init__(self, run: drill_run.DrillRun) -> None:
        self.run = run

    def _minute(self, now: datetime) -> float:
        return self.run.minute if self.run.ended else self.run.minute_of(now)  # an ended drill's clock stops

    def _due(self, step: StepState) -> float:
        return self.run.minute_of(step.added_at) + step.within

    def left(self, step: StepState, now: datetime) -> timedelta:
        return timedelta(minutes=self._due(step) - self._minute(now))

    def late_by(self, step: StepState) -> timedelta:
        if step.at is None:  # not done: not late
            return timedelta(0)
        return timedelta(minutes=self.run.minute_of(step.at) - self._due(step))

    def due(self, step: StepState) -> str:
        return f"minute {minutes(self._due(step))}"

    def due_in_words(self, step: StepState) -> str:
        return f"drill minute {minutes(self._due(step))}"

    def moment(self, when: datetime) -> str:
        return f"minute {tenths(self.run.minute_of(when))}"


def minute_and_pace(run: drill_run.DrillRun) -> str:
    """'minute 4.8, x10' for the banner: the pace without its long name."""
    pace = run.release.pace
    word = "by hand" if pace.by_hand else f"x{pace.factor:g}"
    return f"minute {tenths(run.minute)}, {word}"


class DrillBoardScreen(IncidentScreen):
    """The incident board for a drill's team response, under a DRILL banner with the drill clock."""

    def __init__(self, journal: Journal, drill_id: str, library, actor: str) -> None:
        # FromDeclaration stands in for the journal (it forwards what it does not narrow).
        super().__init__(cast(Journal, FromDeclaration(journal)), drill_id, library, actor)
        self.drill_journal = journal

    def compose(self) -> ComposeResult:
        yield Plain(f"{DRILL_MARK} · not a live incident", id="drill-banner", classes="drill-banner")
        yield from super().compose()

    def show(self) -> None:
        banner = f"{DRILL_MARK} (not live)"
        try:
            library = self.library or app_of(self).library  # a drill board opens only on a loaded library
            run = drill_run.load(self.drill_journal, library, self.incident_id, context_of(self).clock.now())
            self.time_boxes = DrillTimeBoxes(run)
            banner += f" · {minute_and_pace(run)} · time boxes in drill minutes"
        except drill_shared.UNREADABLE as error:  # the boxes keep the last clock read (real time before any)
            banner += f" · ⚠ the drill clock cannot be read: {error}"
        super().show()
        self.query_one("#drill-banner", Plain).show(banner)
