"""Drill set-up: which drill, who takes part, and how the clock runs; F5 starts it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Select
from textual.widgets.option_list import Option

from playbook import drill_run
from playbook.drill import Pace
from playbook.journal import JournalError, WriteFailed
from playbook.model import Library
from tui.context import context_of
from tui.screens import drill_shared
from tui.widgets.plain import Plain, SafeInput, plain

PACES = [
    ("Facilitator-advanced: n releases each inject", "facilitator"),
    ("Real time", "real-time"),
    ("Accelerated x2", "x2"),
    ("Accelerated x4", "x4"),
    ("Accelerated x10", "x10"),
]


def drill_line(incident, drill) -> Content:
    twists = [i.at for i in drill.injects if i.twist]
    twist = f", twist at minute {twists[0]}" if twists else ""
    if drill.expect.novel is not None:  # the facilitator knows; the players are not told
        twist = ", no playbook fits: the coaching path"
    return Content.assemble((incident.title, "bold"), " · ", drill.title, f"  ({len(drill.injects)} injects{twist})")


class DrillSetupScreen(Screen):
    BINDINGS = [
        Binding("f5", "start", "Start the drill", id="drill_setup.start"),
        Binding("escape", "app.pop_screen", "Back", id="drill_setup.back"),
        # A priority binding runs as the key arrives, so the keys typed after Enter reach the next
        # box (an Input's Submitted message would come after them: "FayBlue" in one box).
        Binding("enter", "next_box", "Next box", id="drill_setup.next", priority=True, show=False),
    ]

    def __init__(self, library: Library, chosen: tuple[str, str] | None = None, facilitator: str = "") -> None:
        super().__init__()
        self.library = library
        self.choices = [(t, d) for t in library.types for d in t.drills]
        self.chosen = chosen
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        yield Plain(f"{drill_shared.DRILL_MARK} · Run a tabletop drill", classes="title")
        yield Plain("Choose the drill, say who takes part and how the clock runs. F5 starts it.", id="setup-hint")
        yield OptionList(
            *(Option(plain(drill_line(t, d)), id=f"{t.id}/{d.id}") for t, d in self.choices),
            id="setup-drills",
            markup=False,
        )
        with Vertical(id="setup-form"):
            with Horizontal(classes="setup-row"):
                yield Plain("Facilitator", classes="setup-label")
                yield SafeInput(self.facilitator, placeholder="your name", id="setup-facilitator")
            with Horizontal(classes="setup-row"):
                yield Plain("Team", classes="setup-label")
                yield SafeInput(placeholder="e.g. Executive team (optional)", id="setup-team")
            with Horizontal(classes="setup-row"):
                yield Plain("Participants", classes="setup-label")
                yield SafeInput(placeholder="names, separated by commas", id="setup-participants")
            with Horizontal(classes="setup-row"):
                yield Plain("Clock", classes="setup-label")
                yield Select(PACES, value="facilitator", allow_blank=False, id="setup-pace")
        yield Plain("", id="setup-status")
        yield Footer()

    def on_mount(self) -> None:
        drills = self.query_one("#setup-drills", OptionList)
        ids = [f"{t.id}/{d.id}" for t, d in self.choices]
        wanted = "/".join(self.chosen) if self.chosen else None
        drills.highlighted = ids.index(wanted) if wanted in ids else (0 if ids else None)
        if not ids:
            self.query_one("#setup-status", Plain).show("No incident type in this library has a drill yet.")
        drills.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#setup-facilitator", Input).focus()

    def action_next_box(self) -> None:
        self.focus_next()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "next_box":  # elsewhere Enter is the list's or the clock's own
            return isinstance(self.focused, Input)
        if action == "start":
            return bool(self.choices)
        return True

    def action_start(self) -> None:
        status = self.query_one("#setup-status", Plain)
        option = self.query_one("#setup-drills", OptionList).highlighted_option
        facilitator = self.query_one("#setup-facilitator", Input).value.strip()
        if option is None:
            status.show("Choose a drill first.")
            return
        if not facilitator:
            status.show("Name the facilitator: the drill's record says who ran it.")
            self.query_one("#setup-facilitator", Input).focus()
            return
        type_id, drill_id = (option.id or "/").split("/", 1)
        incident = self.library.type(type_id)
        drill = incident.drill(drill_id) if incident else None
        if incident is None or drill is None:  # the options list this library's drills
            return
        pace = Pace.parse(str(self.query_one("#setup-pace", Select).value))
        try:
            journal = context_of(self).open_journal(create=True)
        except JournalError as error:
            status.show(f"⚠ The drill was not started: {error}")
            return
        try:
            run = drill_run.start(
                journal,
                self.library,
                incident,
                drill,
                pace,
                facilitator,
                context_of(self).clock.now(),
                team=self.query_one("#setup-team", Input).value,
                participants=self.query_one("#setup-participants", Input).value,
            )
        except (WriteFailed, drill_run.DrillRunError) as error:
            journal.close()
            status.show(f"⚠ The drill was not started: {error}")
            return
        from tui.screens.drill_facilitator import DrillFacilitatorScreen

        self.app.switch_screen(DrillFacilitatorScreen(journal, run.id, self.library, facilitator))
