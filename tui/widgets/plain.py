"""A Static that shows text exactly as written: playbook text is data, never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input, Static

from playbook.safe import safe, safe_line, unsafe_char


def plain(text: str | Content) -> Content:
    """Text as a screen may show it: never parsed as markup (Content(str) does not parse), and
    through the one display-safe path, so no control, bidi or invisible character reaches the
    terminal. Content assembled by our own code keeps its styles unless it carries such a
    character, which only hostile text does: then it is shown plain."""
    if isinstance(text, Content):
        return Content(safe(text.plain)) if unsafe_char(text.plain) else text
    return Content(safe(text))


class Plain(Static):
    """Static for untrusted text. `[@click=app.quit]` stays those characters."""

    def __init__(self, text: str | Content = "", **kwargs) -> None:
        super().__init__(plain(text), markup=False, **kwargs)

    def show(self, text: str | Content) -> None:
        self.update(plain(text))


class SafeInput(Input):
    """An Input whose text goes through the display-safe path: a value filled in from the journal
    (a name recorded by another terminal) or pasted, with an escape sequence in it, is shown and
    kept as visible escapes, never drawn raw into the terminal."""

    def __init__(self, value: str | None = None, *args, **kwargs) -> None:
        super().__init__(safe_line(value) if value else value, *args, **kwargs)

    def insert(self, text: str, index: int) -> None:
        super().insert(safe_line(text), index)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(safe_line(text), start, end)


class StatusLine(Plain):
    """A screen's line on where things stand (the search's count, the triage's path, a response's
    checklist), muted so that what it describes leads. Styled by its class in tui/app.tcss."""

    DEFAULT_CLASSES = "status-line"


class Hint(Plain):
    """The keys a dialog takes, or why it refused, under its fields."""

    DEFAULT_CLASSES = "hint"
