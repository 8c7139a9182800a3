"""Declaring a live incident: from a triage outcome's response, or directly with a type and severity."""

from __future__ import annotations

from textual.app import App

from playbook.incident import IncidentError, declaration
from playbook.journal import JournalError, WriteFailed
from playbook.model import IncidentType, Library
from tui.context import app_of
from tui.screens import incident as board
from tui.screens.form import Field, FormScreen
from tui.screens.on_the_way import OnTheWay
from tui.widgets import severity as severity_text
from tui.widgets.live import one_line


async def declare(app: App, incident_type: IncidentType, library: Library, severity: str, answers: tuple = ()) -> None:
    """Ask for a title and the commander, record the declaration, open the board. Returns once
    the form is up, so a caller's priority binding holds the keys typed after it until then."""
    from tui.screens.drill_player import declared_in_drill

    if declared_in_drill(app, incident_type, severity, answers):  # a team in a drill: never a live incident
        return
    intro = [f"{severity_text.label_of(library, severity)} · {incident_type.title}"]
    intro += [f"{q.ask} {a.label}" for q, a in answers]
    intro += [
        f"⚠ Already open: {r.id} ({one_line(r.declared.data['title'])}), declared {r.declared.happened_at:%H:%M} UTC "
        f"by {one_line(r.declared.actor)}. Escape, then F3 to resume it; Enter declares a second incident."
        for r in open_of_type(app, incident_type)
    ]

    def form(title: str, commander: str, problem: str = "") -> FormScreen:
        fields = [Field("title", "Title", title), Field("commander", "Incident commander (your name)", commander)]
        lines = [*intro, f"⚠ Not declared: {problem}. Enter to try again." if problem else ""]
        return FormScreen("Declare a live incident", fields, intro="\n".join(line for line in lines if line))

    def declared(got: dict[str, str] | None) -> None:
        if got is None:
            return
        try:
            journal = app_of(app).context.open_journal(create=True)  # the first write the user asked for
        except JournalError as error:
            again(got, str(error))
            return
        try:
            entry = declaration(
                library,
                incident_type,
                severity,
                got["title"],
                got["commander"],
                app_of(app).context.clock.now(),
                answers,
            )
            recorded = journal.declare(entry)
        except (IncidentError, WriteFailed) as error:
            journal.close()
            again(got, str(error))
            return
        # The triage and response that led here are done with: Escape from the board goes back to
        # where the leader started, never to a response that would offer to declare it again.
        while isinstance(app.screen, OnTheWay):  # never the app's first screen
            app.pop_screen()
        app.push_screen(board.IncidentScreen(journal, recorded.incident, library, got["commander"].strip()))

    def again(got: dict[str, str], problem: str) -> None:
        """The form again with what was typed: a failed declaration never loses the title or the name."""
        app.notify(f"Not declared: {problem}", severity="error", markup=False, timeout=30)
        app.push_screen(form(got["title"], got["commander"], problem), declared)

    await app.push_screen(form(incident_type.title, ""), declared)


def open_of_type(app: App, incident_type: IncidentType) -> list:
    """Open live incidents of this type, so a second declaration is never made unawares."""
    try:
        journal = app_of(app).context.read_journal()
        if journal is None:
            return []
        with journal:
            return [
                r
                for r in journal.incidents()
                if r.is_open and not r.declared.damage and r.declared.data.get("type") == incident_type.id
            ]
    except JournalError:  # the declaration itself will say what is wrong with the journal
        return []
