"""Triage: one question at a time, a digit per answer, until the severity is settled.

From a live incident's board it starts at the recorded answers (a re-triage: go back and change
any of them) and hands the settled walk to the board instead of opening the response.
"""

from __future__ import annotations

from collections.abc import Callable
from inspect import isawaitable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from playbook.model import IncidentType, Library
from playbook.render import duration
from playbook.triage import Walk
from tui.context import app_of
from tui.screens.on_the_way import OnTheWay
from tui.widgets import severity
from tui.widgets.numbered import DIGITS, numbered
from tui.widgets.plain import Plain, StatusLine


class TriageScreen(OnTheWay):
    # Priority: answered as each key arrives, so an Enter typed right after the last digit
    # (tmux send-keys, a fast typist) finds the triage settled instead of the emptied answer list.
    BINDINGS = [
        *(
            Binding(d, f"answer({i})", "Choose answer", id=f"triage.answer{d}", show=False, priority=True)
            for i, d in enumerate(DIGITS)
        ),
        Binding("backspace", "undo", "Previous question", id="triage.back", priority=True),
        Binding("enter", "respond", "Show the response", id="triage.respond", priority=True),
        Binding("enter", "settle", "Record this triage", id="triage.settle", priority=True),  # a re-triage: instead
        Binding("escape", "app.pop_screen", "Back", id="triage.escape"),
    ]

    def __init__(
        self,
        incident: IncidentType,
        library: Library,
        walk: Walk | None = None,
        on_settled: Callable[[Walk], object] | None = None,
    ) -> None:
        super().__init__()
        self.incident = incident
        self.library = library
        self.walk = walk or Walk.start(incident, library)
        self.on_settled = on_settled

    def compose(self) -> ComposeResult:
        heading = "Re-triage" if self.on_settled else "Triage"
        yield Plain(f"{heading} · {self.incident.title}", id="triage-title", classes="title")
        yield StatusLine("", id="breadcrumb")
        with VerticalScroll(id="triage-body"):
            yield Plain("", id="question")
            yield OptionList(id="answers", markup=False)
            yield Plain("", id="outcome")
            yield Plain("", id="possible")
        yield Footer()

    def on_mount(self) -> None:
        self.show_walk()

    def show_walk(self) -> None:
        walk = self.walk
        # Each answer under its question, so two "Not known yet" answers read differently.
        crumbs = [f"{question.ask} {answer.label}" for question, answer in walk.answered]
        self.query_one("#breadcrumb", Plain).show("Path: " + " › ".join(crumbs) if crumbs else "Path: (first question)")
        answers = self.query_one("#answers", OptionList)
        question = self.query_one("#question", Plain)
        outcome = self.query_one("#outcome", Plain)
        possible = self.query_one("#possible", Plain)
        answers.clear_options()
        answers.display = question.display = not walk.done
        outcome.display = walk.done
        for css in [c for c in outcome.classes if c.startswith("sev-")]:
            outcome.remove_class(css)
        asked = walk.question
        if asked is None:
            outcome.show(self.outcome_text())
            if walk.severity:
                outcome.add_class(severity.css_class(self.library, walk.severity))
        else:
            question.show(
                Content.assemble((asked.ask, "bold"), *(("\n", (asked.help, "italic")) if asked.help else ()))
            )
            # In the order of their digits, each beside the digit that picks it ("1 - High" on 1).
            answers.add_options(
                Option(
                    numbered(digit - 1, answer.label, "keeps every other answer open" if answer.unknown else ""),
                    id=f"{asked.id}/{answer.id}",
                )
                for digit, answer in asked.keyed
            )
            # Nothing highlighted: a stray second Enter from the search must not pick an answer.
            answers.highlighted = None
            answers.focus()
        levels = " · ".join(severity.label_of(self.library, s) for s in walk.possible)
        possible.show(f"{'Still possible' if walk.done else 'Possible severities'}: {levels}")
        # Once settled on one level, the outcome above says it all.
        possible.display = not walk.done or len(walk.possible) > 1
        self.refresh_bindings()

    def outcome_text(self) -> Content:
        walk = self.walk
        if walk.severity is None:
            return Content("This triage reached no severity. Check the playbook with `playbook validate`.")
        level = self.library.severity(walk.severity)
        parts: list = [(severity.label_of(self.library, walk.severity), "bold"), "\n"]
        if level:
            parts += [
                level.definition,
                "\n",
                ("First action within " + duration(level.first_action_within), "bold"),
                "\n",
            ]
        if walk.unsure:
            parts += [
                "\n",
                ("Some answers are not known yet: ", "bold"),
                "act on the most severe level still possible and triage again as facts arrive.\n",
            ]
        enter = "record this triage" if self.on_settled else "show the response"
        parts += ["\n", (f"Enter: {enter}   Backspace: change the last answer", "italic")]
        return Content.assemble(*parts)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("respond", "settle"):
            wanted = self.on_settled is not None if action == "settle" else self.on_settled is None
            return wanted and self.walk.done and self.walk.severity is not None
        if action == "answer":
            asked = self.walk.question
            return asked is not None and asked.by_key(parameters[0] + 1) is not None
        if action == "undo":
            return bool(self.walk.answered)
        return True

    def action_answer(self, index: int) -> None:
        answer = asked.by_key(index + 1) if (asked := self.walk.question) is not None else None
        if answer is not None:
            self.choose(answer.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question_id, _, answer_id = (event.option_id or "").partition("/")
        asked = self.walk.question
        if asked is not None and asked.id == question_id:
            self.choose(answer_id)

    def choose(self, answer_id: str) -> None:
        # A click or key that lands after the question changed must not answer the next one.
        asked = self.walk.question
        if asked is None or asked.answer(answer_id) is None:
            return
        self.walk = self.walk.answer(answer_id)
        self.show_walk()

    def action_undo(self) -> None:
        undone = self.walk.answered[-1] if self.walk.answered else None
        self.walk = self.walk.back()
        self.show_walk()
        if undone is not None:
            # The cursor on the answer being changed, so an arrow moves to its neighbour, not to the top.
            question, answer = undone
            answers = self.query_one("#answers", OptionList)
            answers.highlighted = answers.get_option_index(f"{question.id}/{answer.id}")

    async def action_respond(self) -> None:
        walk = self.walk
        if walk.severity is not None:  # check_action offers it only then
            await app_of(self).open_response(self.incident, walk.severity, unsure=walk.unsure, answers=walk.answered)

    async def action_settle(self) -> None:
        if self.on_settled is None:  # check_action offers it only then
            return
        self.app.pop_screen()
        opened = self.on_settled(self.walk)
        if isawaitable(opened):  # a form the caller opened: wait for it, so keys typed ahead reach it
            await opened
