"""One report of an incident, rendered from its Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from tui.widgets.plain import Plain


class ReportScreen(Screen):
    """A report rendered from its Markdown (typed text in it is escaped, so it stays text)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="report.back")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        yield Plain(self.title_text, classes="title")
        yield VerticalScroll(Markdown(self.text, id="report-text"), id="report-body", can_focus=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()
