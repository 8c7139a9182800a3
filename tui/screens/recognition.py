"""The solo recognition drill: a short inject text; name the incident type, then the severity,
against the clock. Every answer is kept in the practice history."""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from playbook import drill_run
from playbook.journal import Draft, JournalError
from playbook.live import Outgoing
from playbook.model import Library
from playbook.practice import (
    RECOGNITION_SECONDS,
    RecognitionAnswer,
    RecognitionItem,
    RecognitionResult,
    recognition_item,
    recognition_record,
    score_recognition,
)
from playbook.scoring import Verdict
from tui.context import app_of, context_of
from tui.screens.board_writer import Flushed, Writer
from tui.screens.drill_type_pick import TypeFilter
from tui.screens.form import Field, FormScreen, when_filled
from tui.widgets import severity as severity_text
from tui.widgets.live import UNSAVED, one_line
from tui.widgets.plain import Plain, plain

DIGITS = "123456789"


def start_recognition(app: App, team: str = "") -> None:
    """Ask who is practising (the history is per person and team), then start."""
    loaded = app_of(app).loaded
    library = loaded.library if loaded else None
    if library is None:
        return
    fields = [Field("name", "Your name"), Field("team", "Team", team, required=False)]
    form = FormScreen(
        "Recognition drill",
        fields,
        intro=f"Name the incident type and the severity within {RECOGNITION_SECONDS} seconds.",
    )
    app.push_screen(
        form,
        when_filled(lambda got: app.push_screen(RecognitionScreen(library, got["name"].strip(), got["team"].strip()))),
    )


def result_text(library: Library, result: RecognitionResult) -> Content:
    item, answer = result.item, result.answer
    right = library.type(item.incident)
    right_type = right.title if right else item.incident
    chosen = library.type(answer.incident)
    chosen_type = chosen.title if chosen else answer.incident
    type_line = f"✓ {right_type}" if result.type_right else f"✗ {chosen_type}: it was {right_type}"
    severity_line = (
        f"✓ {item.severity}"
        if result.severity is Verdict.CORRECT
        else f"✗ {answer.severity} ({result.severity.value}): it was {item.severity}"
    )
    timing = f"{answer.seconds:.0f} s, {'within' if result.on_time else 'over'} the {RECOGNITION_SECONDS} s"
    return Content.assemble(
        (f"Score {result.score} / 100", "bold"), f" · {timing}\n", "Type: ", type_line, "\nSeverity: ", severity_line
    )


