"""Preview: the app exactly as a leader will see it, opened on the playbook being written.

`playbook preview FILE` opens the triage of that incident type. Every save (from any editor)
reloads it and opens the new version from the start; if the file no longer loads, the
problems screen says why, at the line to fix.
"""

from __future__ import annotations

from pathlib import Path

from playbook.library import Loaded
from tui.app import PlaybookApp
from tui.editing import summary


class PreviewApp(PlaybookApp):
    def __init__(self, path: Path) -> None:
        super().__init__(path.parent)
        self.path = path.resolve()
        self.authoring.reopens = True  # each version replaces the screens of the last

    def watch_loaded(self, loaded: Loaded | None) -> None:
        if loaded is None or loaded.library is None:
            return  # the app itself opens the problems screen for a broken library.yaml
        self.open_find()
        incident = next((t for t in loaded.library.types if Path(t.path).resolve() == self.path), None)
        if incident is None:
            self.open_problems()
            return
        found = loaded.problems_in(incident.path)
        if found:  # warnings do not stop a leader, but the author should hear of them
            self.notify(summary(loaded, incident.path), title="Preview", severity="warning", markup=False)
        self.open_triage(incident)


def run_preview(path: Path) -> int:
    PreviewApp(path).run()
    return 0
