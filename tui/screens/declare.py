"""Declaring a live incident: from a triage outcome's response, or directly with a type and severity."""

from __future__ import annotations

from textual.app import App

from playbook.incident import IncidentError, declaration
from playbook.journal import JournalError, WriteFailed
from playbook.model import IncidentType, Library
from tui.screens import incident as board  # board.now, read at call time: tests replace the clock
from tui.screens.form import Field, FormScreen
from tui.widgets import severity as severity_text


async def declare(app: App, incident_type: IncidentType, library: Library, severity: str, answers: tuple = ()) -> None:
    """Ask for a title and the commander, record the declaration, open the board. Returns once
    the form is up, so a caller's priority binding holds the keys typed after it until then."""
    from tui.screens.drill_player import declared_in_drill

    if declared_in_drill(app, incident_type, severity, answers):  # a team in a drill: never a live incident
        return
    intro = [f"{severity_text.label_of(library, severity)} · {incident_type.title}"]
    intro += [f"{q.ask} {a.label}" for q, a in answers]

    def form(title: str, commander: str, problem: str = "") -> FormScreen:
        fields = [Field("title", "Title", title), Field("commander", "Incident commander (your name)", commander)]
        lines = [*intro, f"⚠ Not declared: {problem}. Enter to try again." if problem else ""]
        return FormScreen("Declare a live incident", fields, intro="\n".join(line for line in lines if line))

    def declared(got: dict[str, str] | None) -> None:
        if got is None:
            return
        try:
            journal = board.open_journal(app, create=True)  # the first write the user asked for
        except JournalError as error:
            again(got, str(error))
            return
        try:
            entry = declaration(library, incident_type, severity, got["title"], got["commander"], board.now(), answers)
            recorded = journal.declare(entry)
        except (IncidentError, WriteFailed) as error:
            journal.close()
            again(got, str(error))
            return
        app.push_screen(board.IncidentScreen(journal, recorded.incident, library, got["commander"].strip()))

    def again(got: dict[str, str], problem: str) -> None:
        """The form again with what was typed: a failed declaration never loses the title or the name."""
        app.notify(f"Not declared: {problem}", severity="error", markup=False, timeout=30)
        app.push_screen(form(got["title"], got["commander"], problem), declared)

    await app.push_screen(form(incident_type.title, ""), declared)


def triage_answers(app: App, incident_type: IncidentType) -> tuple:
    """The answers of the triage that led to this response, if it is still on the screen stack."""
    from tui.screens.triage import TriageScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, TriageScreen) and screen.incident.id == incident_type.id:
            return tuple(screen.walk.answered)
    return ()
