"""Find: type what is happening, see the matching incident types, Enter starts the triage."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Select
from textual.widgets.option_list import Option

from playbook.library import Loaded
from playbook.model import IncidentType, Library
from playbook.search import Entry, Hit, search
from tui.widgets.open_incidents import OpenIncidents
from tui.widgets.plain import Plain


def preview(incident: IncidentType, library: Library, hit: Hit | None = None) -> Content:
    """The overview of one type: what it is, how to recognise it, when the response is wrong."""
    category = library.category(incident.category)
    matched = set(hit.cues) if hit else set()
    parts: list[Content | tuple[str, str] | str] = [
        (incident.title, "bold"),
        "\n",
        (f"{category.name if category else incident.category} · {incident.status}", "italic"),
        "\n\n",
        incident.summary,
        "\n\n",
        ("Recognise it", "bold underline"),
        "\n",
    ]
    for cue in incident.recognise:
        # The cues the search matched are marked, so the leader sees why this type came up.
        parts += [("» " if cue in matched else "• ", "bold"), (cue, "bold") if cue in matched else cue, "\n"]
    parts += ["\n", ("Does not apply when", "bold underline"), "\n"]
    for item in incident.does_not_apply:
        other = library.type(item.see) if item.see else None
        see = f" (see {other.title if other else item.see})" if item.see else ""
        parts += ["• ", item.when, ": ", item.instead, see, "\n"]
    if incident.related:
        names = [t.title if (t := library.type(i)) else i for i in incident.related]
        parts += ["\n", ("Related: ", "bold"), ", ".join(names), "\n"]
    return Content.assemble(*parts)


class FindScreen(Screen):
    """The first screen: a search box, the matching types, and a preview of the highlighted one."""

    AUTO_FOCUS = "#query"
    BINDINGS = [
        Binding("enter", "start", "Triage", id="find.start", priority=False),
        Binding("up", "move(-1)", "Previous type", id="find.up", show=False),
        Binding("down", "move(1)", "Next type", id="find.down", show=False),
        Binding("f2", "category", "Category", id="find.category"),
        Binding("f4", "problems", "Problems", id="find.problems"),
        Binding("escape", "clear", "Clear search", id="find.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.entries: list[Entry] = []
        self.searched: tuple[str, str | None] | None = None

    def compose(self) -> ComposeResult:
        yield Plain("What is happening? Type what you see, a name or a tag.", id="find-title", classes="title")
        yield OpenIncidents()  # "1 open incident: … — F3 to resume", when one is open
        with Horizontal(id="search-row"):
            yield Input(placeholder="e.g. files renamed, ransom note", id="query")
            yield Select([], prompt="All categories", id="category")
        yield Plain("Loading the library…", id="status")
        with Horizontal(id="find-body"):
            yield OptionList(id="results", markup=False)
            with VerticalScroll(id="preview-pane"):
                yield Plain("", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "loaded", self.show_library, init=True)

    # -- library and results -------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        loaded: Loaded | None = self.app.loaded
        return loaded.library if loaded else None

    def show_library(self, loaded: Loaded | None) -> None:
        if loaded is None:
            return
        library = loaded.library
        if library is not None:
            self.entries = [Entry.of(t, c.name if (c := library.category(t.category)) else "") for t in library.types]
            select = self.query_one("#category", Select)
            chosen = select.selection  # a reload keeps the category, if it still has types
            used = [c for c in library.categories if any(t.category == c.id for t in library.types)]
            select.set_options((Text(c.name), c.id) for c in used)
            if chosen in {c.id for c in used}:
                select.value = chosen
        self.refilter()

    def status_text(self, shown: int) -> str:
        loaded: Loaded = self.app.loaded
        if loaded.library is None:
            return "The library could not be loaded. F4 shows why."
        total = len(loaded.library.types)
        text = f"{shown} of {total} incident types" if shown != total else f"{total} incident types"
        if loaded.failed:
            count = len(loaded.failed)
            text += f" · {count} file{'s' * (count != 1)} left out with problems: F4"
        if shown:
            text += " · Enter: triage"
        return text

    def refilter(self) -> None:
        library = self.library
        if library is None:
            if self.app.loaded is not None:
                self.query_one("#status", Plain).show(self.status_text(0))
            return
        query = self.query_one("#query", Input).value
        category = self.query_one("#category", Select).selection
        results = self.query_one("#results", OptionList)
        # A reload keeps the highlighted type; a new query or category starts from the best match.
        same = self.searched == (query, category)
        before = self.hits[results.highlighted].entry.id if same and results.highlighted is not None and self.hits else None
        self.searched = (query, category)
        self.hits = search(query, self.entries, category)
        results.clear_options()
        results.add_options(Option(Content(hit.entry.title), id=hit.entry.id) for hit in self.hits)
        if self.hits:
            ids = [hit.entry.id for hit in self.hits]
            results.highlighted = ids.index(before) if before in ids else 0
        else:
            self.query_one("#preview", Plain).show("No incident type matches. Try other words, or fewer.")
        self.query_one("#status", Plain).show(self.status_text(len(self.hits)))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.refilter()
        self.query_one("#query", Input).focus()

    @on(OptionList.OptionHighlighted, "#results")
    def show_preview(self, event: OptionList.OptionHighlighted) -> None:
        # By id, not index: the event may arrive after the list was refilled.
        hit = next((h for h in self.hits if h.entry.id == event.option_id), None)
        incident = self.library.type(event.option_id) if self.library else None
        if hit is None or incident is None:
            return
        self.query_one("#preview", Plain).show(preview(incident, self.library, hit))
        self.query_one("#preview-pane").scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#results")
    def start_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    @property
    def highlighted(self) -> IncidentType | None:
        index = self.query_one("#results", OptionList).highlighted
        if self.library is None or index is None or index >= len(self.hits):
            return None
        return self.library.type(self.hits[index].entry.id)

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "problems":
            loaded = self.app.loaded
            return bool(loaded and (loaded.failed or loaded.library is None))
        if action == "start":
            return self.highlighted is not None
        return True

    def action_start(self) -> None:
        incident = self.highlighted
        if incident is not None:
            self.app.open_triage(incident)

    def action_move(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -1
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_category(self) -> None:
        select = self.query_one("#category", Select)
        select.focus()
        select.expanded = True

    def action_problems(self) -> None:
        self.app.open_problems()

    def action_clear(self) -> None:
        query = self.query_one("#query", Input)
        query.value = ""
        self.query_one("#category", Select).clear()
        query.focus()
