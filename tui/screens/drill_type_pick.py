"""Choosing an incident type in a drill by typing: the letters filter the types with the core
search (titles, tags, cues, forgiving typos), Enter picks the top match, a digit picks the
numbered choice, arrows move. Thirty types alphabetically took 19 presses to reach Ransomware."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from playbook.model import Library
from playbook.novel import NOVEL
from playbook.search import LISTED, best, entries
from playbook.search_index import Index
from tui.widgets.numbered import DIGITS, numbered
from tui.widgets.plain import Plain, SafeInput


class DigitPicks(SafeInput):
    """The filter box; a digit picks the numbered choice instead of being typed (no type title
    starts a search with a digit, and the digits worked this way before the filter)."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character and event.character in DIGITS:
            event.stop()
            event.prevent_default()
            self.post_message(TypeFilter.Digit(DIGITS.index(event.character)))
            return
        await super()._on_key(event)


class TypeFilter(Vertical):
    """A filter box over a list of incident types; posts Picked with the chosen type's id."""

    DEFAULT_CSS = """
    TypeFilter { height: auto; }
    TypeFilter > OptionList { height: auto; max-height: 12; }
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next", id="type_filter.down", show=False),
        Binding("up", "move(-1)", "Previous", id="type_filter.up", show=False),
    ]

    class Picked(Message):
        def __init__(self, type_id: str) -> None:
            super().__init__()
            self.type_id = type_id

    class Digit(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, library: Library, id: str | None = None) -> None:
        super().__init__(id=id, classes="type-filter")
        self.entries = entries(library)
        self.index = Index(self.entries)
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        yield DigitPicks(placeholder="Type to filter: ransom, phish, outage…", classes="type-filter-box")
        yield OptionList(markup=False, classes="type-filter-list")

    def on_mount(self) -> None:
        self.filter("")

    def focus_box(self) -> None:
        self.query_one(DigitPicks).focus()

    def filter(self, query: str) -> None:
        hits = best(query, self.entries, LISTED, index=self.index).hits
        self.shown = [hit.entry.id for hit in hits]
        listing = self.query_one(OptionList)
        listing.set_options([Option(numbered(n, hit.entry.title), id=hit.entry.id) for n, hit in enumerate(hits)])
        listing.highlighted = 0 if hits else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Picked(option.id))

    def on_type_filter_digit(self, event: Digit) -> None:
        event.stop()
        if event.index < len(self.shown):
            self.post_message(self.Picked(self.shown[event.index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.Picked(event.option_id))

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if listing.option_count:
            listing.highlighted = ((listing.highlighted or 0) + step) % listing.option_count


SOMETHING_ELSE = "F5 Something else: not in the library (the library's severity questions, then coaching prompts)"


class TypePickScreen(ModalScreen[str | None]):
    """Dismisses with the chosen incident type's id, or None; with `something_else`, F5
    dismisses with `novel`: no type fits (a drill team declaring what no playbook covers)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="type_pick.cancel"),
        Binding("f5", "something_else", "Something else", id="type_pick.novel"),
    ]

    def __init__(self, title: str, library: Library, something_else: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.library = library
        self.something_else = something_else

    def compose(self) -> ComposeResult:
        with Vertical(id="pick"):
            yield Plain(self.title_text, classes="title")
            yield TypeFilter(self.library)
            if self.something_else:
                yield Plain(SOMETHING_ELSE, classes="hint")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.something_else if action == "something_else" else True

    def action_something_else(self) -> None:
        self.dismiss(NOVEL)

    def on_mount(self) -> None:
        self.query_one(TypeFilter).focus_box()

    def on_type_filter_picked(self, event: TypeFilter.Picked) -> None:
        event.stop()
        self.dismiss(event.type_id)
