"""Help: every key of the screen it was opened from, and the global ones."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen

from tui.widgets.plain import Hint, Plain

# Keys that widgets handle themselves, which bindings do not list.
ALWAYS = [("up down pgup pgdn", "Move in a list; scroll")]
PALETTE = "Command palette: jump to any incident type or action"


class Explained:
    """A screen with more for F1 to say than its bindings: keys a focused widget handles itself
    (HELP_KEYS) and notes (a board's time grammar). Mixed into the screen's class."""

    HELP_KEYS: ClassVar[list[tuple[str, str]]] = []

    def help_notes(self) -> list[Content]:
        return []


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close"),
        Binding("f1", "dismiss", "Close", id="help.close.f1", show=False),
    ]

    def __init__(self, keys: list[tuple[str, str]], notes: list[Content] | None = None) -> None:
        """`notes`: what the screen it was opened from wants known (a board's time grammar)."""
        super().__init__()
        self.keys = keys
        self.notes = notes or []

    @staticmethod
    def keys_of(app: App) -> list[tuple[str, str]]:
        """(keys, description) for the screen's and the app's bindings; keys that share a
        description are shown together ("1 2 3 Choose answer")."""
        rows: dict[str, list[str]] = {}
        for active in app.active_bindings.values():
            binding = active.binding
            if not binding.description or not isinstance(active.node, (App, Screen)):
                continue
            description = PALETTE if binding.action == "command_palette" else binding.description
            rows.setdefault(description, []).append(app.get_key_display(binding))
        # A focused widget's own key (Enter in the search box) hides the screen's binding for
        # it, so a screen names such keys itself.
        named = app.screen.HELP_KEYS if isinstance(app.screen, Explained) else []
        extra = [row for row in named if row[1] not in rows]
        return extra + [(" ".join(keys), description) for description, keys in rows.items()] + ALWAYS

    def compose(self) -> ComposeResult:
        width = max(len(keys) for keys, _ in self.keys)
        text = Content.assemble(
            *(part for keys, what in self.keys for part in ((keys.ljust(width + 2), "bold"), what, "\n"))
        )
        with VerticalScroll(id="help"):
            yield Plain("Keys", classes="title")
            yield Plain(text, id="help-keys")
            for note in self.notes:
                yield Plain(note, classes="help-note")
            yield Hint("Escape always goes back one screen. ctrl+q quits.", id="help-hint")
