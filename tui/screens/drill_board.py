"""The team's board in a drill: the live incident board itself, marked DRILL.

The board folds an incident's entries from its declaration; a drill's journal incident starts
with its set-up (drill-started, injects). So the board reads the drill through a view of the
journal that begins at the team's declaration, and nothing of the board is copied.
"""

from __future__ import annotations

from textual.app import ComposeResult

from playbook.drill_run import CLOCK, INJECT, PRACTICE, STARTED
from playbook.journal import Entry, Journal
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


class DrillBoardScreen(IncidentScreen):
    """The incident board for a drill's team response, under a DRILL banner."""

    def __init__(self, journal: Journal, drill_id: str, library, actor: str) -> None:
        super().__init__(FromDeclaration(journal), drill_id, library, actor)

    def compose(self) -> ComposeResult:
        yield Plain(f"{DRILL_MARK} · a tabletop exercise, not a live incident · {self.incident_id}",
                    id="drill-banner", classes="drill-banner")
        yield from super().compose()
