"""A Static that shows text exactly as written: playbook text is data, never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def plain(text: str | Content) -> Content:
    # Content(str) never parses markup; an existing Content was built safely by our own code.
    return text if isinstance(text, Content) else Content(text)


class Plain(Static):
    """Static for untrusted text. `[@click=app.quit]` stays those characters."""

    def __init__(self, text: str | Content = "", **kwargs) -> None:
        super().__init__(plain(text), markup=False, **kwargs)

    def show(self, text: str | Content) -> None:
        self.update(plain(text))
