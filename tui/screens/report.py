"""One report of an incident, rendered from its Markdown; s saves it to a file, c copies it."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from tui.widgets.plain import Plain


class ReportScreen(Screen):
    """A report rendered from its Markdown (typed text in it is escaped, so it stays text)."""

    BINDINGS = [
        Binding("s", "save", "Save as Markdown", id="report.save"),
        Binding("c", "copy", "Copy", id="report.copy"),
        Binding("escape", "app.pop_screen", "Back", id="report.back"),
    ]

    def __init__(self, title: str, text: str, save_to: Path | None = None) -> None:
        """`save_to`: the file s writes (a new name if it exists); None hides the key."""
        super().__init__()
        self.title_text = title
        self.text = text
        self.save_to = save_to
        self.saved: Path | None = None

    def compose(self) -> ComposeResult:
        yield Plain(self.title_text, classes="title")
        yield VerticalScroll(Markdown(self.text, id="report-text"), id="report-body", can_focus=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "save":
            return self.save_to is not None
        return True

    def action_save(self) -> None:
        from playbook.live import save_new

        if self.saved is not None:  # already on disk: say where again, rather than a second copy
            self.notify(f"Saved to {self.saved}", markup=False)
            return
        try:
            path = save_new(self.save_to, self.text)
        except OSError as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False, timeout=20)
            return
        self.saved = path
        self.notify(f"Saved to {path}", markup=False, timeout=20)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        self.notify("Copied to the clipboard (where the terminal allows it)", markup=False)
