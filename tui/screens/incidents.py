"""Live incidents in the journal: open ones first; Enter resumes one exactly where it was."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from playbook.incident import IncidentError
from playbook.journal import IncidentRecord, JournalError
from playbook.model import Library
from playbook.render import hhmm
from tui.context import app_of, context_of
from tui.screens.declare import declare
from tui.screens.form import Field, FormScreen
from tui.screens.incident import IncidentScreen
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text
from tui.widgets.live import one_line
from tui.widgets.plain import Plain, StatusLine, plain


def record_line(record: IncidentRecord) -> Content:
    """One incident's row, display-safe: the journal is written by other processes and people."""
    if record.problem:  # shown with what is wrong, never skipped
        return plain(
            Content.assemble(("⚠ DAMAGED ", "bold reverse"), (f"{record.id}  ", "bold"), one_line(record.problem))
        )
    data = record.declared.data
    state = ("● OPEN   ", "bold") if record.is_open else ("○ closed ", "")
    kind = f" · {data['type_title']}" if data["type_title"] != data["title"] else ""
    return plain(
        Content.assemble(
            state,
            (f"{record.id}  ", "bold"),
            f"{record.severity['id']}  ",
            one_line(data["title"]),
            f"{kind} · declared {record.declared.happened_at:%Y-%m-%d} "
            f"{hhmm(record.declared.happened_at)} UTC by {one_line(data['commander'])}",
        )
    )


class IncidentsScreen(Screen):
    BINDINGS = [
        Binding("enter", "resume", "Open the board", id="incidents.resume"),
        # Priority, and it waits for its pick list: the keys typed after n reach the picks and the form.
        Binding("n", "declare", "Declare a new incident", id="incidents.declare", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="incidents.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Plain("Live incidents", classes="title")
        yield StatusLine("", id="incidents-status")
        yield OptionList(id="incidents-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        status = self.query_one("#incidents-status", Plain)
        try:
            journal = context_of(self).read_journal()
            if journal is None:
                status.show("No incident has been declared yet. Declare one from a response: d, or here: n")
                return
            with journal:
                records = journal.incidents("live")
                where, damage = journal.path, journal.damage
        except JournalError as error:
            status.show(f"⚠ {one_line(str(error))}")
            return
        records.sort(key=lambda r: not r.is_open)
        self.records = {r.id: r for r in records}
        opened = sum(r.is_open for r in records)
        status.show(
            f"{opened} open, {len(records) - opened} closed · {where}"
            if records
            else f"No incident has been declared yet ({where}). Declare one from a response: d"
        )
        if damage:
            status.show(
                Content.assemble(
                    ("⚠ DAMAGED journal, read-only: ", "bold reverse"),
                    one_line(f"{damage[0]}{f' (and {len(damage) - 1} more)' if len(damage) > 1 else ''}"),
                    " · `playbook journal verify` lists every problem",
                )
            )
        listing = self.query_one("#incidents-list", OptionList)
        listing.set_options([Option(record_line(r), id=r.id) for r in records])
        listing.highlighted = 0 if records else None
        listing.focus()

    @property
    def library(self) -> Library | None:
        loaded = app_of(self).loaded
        return loaded.library if loaded else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "resume":
            return bool(getattr(self, "records", None))
        if action == "declare":
            return self.library is not None and bool(self.library.types)
        return True

    async def action_declare(self) -> None:
        """Declare directly with an incident type and a severity, without the triage."""
        choices = [(t.id, t.title) for t in app_of(self).library.types]
        await self.app.push_screen(PickScreen("Declare: which incident type?", choices, then=self.pick_severity))

    def pick_severity(self, type_id: str):
        """Each pick waits for the next screen, so keys typed after the digits reach the declare form."""
        library = app_of(self).library
        incident = library.type(type_id)
        if incident is None:  # the choices came from this library
            return None
        choices = [(s.id, severity_text.label(s)) for s in library.severities]
        return self.app.push_screen(
            PickScreen(
                "Declare: how severe?",
                choices,
                then=lambda severity: declare(self.app, incident, library, severity),
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.resume(event.option_id)

    def action_resume(self) -> None:
        option = self.query_one("#incidents-list", OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.resume(option.id)

    def resume(self, incident_id: str) -> None:
        record = self.records[incident_id]
        if record.problem:
            self.notify(f"{incident_id} cannot be shown: {record.problem}", severity="error", markup=False)
            return
        commander = record.declared.data["commander"]
        form = FormScreen("Who is typing at this terminal?", [Field("name", "Your name", commander)])

        def named(got: dict[str, str] | None) -> None:
            if got:
                self.open_board(incident_id, got["name"].strip())

        self.app.push_screen(form, named)

    def open_board(self, incident_id: str, actor: str) -> None:
        try:
            journal = context_of(self).open_journal()
        except JournalError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        try:
            board = IncidentScreen(journal, incident_id, self.library, actor)
        except (IncidentError, JournalError, KeyError, TypeError) as error:  # a damaged or foreign record
            journal.close()
            self.notify(f"{incident_id} cannot be shown: {error}", severity="error", markup=False)
            return
        self.app.push_screen(board)
