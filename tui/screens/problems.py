"""Library problems: the files left out and why. Everything else in the library still works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from playbook.library import Loaded
from tui.widgets.plain import Plain


def report(loaded: Loaded) -> ComposeResult:
    """Each failed file, then its problems like a compiler's (line:col CODE level: message),
    the message in a column of its own so long ones wrap under themselves."""
    # A missing folder or library.yaml has errors but no file that was read: list those too.
    for path in dict.fromkeys([*loaded.failed, *(p.path for p in loaded.errors)]):
        found = loaded.problems_in(path)
        errors = sum(p.is_error for p in found)
        yield Plain(Content.assemble((path, "bold"), f"  left out: {errors} error{'s' * (errors != 1)}"), classes="problem-file")
        for problem in found:
            with Horizontal(classes="problem"):
                yield Plain(f"{problem.line}:{problem.col}", classes="problem-at")
                yield Plain(Content.assemble((problem.code, "bold"), f" {problem.level}: ", problem.message), classes="problem-text")


class ProblemsScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="problems.back")]

    def __init__(self, loaded: Loaded) -> None:
        super().__init__()
        self.loaded = loaded

    def compose(self) -> ComposeResult:
        failed = len(self.loaded.failed)
        if self.loaded.library is None:
            heading = "The library could not be loaded"
        else:
            count = len(self.loaded.library.types)
            heading = f"Library problems: {failed} file{'s' * (failed != 1)} left out; the other {count} incident types work"
        yield Plain(heading, classes="title", id="problems-title")
        with VerticalScroll(id="problems-body", can_focus=True):
            yield from report(self.loaded)
        yield Plain("Fix them in your editor, then check with: playbook validate", id="problems-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problems-body").focus()
