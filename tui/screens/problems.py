"""Library problems: the files left out and why. Everything else in the library still works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from playbook.library import Loaded
from tui.widgets.plain import Plain


def report(loaded: Loaded) -> Content:
    """Each failed file with its problems, like a compiler's output (path:line:col CODE message)."""
    parts: list = []
    for path in loaded.failed:
        found = loaded.problems_in(path)
        parts += [(path, "bold"), f"  left out: {sum(p.is_error for p in found)} errors\n"]
        for problem in found:
            parts += [f"  {problem.line}:{problem.col} ", (problem.code, "bold"), f" {problem.level}: ", problem.message, "\n"]
        parts.append("\n")
    return Content.assemble(*parts)


class ProblemsScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="problems.back")]

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded

    def compose(self) -> ComposeResult:
        failed = len(self.loaded.failed)
        if self.loaded.library is None:
            heading = "The library could not be loaded: library.yaml has problems"
        else:
            count = len(self.loaded.library.types)
            heading = f"Library problems: {failed} file{'s' * (failed != 1)} left out; the other {count} incident types work"
        yield Plain(heading, classes="title", id="problems-title")
        with VerticalScroll(id="problems-body", can_focus=True):
            yield Plain(report(self.loaded), id="problems")
        yield Plain("Fix them in your editor, then check with: playbook validate", id="problems-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problems-body").focus()
