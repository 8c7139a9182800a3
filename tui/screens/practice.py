"""Practice history: per incident type, score and time to a correct classification over drills
(a text bar chart: bars and numbers, never colour alone), and the next drill to run."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from playbook import drill_run
from playbook.drill_words import minutes
from playbook.journal import JournalError
from playbook.model import Library
from playbook.practice import PracticeRecord, Suggestion, TrendPoint, suggest, trend
from tui.screens import drill_shared
from tui.screens.form import Field, FormScreen
from tui.widgets.live import one_line
from tui.widgets.plain import Plain

BAR = 10  # characters for 100 points


def bar(score: int) -> str:
    filled = (score * BAR + 50) // 100  # half up, as scores round
    return "█" * filled + "░" * (BAR - filled)


def time_bar(minutes_taken: float, longest: float) -> str:
    """Time to classify against the slowest result of the series: a shorter bar is faster."""
    filled = max(1, round(minutes_taken * BAR / longest)) if longest > 0 else 1
    return "▓" * filled + " " * (BAR - filled)


def chart(points: Sequence[TrendPoint]) -> Content:
    """One line per result, oldest first, and the change from the first to the last."""
    lines: list[Content] = [
        Content.styled("  When         Kind         Score            Time to classify, less = faster", "bold")
    ]
    longest = max((p.time_to_classify for p in points if p.time_to_classify is not None), default=0)
    for point in points:
        classified = "✗ not correct"
        if point.time_to_classify is not None:
            taken = round(point.time_to_classify, 1)
            classified = f"{time_bar(taken, longest)} {minutes(taken)} min"
        lines.append(
            Content(
                f"  {point.when:%m-%d %H:%M}  {point.kind.value:<11}  {bar(point.score)} {point.score:>3}  {classified}"
                + (f"  {point.coverage}" if point.coverage else "")
            )
        )
    if len(points) > 1:
        first, last = points[0], points[-1]
        change = last.score - first.score
        timed = [p.time_to_classify for p in points if p.time_to_classify is not None]
        text = f"  Score {first.score} → {last.score} ({'+' if change >= 0 else ''}{change})"
        if len(timed) > 1:
            text += f" · time to classify {minutes(round(timed[0], 1))} → {minutes(round(timed[-1], 1))} min"
        lines.append(Content(text))
    return Content("\n").join(lines)


def suggestion_text(library: Library, suggestions: Sequence[Suggestion]) -> Content:
    if not suggestions:
        return Content("No incident type in this library has a drill yet.")
    lines = []
    for n, s in enumerate(suggestions, 1):
        incident = library.type(s.incident)
        drill = incident.drill(s.drill)
        lines.append(Content.assemble((f"{n}. {incident.title}", "bold"), f": drill '{drill.title}' ({s.reason})"))
    return Content("\n").join(lines)


class PracticeScreen(Screen):
    BINDINGS = [
        Binding("s", "run_suggested", "Run the first suggestion", id="practice.run"),
        Binding("g", "recognition", "Recognition drill", id="practice.recognition"),
        Binding("t", "team", "Team or participant", id="practice.team"),
        Binding("escape", "app.pop_screen", "Back", id="practice.back"),
    ]

    def __init__(self, team: str | None = None, participant: str | None = None) -> None:
        super().__init__()
        self.team = team
        self.participant = participant
        self.records: tuple[PracticeRecord, ...] = ()
        self.suggestions: tuple[Suggestion, ...] = ()

    @property
    def library(self) -> Library | None:
        loaded = self.app.loaded
        return loaded.library if loaded else None

    def compose(self) -> ComposeResult:
        yield Plain("Practice history", id="practice-title", classes="title")
        yield Plain("", id="practice-status")
        with VerticalScroll(id="practice-body", can_focus=True):
            yield Plain("Next drill", classes="debrief-section")
            yield Plain("", id="practice-next")
            yield Plain("", id="practice-charts")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#practice-body").focus()

    def on_screen_resume(self) -> None:
        self.show()

    def show(self) -> None:
        library = self.library
        status = self.query_one("#practice-status", Plain)
        if library is None:
            status.show("The library is not loaded.")
            return
        try:
            journal = drill_shared.read_journal(self.app)
            with journal or nullcontext():
                self.records = (
                    drill_run.history(journal, self.team or None, self.participant or None) if journal else ()
                )
        except JournalError as error:
            status.show(f"⚠ {error}")
            return
        self.suggestions = suggest(self.records, library, drill_shared.now())
        named = [
            f"{label} {one_line(value)}"
            for label, value in (("Team", self.team), ("Participant", self.participant))
            if value
        ]
        who = " · ".join(named) or "Every team"
        count = len(self.records)
        status.show(f"{count} result{'s' * (count != 1)} (drills and recognition drills) · t: a team or a participant")
        self.query_one("#practice-title", Plain).show(f"Practice history · {who}")
        self.query_one("#practice-next", Plain).show(suggestion_text(library, self.suggestions))
        blocks = []
        for incident in library.types:
            points = trend(self.records, incident.id)
            if points:
                blocks.append(
                    Content.assemble("\n", (f"{incident.title} ({incident.id})", "bold underline"), "\n", chart(points))
                )
        self.query_one("#practice-charts", Plain).show(
            Content("\n").join(blocks)
            if blocks
            else Content("\nNo practice yet: run a drill (s) or a recognition drill (g).")
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "run_suggested":
            return bool(self.suggestions)
        if action == "recognition":
            return self.library is not None
        return True

    def action_run_suggested(self) -> None:
        from tui.screens.drill_setup import DrillSetupScreen

        first = self.suggestions[0]
        self.app.push_screen(DrillSetupScreen(self.library, (first.incident, first.drill)))

    def action_recognition(self) -> None:
        from tui.screens.recognition import start_recognition

        start_recognition(self.app, self.team or "")

    def action_team(self) -> None:
        fields = [
            Field("team", "Team (blank: every team)", self.team or "", required=False),
            Field("participant", "Participant (blank: everyone)", self.participant or "", required=False),
        ]
        self.app.push_screen(
            FormScreen("Whose practice history?", fields),
            lambda got: got is not None and self.choose(got["team"].strip(), got["participant"].strip()),
        )

    def choose(self, team: str, participant: str) -> None:
        self.team = team or None
        self.participant = participant or None
        self.show()
