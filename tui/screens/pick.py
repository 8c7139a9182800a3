"""A small chooser over the current screen: arrows or a digit, Enter picks, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.plain import Plain

DIGITS = "123456789"


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
                *(
                    Option(Content.assemble((f"{DIGITS[i]}  " if i < len(DIGITS) else "   ", "bold"), label), id=key)
                    for i, (key, label) in enumerate(self.choices)
                ),
                markup=False,
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_pick(self, index: int) -> None:
        if index < len(self.choices):
            self.dismiss(self.choices[index][0])