class RecognitionScreen(Screen):
    BINDINGS = [
        *(Binding(d, f"choose({i})", "Choose", id=f"recognition.choose{d}", show=False) for i, d in enumerate(DIGITS)),
        Binding("n", "next", "Another one", id="recognition.next"),
        Binding("escape", "app.pop_screen", "Back", id="recognition.back"),
    ]

    def __init__(self, library: Library, player: str, team: str = "", rng: random.Random | None = None) -> None:
        super().__init__()
        self.library = library
        self.player = player
        self.team = team
        self.rng = rng or random.Random()
        self.item: RecognitionItem | None = None
        self.chosen_type: str | None = None
        self.result: RecognitionResult | None = None
        self.kept: Draft | None = None  # the answer's practice record, once made
        self.outgoing: Outgoing | None = None  # opened with the journal by the first answer
        self.writer: Writer | None = None
        self.journal_problem = ""  # why the journal could not even be opened for it

    def compose(self) -> ComposeResult:
        yield Plain(f"Recognition drill · {one_line(self.player)}", classes="title")
        yield Plain("", id="recognition-clock")
        with VerticalScroll(id="recognition-body"):
            yield Plain("", id="recognition-text")
            yield Plain("", id="recognition-ask", classes="debrief-section")
            yield TypeFilter(self.library, id="recognition-types")
            yield OptionList(id="recognition-choices", markup=False)
            yield Plain("", id="recognition-result")
        yield Footer()

    def on_mount(self) -> None:
        self.action_next()
        self.set_interval(0.5, self.show_clock)
        self.set_interval(1.0, self.retry)

    def retry(self) -> None:
        if self.writer is not None:
            self.writer.retry()

    def on_unmount(self) -> None:
        if self.outgoing is not None:
            context_of(self).on_screen.writers.remove(self.outgoing)
            self.outgoing.journal.close()

    @property
    def seconds(self) -> float:
        return (context_of(self).clock.now() - self.started).total_seconds()

    def show_clock(self) -> None:
        if self.result is None and self.item is not None:
            left = RECOGNITION_SECONDS - self.seconds
            text = (
                f"{self.seconds:.0f} s · {left:.0f} s left"
                if left > 0
                else f"{self.seconds:.0f} s · ⚠ over time: answer anyway"
            )
            self.query_one("#recognition-clock", Plain).show(text)

    def action_next(self) -> None:
        try:
            self.item = recognition_item(self.library, self.rng)
        except ValueError as error:
            self.query_one("#recognition-text", Plain).show(str(error))
            return
        self.chosen_type, self.result = None, None
        self.started = context_of(self).clock.now()
        self.query_one("#recognition-text", Plain).show(
            Content.assemble(("What is happening?\n", "bold"), self.item.text)
        )
        self.query_one("#recognition-result", Plain).display = False
        self.ask_type()
        self.show_clock()
        self.refresh_bindings()

    def ask_type(self) -> None:
        """The type question filters as the player types (Enter: the top match; digits as listed)."""
        self.choices: list[tuple[str, str]] = []
        self.query_one("#recognition-ask", Plain).show("Which incident type is it? Type to filter")
        self.query_one("#recognition-choices", OptionList).display = False
        types = self.query_one(TypeFilter)
        types.display = True
        types.query_one(Input).value = ""
        types.focus_box()

    def on_type_filter_picked(self, event: TypeFilter.Picked) -> None:
        event.stop()
        if self.result is None and self.chosen_type is None:
            self.choose(event.type_id)

    def ask(self, question: str, choices: list[tuple[str, str]]) -> None:
        self.choices = choices
        self.query_one("#recognition-ask", Plain).show(question)
        self.query_one(TypeFilter).display = False
        listing = self.query_one("#recognition-choices", OptionList)
        listing.display = True
        listing.set_options(
            [
                Option(plain(Content.assemble((f"{DIGITS[i]}  " if i < len(DIGITS) else "   ", "bold"), label)), id=key)
                for i, (key, label) in enumerate(choices)
            ]
        )
        listing.highlighted = 0
        listing.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "choose":
            return self.result is None and self.item is not None and parameters[0] < len(self.choices)
        if action == "next":
            return self.result is not None
        return True

    def action_choose(self, index: int) -> None:
        self.choose(self.choices[index][0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.result is None and event.option_id is not None:
            self.choose(event.option_id)

    def choose(self, key: str) -> None:
        if self.chosen_type is None:
            self.chosen_type = key
            self.ask("How severe is it?", [(level.id, severity_text.label(level)) for level in self.library.severities])
            return
        self.answer(RecognitionAnswer(self.chosen_type, key, self.seconds))

    def answer(self, answer: RecognitionAnswer) -> None:
        if self.item is None:  # answers are asked for only once an item is shown
            return
        self.result = score_recognition(self.library, self.item, answer)
        record = recognition_record(self.result, context_of(self).clock.now(), self.team, (self.player,))
        self.query_one("#recognition-choices", OptionList).display = False
        self.query_one(TypeFilter).display = False
        self.query_one("#recognition-ask", Plain).show("Result")
        self.query_one("#recognition-result", Plain).display = True
        self.keep(drill_run.recognition_entry(record, self.player, context_of(self).clock.now()))
        self.query_one("#recognition-clock", Plain).show(f"Answered in {answer.seconds:.0f} s")
        self.query_one("#recognition-body").focus()
        self.refresh_bindings()

    def keep(self, entry: Draft) -> None:
        """Into the practice history, through the outbox: an answer given while the journal
        cannot be written is kept beside it and recorded on a retry or the next start."""
        self.kept, self.journal_problem = entry, ""
        if self.writer is None:  # the journal is opened (and created) by the first answer only
            try:
                journal = context_of(self).open_journal(create=True)
            except JournalError as error:
                self.journal_problem = str(error)
                self.show_result()
                return
            self.outgoing = Outgoing(journal, context_of(self).outbox_of(journal))
            self.writer = Writer(self, self.outgoing)
            context_of(self).on_screen.writers.append(self.outgoing)  # the quit guard counts what waits
        assert self.writer is not None
        self.writer.write(entry)
        self.show_result()

    def on_flushed(self, message: Flushed) -> None:
        if self.writer is not None:
            self.writer.done(message)
        if self.result is not None:
            self.show_result()

    def show_result(self) -> None:
        assert self.result is not None
        writer, entry = self.outgoing, self.kept
        if self.journal_problem:
            kept = f"⚠ Not kept in the history: {self.journal_problem}"
        elif writer is not None and entry is not None and entry in writer.outbox.waiting:
            where = writer.outbox.file or "this app (keep it open)"
            kept = f"{UNSAVED}: not in the practice history yet ({writer.write_error or 'saving…'}); kept in {where}"
        else:
            kept = "Kept in the practice history."
        self.query_one("#recognition-result", Plain).show(
            Content.assemble(result_text(self.library, self.result), "\n", kept, "\n\nn: another one · Escape: back")
        )
