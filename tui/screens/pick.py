"""A small chooser over the current screen: arrows or a digit, Enter picks, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.numbered import DIGITS, numbered
from tui.widgets.plain import Plain


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen id, or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="pick.cancel"),
        *(Binding(d, f"pick({i})", "Choose", id=f"pick.choose{d}", show=False) for i, d in enumerate(DIGITS)),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="pick"):
            yield Plain(self.title_text, classes="title")
            yield OptionList(
                # Options are named by position: a choice's own key may be "" (e.g. every role).
                *(Option(numbered(i, label), id=str(i)) for i, (_, label) in enumerate(self.choices)),
                markup=False,
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(int(event.option_id))

    def action_pick(self, index: int) -> None:
        if index < len(self.choices):
            self.dismiss(self.choices[index][0])
