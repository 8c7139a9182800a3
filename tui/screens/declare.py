"""Declaring a live incident: from a triage outcome's response, or directly with a type and severity."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from playbook.incident import IncidentError, declaration
from playbook.journal import Journal, JournalError, WriteFailed, default_path
from playbook.model import IncidentType, Library
from tui.screens import incident as board  # board.now, read at call time: tests replace the clock
from tui.screens.form import Field, FormScreen
from tui.widgets import severity as severity_text
from tui.widgets.live import one_line


async def declare(app: App, incident_type: IncidentType, library: Library, severity: str, answers: tuple = ()) -> None:
    """Ask for a title and the commander, record the declaration, open the board. Returns once
    the form is up, so a caller's priority binding holds the keys typed after it until then."""
    from tui.screens.drill_player import declared_in_drill
    from tui.screens.response import ResponseScreen
    from tui.screens.triage import TriageScreen

    if declared_in_drill(app, incident_type, severity, answers):  # a team in a drill: never a live incident
        return
    intro = [f"{severity_text.label_of(library, severity)} · {incident_type.title}"]
    intro += [f"{q.ask} {a.label}" for q, a in answers]
    intro += [
        f"⚠ Already open: {r.id} ({one_line(r.declared.data['title'])}), declared {r.declared.happened_at:%H:%M} UTC "
        f"by {one_line(r.declared.actor)}. Escape, then F3 to resume it; Enter declares a second incident."
        for r in open_of_type(app, incident_type)
    ]
    fields = [Field("title", "Title", incident_type.title), Field("commander", "Incident commander (your name)")]
    form = FormScreen("Declare a live incident", fields, intro="\n".join(intro))

    def declared(got: dict[str, str] | None) -> None:
        if got is None:
            return
        try:
            journal = board.open_journal(app)
        except JournalError as error:
            app.notify(f"Not declared: {error}", severity="error", markup=False, timeout=30)
            return
        try:
            entry = declaration(library, incident_type, severity, got["title"], got["commander"], board.now(), answers)
            recorded = journal.declare(entry)
        except (IncidentError, WriteFailed) as error:
            journal.close()
            app.notify(f"Not declared: {error}. Press d to try again.", severity="error", markup=False, timeout=30)
            return
        # The triage and response that led here are done with: Escape from the board goes back to
        # where the leader started, never to a response that would offer to declare it again.
        while isinstance(app.screen, (ResponseScreen, TriageScreen)) and len(app.screen_stack) > 1:
            app.pop_screen()
        app.push_screen(board.IncidentScreen(journal, recorded.incident, library, got["commander"].strip()))

    await app.push_screen(form, declared)


def open_of_type(app: App, incident_type: IncidentType) -> list:
    """Open live incidents of this type, so a second declaration is never made unawares."""
    path = Path(getattr(app, "journal_path", None) or default_path())
    if not path.exists():
        return []
    try:
        with Journal.open(path, readonly=True) as journal:
            return [r for r in journal.incidents() if r.is_open and r.declared.data["type"] == incident_type.id]
    except JournalError:  # the declaration itself will say what is wrong with the journal
        return []


def triage_answers(app: App, incident_type: IncidentType) -> tuple:
    """The answers of the triage that led to this response, if it is still on the screen stack."""
    from tui.screens.triage import TriageScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, TriageScreen) and screen.incident.id == incident_type.id:
            return tuple(screen.walk.answered)
    return ()
