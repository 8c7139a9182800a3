"""The team's board in a drill: the live incident board itself, marked DRILL.

The board folds an incident's entries from its declaration; a drill's journal incident starts
with its set-up (drill-started, injects). So the board reads the drill through a view of the
journal that begins at the team's declaration, and nothing of the board is copied.
"""

from __future__ import annotations

from textual.app import ComposeResult

from playbook import drill_run
from playbook.debrief import minutes
from playbook.drill_run import CLOCK, INJECT, PRACTICE, STARTED
from playbook.journal import Entry, Journal
from tui.screens import drill_shared
from tui.screens.drill_shared import DRILL_MARK
from tui.screens.incident import IncidentScreen
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
            found = found[next((n for n, e in enumerate(found) if e.kind == "declared"), len(found)):]
        return [e for e in found if e.kind not in DRILL_KINDS]

    def __getattr__(self, name: str):
        return getattr(self._journal, name)


def drill_deadlines(run: drill_run.DrillRun, board) -> str:
    """The open steps' time boxes in drill minutes, which is what the drill scores: under an
    accelerated or facilitator's clock the board's real-time countdowns run at another speed."""
    due = [(run.minute_of(s.added_at) + s.within, s.do) for s in board.steps if s.is_open]
    if not due:
        return ""
    deadline, do = min(due)
    short = " ".join(do.split())
    short = short if len(short) <= 32 else short[:31] + "…"
    more = f" (+{len(due) - 1} more)" if len(due) > 1 else ""
    return f" · due by minute {minutes(deadline)}: {short}{more}"


def minute_and_pace(run: drill_run.DrillRun) -> str:
    """'minute 4.8, x10' for the banner: the pace without its long name."""
    pace = run.release.pace
    word = "by hand" if pace.by_hand else f"x{pace.factor:g}"
    return f"minute {minutes(int(run.minute * 10) / 10)}, {word}"


class DrillBoardScreen(IncidentScreen):
    """The incident board for a drill's team response, under a DRILL banner with the drill clock."""

    def __init__(self, journal: Journal, drill_id: str, library, actor: str) -> None:
        super().__init__(FromDeclaration(journal), drill_id, library, actor)
        self.drill_journal = journal

    def compose(self) -> ComposeResult:
        yield Plain(f"{DRILL_MARK} · not a live incident", id="drill-banner", classes="drill-banner")
        yield from super().compose()

    def show(self) -> None:
        super().show()
        banner = f"{DRILL_MARK} (not live)"
        try:
            run = drill_run.load(self.drill_journal, self.library, self.incident_id, drill_shared.now())
            banner += f" · {minute_and_pace(run)}{drill_deadlines(run, self.state)}"
        except drill_shared.UNREADABLE as error:
            banner += f" · ⚠ the drill clock cannot be read: {error}"
        self.query_one("#drill-banner", Plain).show(banner)
