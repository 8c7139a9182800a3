"""Declaring a live incident: from a triage outcome's response, or directly with a type and severity."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import App

from playbook.incident import IncidentError, declaration
from playbook.journal import Draft, JournalError, WriteFailed
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

    await declaration_form(
        app,
        library,
        "Declare a live incident",
        intro,
        ("Title", incident_type.title),
        lambda title, commander, now: declaration(library, incident_type, severity, title, commander, now, answers),
    )


def declaration_form(
    app: App,
    library: Library,
    heading: str,
    intro: list[str],
    title: tuple[str, str],
    make: Callable[[str, str, datetime], Draft],
):
    """The declaration form (`title`: its label and first value; then the commander) below `intro`.
    Saved, the entry `make(title, commander, now)` builds is recorded and its board opened; a
    failure shows the form again with what was typed and why. Returns the form's AwaitMount."""

    def form(typed: str, commander: str, problem: str = "") -> FormScreen:
        fields = [Field("title", title[0], typed), Field("commander", "Incident commander (your name)", commander)]
        lines = [*intro, f"⚠ Not declared: {problem}. Enter to try again." if problem else ""]
        return FormScreen(heading, fields, intro="\n".join(line for line in lines if line))

    def declared(got: dict[str, str] | None) -> None:
        if got is None:
            return
        problem = open_board(app, library, lambda now: make(got["title"], got["commander"], now), got["commander"])
        if problem:  # never loses the title or the name
            app.notify(f"Not declared: {problem}", severity="error", markup=False, timeout=30)
            app.push_screen(form(got["title"], got["commander"], problem), declared)

    return app.push_screen(form(title[1], ""), declared)


def open_board(app: App, library: Library, make: Callable[[datetime], Draft], commander: str) -> str:
    """Record the declaration `make(now)` builds and open its board: "" when done, else why not
    (and nothing is recorded)."""
    context = app_of(app).context
    try:
        journal = context.open_journal(create=True)  # the first write the user asked for
    except JournalError as error:
        return str(error)
    try:
        recorded = journal.declare(make(context.clock.now()))
    except (IncidentError, WriteFailed) as error:
        journal.close()
        return str(error)
    # The triage and response that led here are done with: Escape from the board goes back to
    # where the leader started, never to a response that would offer to declare it again.
    while isinstance(app.screen, OnTheWay):  # never the app's first screen
        app.pop_screen()
    app.push_screen(board.IncidentScreen(journal, recorded.incident, library, commander.strip()))
    return ""


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
