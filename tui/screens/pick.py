"""A small chooser over the current screen: arrows or a digit, Enter picks, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable
from inspect import isawaitable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets.numbered import DIGITS, numbered
from tui.widgets.plain import Plain


class PickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen id, or None. With `then`, the choice goes to `then` instead, and
    a form it opens (its AwaitMount) is waited for: the keys typed straight after the digit reach
    the form, not the screen below."""

    # Priority digits: the pick runs as the key arrives and holds the keys behind it until the
    # next form is up (the list has nothing else to type into).
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="pick.cancel"),
        *(
            Binding(d, f"pick({i})", "Choose", id=f"pick.choose{d}", show=False, priority=True)
            for i, d in enumerate(DIGITS)
        ),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], then: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.then = then

    def compose(self) -> ComposeResult:
        with Vertical(id="pick"):
            yield Plain(self.title_text, classes="title")
            yield OptionList(
                # Options are named by position: a choice's own key may be "" (e.g. every role).
                *(Option(numbered(i, label), id=str(i)) for i, (_, label) in enumerate(self.choices)),
                markup=False,
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click arrives as this screen's message: a form `then` pushed from here would
        # hand its result back to this screen, which is gone by then, and the entry was lost. Run
        # the pick on the app's own queue, as a digit's binding does, so the form answers to the app.
        event.stop()
        self.app.call_next(self.action_pick, int(event.option_id))

    async def action_pick(self, index: int) -> None:
        if index >= len(self.choices) or not self.is_active:  # a second digit before the first took
            return
        if self.then is None:
            self.dismiss(self.choices[index][0])
            return
        self.app.pop_screen()
        opened = self.then(self.choices[index][0])
        if isawaitable(opened):
            await opened
