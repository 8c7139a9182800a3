"""Drills: the drills in the journal to join as a player or resume as the facilitator, and the
way to a new drill, the practice history and the recognition drill."""

from __future__ import annotations

from contextlib import nullcontext

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from playbook import drill_run, improvement
from playbook.journal import JournalError
from playbook.render import hhmm
from tui.context import app_of, context_of
from tui.screens import drill_shared
from tui.screens.form import Field, FormScreen, when_filled
from tui.widgets.live import one_line
from tui.widgets.plain import Plain, plain


def drill_line(started: drill_run.StartedDrill) -> Content:
    state = ("○ ended   ", "") if started.ended else ("● RUNNING ", "bold")
    team = f" · team {one_line(started.team)}" if started.team else ""
    return Content.assemble(
        state,
        (f"{started.id}  ", "bold"),
        started.title,
        f"{team} · started {started.started_at:%Y-%m-%d} {hhmm(started.started_at)} UTC",
    )


class DrillListScreen(Screen):
    BINDINGS = [
        Binding("enter", "join", "Join as a player", id="drill_list.join"),
        Binding("f", "facilitate", "Facilitate", id="drill_list.facilitate"),
        Binding("n", "new", "New drill", id="drill_list.new"),
        Binding("h", "history", "Practice history", id="drill_list.history"),
        Binding("g", "recognition", "Recognition drill", id="drill_list.recognition"),
        Binding("escape", "app.pop_screen", "Back", id="drill_list.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.started: list[drill_run.StartedDrill] = []

    def compose(self) -> ComposeResult:
        yield Plain(f"{drill_shared.DRILL_MARK} · Tabletop drills", classes="title drill-title")
        yield Plain("", id="drill-list-status")
        yield OptionList(id="drill-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        status = self.query_one("#drill-list-status", Plain)
        try:
            journal = context_of(self).read_journal()
            where = journal.path if journal else "no journal yet"
            with journal or nullcontext():
                self.started = list(drill_run.drills(journal)) if journal else []
                actions = improvement.open_items(journal) if journal else ()
        except JournalError as error:
            status.show(f"⚠ {error}")
            return
        running = sum(not d.ended for d in self.started)
        # Open corrective actions stay in view until they are closed (`playbook drill plan`).
        due = (
            f"\n{len(actions)} improvement action{'s' * (len(actions) != 1)} open, "
            f"the first due {actions[0].due}: playbook drill plan"
            if actions
            else ""
        )
        status.show(
            (
                f"{running} running, {len(self.started) - running} ended · {where} · n: a new drill"
                if self.started
                else f"No drill yet ({where}). n: set one up"
            )
            + due
        )
        listing = self.query_one("#drill-list", OptionList)
        listing.set_options([Option(plain(drill_line(d)), id=d.id) for d in self.started])
        listing.highlighted = 0 if self.started else None
        listing.focus()
        self.refresh_bindings()

    @property
    def library(self):
        loaded = app_of(self).loaded
        return loaded.library if loaded else None

    @property
    def highlighted(self) -> str | None:
        option = self.query_one("#drill-list", OptionList).highlighted_option
        return option.id if option else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("join", "facilitate"):
            return self.highlighted is not None and self.library is not None
        if action in ("new", "recognition"):
            return self.library is not None
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_join()

    def opened(self, make) -> None:
        """Open a drill screen on its own journal connection; a refusal is shown, never raised."""
        try:
            journal = context_of(self).open_journal()
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        try:
            screen = make(journal)
        except (JournalError, drill_run.DrillRunError) as error:
            journal.close()
            self.notify(str(error), severity="error", markup=False)
            return
        self.app.push_screen(screen)

    def action_join(self) -> None:
        from tui.screens.drill_player import DrillPlayerScreen

        drill_id = self.highlighted
        if drill_id:
            self.opened(lambda journal: DrillPlayerScreen(journal, drill_id, self.library))

    def action_facilitate(self) -> None:
        drill_id = self.highlighted
        if drill_id:
            form = FormScreen("Who facilitates at this terminal?", [Field("name", "Your name")])
            self.app.push_screen(form, when_filled(lambda got: self.facilitate(drill_id, got["name"].strip())))

    def facilitate(self, drill_id: str, name: str) -> None:
        from tui.screens.drill_facilitator import DrillFacilitatorScreen

        self.opened(lambda journal: DrillFacilitatorScreen(journal, drill_id, self.library, name))

    def action_new(self) -> None:
        from tui.screens.drill_setup import DrillSetupScreen

        self.app.push_screen(DrillSetupScreen(self.library))

    def action_history(self) -> None:
        from tui.screens.practice import PracticeScreen

        self.app.push_screen(PracticeScreen())

    def action_recognition(self) -> None:
        from tui.screens.recognition import start_recognition

        start_recognition(self.app)
