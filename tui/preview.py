"""Preview: the app exactly as a leader will see it, opened on the playbook being written.

`playbook preview FILE` opens the triage of that incident type. Every save (from any editor)
reloads it and opens the new version from the start; if the file no longer loads, the
problems screen says why, at the line to fix.
"""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from playbook.library import Loaded, display_path
from tui.app import PlaybookApp
from tui.editing import summary
from tui.widgets.plain import Plain


class PreviewApp(PlaybookApp):
    def __init__(self, path: Path) -> None:
        super().__init__(path.parent)
        self.path = path.resolve()
        self.authoring.reopens = True  # each version replaces the screens of the last
        self.banner = f"PREVIEW of {display_path(path)} · not the live library"

    def on_mount(self) -> None:
        # On every screen, so a preview is never mistaken for the library a leader uses.
        self.screen_change_signal.subscribe(self, self.show_banner)
        self.show_banner(self.screen)

    def show_banner(self, screen: Screen) -> None:
        found = screen.query("#preview-banner")
        if found:
            found.first(Plain).show(self.banner)
        else:
            screen.mount(Plain(self.banner, id="preview-banner"))

    def watch_loaded(self, loaded: Loaded | None) -> None:
        if loaded is None or loaded.library is None:
            return  # the app itself opens the problems screen for a broken library.yaml
        incident = next((t for t in loaded.library.types if Path(t.path).resolve() == self.path), None)
        state = f"status: {incident.status}" if incident else "does not load: see its problems"
        self.banner = f"PREVIEW of {display_path(self.path)} · {state} · not the live library"
        self.open_find()
        self.show_banner(self.screen)
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
