"""The library's severity questions for an incident no playbook covers, asked one pick at a
time, and what a declaration form says above it: shared by a live declaration (novel.py) and a
drill team's (drill_player.py), which must not import the live declaration's screens."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from playbook import novel
from playbook.incident import SeverityInfo
from playbook.model import Library
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text

CHOICES = [(novel.YES, "Yes"), (novel.NO, "No"), (novel.UNKNOWN, "Not known yet (acts on yes)")]


def criteria_picks(app: App, library: Library, then: Callable[[novel.GenericTriage], object]) -> PickScreen | None:
    """The first of the criteria picks, each pushing the next, the last calling `then` with the
    generic triage (a live declaration, or a drill team's); None, said, when there are none."""
    criteria = list(library.criteria)
    if not criteria:
        app.notify("The library states no severity criteria: declare with a type instead.", markup=False)
        return None
    answers: dict[str, str] = {}

    def pick(index: int) -> PickScreen:
        criterion = criteria[index]

        def answered(choice: str):
            answers[criterion.id] = choice
            if index + 1 < len(criteria):
                return app.push_screen(pick(index + 1))
            return then(novel.generic_triage(library, answers))

        title = f"No playbook fits · severity {index + 1} of {len(criteria)}: {criterion.name}\n{criterion.question}"
        return PickScreen(title, CHOICES, then=answered)

    return pick(0)


def intro_lines(library: Library, triage: novel.GenericTriage) -> list[str]:
    """What the declaration form says above it: the severity, its duties, the board's keys."""
    level = SeverityInfo.of(library, triage.acted_on)
    return [
        f"{severity_text.label_of(library, triage.acted_on)} · {novel.NOVEL_TITLE}",
        f"Severity: {triage.range_words}. Its duties apply: first action within "
        f"{level.first_action_within} min, updates every {level.update_every} min.",
        "On the board: p answers the coaching prompts, b borrows a step from a playbook that might help.",
    ]
