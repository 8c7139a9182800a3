"""Library problems: the files left out and why. Everything else in the library still works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from playbook.library import Loaded
from playbook.problems import Problem
from tui.widgets.plain import Plain, StatusLine


def first_line(found: tuple[Problem, ...]) -> int:
    """The line to open a file at: its first error, else its first warning, else the top."""
    first = min(found, key=lambda p: (not p.is_error, p.line)) if found else None
    return first.line if first else 1


class ProblemFile(Plain):
    """A file that was left out; Enter opens it at its first problem."""

    def __init__(self, text: Content, target: tuple[str, int]) -> None:
        super().__init__(text, classes="problem-file")
        self.target = target


class ProblemRow(Horizontal):
    """One problem: its place and its message; Enter opens the file at that line."""

    def __init__(self, target: tuple[str, int]) -> None:
        super().__init__(classes="problem")
        self.target = target


def report(loaded: Loaded) -> ComposeResult:
    """Each failed file, then its problems like a compiler's (line:col CODE level: message),
    the message in a column of its own so long ones wrap under themselves. Every row is
    selectable and knows the file and line F6 opens."""
    # A missing folder or library.yaml has errors but no file that was read: list those too.
    for path in dict.fromkeys([*loaded.failed, *(p.path for p in loaded.errors)]):
        found = loaded.problems_in(path)
        errors = sum(p.is_error for p in found)
        yield ProblemFile(
            Content.assemble((path, "bold"), f"  left out: {errors} error{'s' * (errors != 1)}"),
            target=(path, first_line(found)),
        )
        for problem in found:
            with ProblemRow(target=(path, problem.line or 1)):
                yield Plain(f"{problem.line}:{problem.col}", classes="problem-at")
                yield Plain(
                    Content.assemble((problem.code, "bold"), f" {problem.level}: ", problem.message),
                    classes="problem-text",
                )


class ProblemsScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="problems.back"),
        # Priority: the scrolling body has focus and would take up/down to scroll by a line.
        Binding("up", "move(-1)", "Previous", id="problems.up", show=False, priority=True),
        Binding("down", "move(1)", "Next", id="problems.down", show=False, priority=True),
        Binding("enter", "app.edit", "Open in editor", id="problems.open"),
    ]

    def __init__(self, loaded: Loaded, path: str | None = None) -> None:
        """`path` selects that file's row first (the find screen's unavailable types)."""
        super().__init__()
        self.loaded = loaded
        self.start_path = path
        self.index = 0

    def compose(self) -> ComposeResult:
        failed = len(self.loaded.failed)
        if self.loaded.library is None:
            heading = "The library could not be loaded"
        else:
            count = len(self.loaded.library.types)
            heading = (
                f"Library problems: {failed} file{'s' * (failed != 1)} left out; the other {count} incident types work"
            )
        yield Plain(heading, classes="title", id="problems-title")
        with VerticalScroll(id="problems-body", can_focus=True):
            yield from report(self.loaded)
        yield StatusLine(
            "↑↓ choose a file or problem, Enter opens it in your editor; then check with: playbook validate",
            id="problems-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problems-body").focus()
        rows = self.rows
        starts = [i for i, row in enumerate(rows) if isinstance(row, ProblemFile) and row.target[0] == self.start_path]
        self.select(starts[0] if starts else 0)

    @property
    def rows(self) -> list[ProblemFile | ProblemRow]:
        return [w for w in self.query_one("#problems-body").children if isinstance(w, (ProblemFile, ProblemRow))]

    @property
    def selected(self) -> tuple[str, int] | None:
        """The file and line the selected row points at, for F6 and Enter."""
        rows = self.rows
        return rows[self.index].target if rows else None

    def select(self, index: int) -> None:
        rows = self.rows
        if not rows:
            return
        self.index = max(0, min(len(rows) - 1, index))
        for i, row in enumerate(rows):
            row.set_class(i == self.index, "-selected")
        rows[self.index].scroll_visible(animate=False)

    def action_move(self, step: int) -> None:
        self.select(self.index + step)
