"""Command-palette entries for drills and practice, beside the app's own provider."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from tui.commands import PlaybookCommands
from tui.context import app_of


class DrillCommands(PlaybookCommands):
    def commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = app_of(self)
        found: list[tuple[str, Callable[[], Any], str]] = [
            ("Drills: run, join or resume a tabletop drill", app.action_drills, "Drills in the journal"),
            ("Practice history and the next drill", app.action_practice, "Scores over time per incident type"),
        ]
        loaded = app.loaded
        if loaded is not None and loaded.library is not None:
            from tui.screens.drill_setup import DrillSetupScreen
            from tui.screens.recognition import start_recognition

            library = loaded.library
            found.append(
                ("Recognition drill", partial(start_recognition, app), "Name the type and severity against the clock")
            )
            for incident in library.types:
                for drill in incident.drills:
                    # Help text is parsed as markup by the palette, so it never carries playbook text.
                    found.append(
                        (
                            f"Run drill: {incident.title} · {drill.title}",
                            partial(app.open, DrillSetupScreen(library, (incident.id, drill.id))),
                            "Set up this drill",
                        )
                    )
        return found
