"""Response: the steps for one severity, grouped by time box, with the mentors' advice beside them.

To add a key (say, declaring a live incident), append a Binding to BINDINGS and write its
`action_` method; `incident`, `library`, `severity` and `role` are there to use.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Footer

from playbook.model import Answer, IncidentType, Library, Question, Step
from playbook.timebox import grouped
from tui.context import app_of
from tui.screens.on_the_way import OnTheWay
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text
from tui.widgets.plain import Plain, StatusLine
from tui.widgets.step import StepCard

EVERY_ROLE = ""


class ResponseScreen(OnTheWay):
    BINDINGS = [
        Binding("o", "pick_role", "One role's checklist", id="response.role"),
        Binding("a", "all_roles", "Every role", id="response.all"),
        Binding("r", "related", "Related types", id="response.related"),
        # One key, worded for where the declaration goes; check_action shows the one that applies.
        # Priority: the form opens before the keys typed after d are sent anywhere, so they reach it.
        Binding("d", "declare('live')", "Declare a live incident", id="response.declare", priority=True),
        Binding("d", "declare('drill')", "Declare (drill)", id="response.declare_drill", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="response.back"),
    ]

    role: reactive[str] = reactive(EVERY_ROLE, init=False)

    def __init__(
        self,
        incident: IncidentType,
        library: Library,
        severity: str,
        unsure: bool = False,
        answers: tuple[tuple[Question, Answer], ...] = (),
    ) -> None:
        """`answers`: the triage that led here, recorded with a declaration made from this screen."""
        super().__init__()
        self.incident = incident
        self.library = library
        self.severity = severity
        self.unsure = unsure
        self.answers = answers
        response = incident.response(severity)
        self.steps: tuple[Step, ...] = response.steps if response else ()

    def compose(self) -> ComposeResult:
        yield Plain(
            f"{severity_text.label_of(self.library, self.severity)} · {self.incident.title}",
            id="response-title",
            classes=f"title {severity_text.css_class(self.library, self.severity)}",
        )
        yield StatusLine("", id="role-status")
        yield VerticalScroll(id="steps", can_focus=True)
        yield Footer()

    def on_mount(self) -> None:
        self.show_steps()
        self.query_one("#steps").focus()

    def role_name(self, role_id: str) -> str:
        role = self.library.role(role_id)
        return role.name if role else role_id

    @property
    def shown(self) -> list[Step]:
        return [s for s in self.steps if self.role in (EVERY_ROLE, s.owner)]

    def show_steps(self) -> None:
        shown = self.shown
        status = f"{len(self.steps)} step{'s' * (len(self.steps) != 1)} for every role · o: one role's checklist"
        if self.role != EVERY_ROLE:
            status = (
                f"Checklist for {self.role_name(self.role)}: {len(shown)} of {len(self.steps)} steps · a: every role"
            )
        if self.unsure:
            status += "\nSome triage answers are not known yet: this is the most severe level still possible."
        if not self.steps:
            status = "This playbook has no response for this severity. Escalate and use the next more severe one."
        self.query_one("#role-status", Plain).show(status)
        box = self.query_one("#steps", VerticalScroll)
        box.remove_children()
        widgets: list[Widget] = []
        if self.incident.does_not_apply:
            # Judgment before the steps: when a mentor would not run this response at all.
            widgets.append(Plain("When this response does not apply", classes="timebox"))
            widgets += [
                Plain(f"• {n.when}: {n.instead}{self.see(n.see)}", classes="not-apply")
                for n in self.incident.does_not_apply
            ]
        for label, steps in grouped(shown):
            widgets.append(Plain(label.capitalize(), classes="timebox"))
            widgets += [StepCard(s, self.role_name(s.owner), self.incident.lessons_for(s.id)) for s in steps]
        if self.incident.clocks:
            # Legal clocks run from awareness, whatever the severity: the leader must see them.
            widgets.append(Plain("Deadlines that may apply (check your jurisdiction)", classes="timebox"))
            widgets += [Plain(f"• {c.sentence()}", classes="deadline") for c in self.incident.clocks]
        box.mount_all(widgets)
        box.scroll_home(animate=False)

    def see(self, type_id: str | None) -> str:
        other = self.library.type(type_id) if type_id else None
        return f" (see {other.title if other else type_id})" if type_id else ""

    def watch_role(self) -> None:
        self.show_steps()
        self.refresh_bindings()

    @property
    def related(self) -> list[IncidentType]:
        return [t for t in map(self.library.type, self.incident.related) if t is not None]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "related":
            return bool(self.related)
        if action == "all_roles":
            return self.role != EVERY_ROLE
        if action == "pick_role":
            return len({s.owner for s in self.steps}) > 1
        if action == "declare":
            from tui.screens.drill_player import player_in

            return (parameters[0] == "drill") == (player_in(self) is not None)
        return True

    def action_pick_role(self) -> None:
        owners = list(dict.fromkeys(s.owner for s in self.steps))
        choices = [(EVERY_ROLE, "Every role")] + [(o, self.role_name(o)) for o in owners]
        self.app.push_screen(PickScreen("Show the checklist for", choices), self.choose_role)

    def choose_role(self, role: str | None) -> None:
        if role is not None:
            self.role = role

    def action_all_roles(self) -> None:
        self.role = EVERY_ROLE

    async def action_declare(self, into: str) -> None:
        # `into` only words the key: declare() itself sends a team in a drill into its drill.
        from tui.screens.declare import declare

        await declare(self.app, self.incident, self.library, self.severity, self.answers)

    def action_related(self) -> None:
        choices = [(t.id, t.title) for t in self.related]
        self.app.push_screen(PickScreen("Related incident types: triage one", choices), self.open_related)

    def open_related(self, type_id: str | None) -> None:
        incident = self.library.type(type_id) if type_id is not None else None
        if incident is not None:
            app_of(self).open_triage(incident)
