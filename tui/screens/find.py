"""Find: type what is happening, see the matching incident types, Enter starts the triage."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from playbook.paths import LIBRARY_FILE
from playbook.safe import safe, safe_line
from playbook.search import LISTED, Entry, Hit, best, entries, terms, weak_reason
from tui.context import app_of
from tui.screens.help import Explained
from tui.widgets.open_incidents import OpenIncidents
from tui.widgets.plain import Plain, SafeInput, StatusLine

if TYPE_CHECKING:
    from playbook.library import Loaded
    from playbook.model import IncidentType, Library
    from playbook.search_index import Index


def preview(incident: IncidentType, library: Library, hit: Hit | None = None) -> Content:
    """The overview of one type: what it is, how to recognise it, when the response is wrong."""
    category = library.category(incident.category)
    matched = set(hit.cues) if hit else set()
    parts: list[Content | tuple[str, str] | str] = [
        (incident.title, "bold"),
        "\n",
        (f"{category.name if category else incident.category} · {incident.status}", "italic"),
        "\n\n",
        *_why(hit),
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


def _why(hit: Hit | None) -> list[Content | tuple[str, str] | str]:
    """Why the search found this type: each query word and where it matched (weak ones said so)."""
    if hit is None or not hit.reasons:
        return []
    why = safe("; ".join(f"“{r.term}” ~ {r.field} “{r.text}”" for r in hit.reasons[:3]))
    return [("Weak match: " if hit.weak else "Matched: ", "bold"), why, "\n\n"]


def remembered_preview(entry: Entry, hit: Hit | None = None) -> Content:
    """The overview of one type while the library is being checked: what the stored index knows.
    The index is a file in the cache folder, never checked like a playbook: each text is made
    display-safe here, since Content.assemble would drop a control character unseen."""
    matched = set(hit.cues) if hit else set()
    parts: list[Content | tuple[str, str] | str] = [
        (safe(entry.title), "bold"),
        "\n",
        (safe(entry.category_name or entry.category), "italic"),
        "\n\n",
        *_why(hit),
        ("Recognise it", "bold underline"),
        "\n",
    ]
    for cue in entry.cues:
        parts += [("▸ " if cue in matched else "• ", "bold" if cue in matched else ""), safe(cue), "\n"]
    parts += ["\n", ("Checking the library for changes: Enter opens this type as soon as it is done.", "italic")]
    return Content.assemble(*parts)


def weak_label(reason: str) -> list[Content | tuple[str, str] | str]:
    """The best match is weak: said first, in words, with the way out."""
    if not reason:
        return []
    return [("⚠ No type matches well: ", "bold"), reason, ". F5: something else, not in the library.", "\n\n"]


ALL_CATEGORIES = "All categories"


class CategoryChoice(Plain):
    """The category the list is narrowed to. F2 or a click opens the choice: a picker, not a
    drop-down, so the first screen composes no second list (a Select was a tenth of its first
    paint) and each category has a digit, as every other choice in the app does."""

    async def on_click(self) -> None:
        await self.run_action("screen.category")


UNAVAILABLE = "unavailable:"  # the option id prefix of a type whose file failed validation


# Files the loader refused to read (a link out of the library, a FIFO, a hostile name): the
# screen must not read them either.
REFUSED = ("P005", "P006")


def unavailable_entry(path: str, refused: bool = False) -> Entry:
    """A type whose file is left out, named by whatever can still be read: its title, else its
    id, else the file name. It stays findable, so an author's new playbook does not just vanish."""
    from playbook.library import left_out_name  # loaded by then: only a checked library has such files

    return Entry(UNAVAILABLE + path, left_out_name(path, refused), category="")


class FindScreen(Explained, Screen):
    """The first screen: a search box, the matching types, and a preview of the highlighted one."""

    AUTO_FOCUS = "#query"
    HELP_KEYS = [
        ("enter", "Start the triage of the highlighted type (an unavailable one shows its problems)"),
        ("f5", "Something else: not in the library (a generic triage and coaching prompts)"),
    ]
    BINDINGS = [
        # A priority binding, so Enter is not the search box's: the action awaits the triage
        # screen, and digits typed straight after it answer the first question.
        Binding("enter", "start", "Triage", id="find.start", priority=True),
        Binding("up", "move(-1)", "Previous type", id="find.up", show=False),
        Binding("down", "move(1)", "Next type", id="find.down", show=False),
        # Priority, like Enter: a digit typed straight after F2 picks, not types into the box.
        Binding("f2", "category", "Category", id="find.category", priority=True),
        Binding("f4", "problems", "Problems", id="find.problems"),
        Binding("f5", "something_else", "Something else", id="find.novel"),
        Binding("escape", "clear", "Clear search", id="find.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []  # the best matches, at most LISTED
        self.more = 0  # how many more types matched than are listed
        self.matched = 0  # how many available types matched, listed or not
        self.entries: list[Entry] = []
        self.index: Index | None = None  # see indexed
        self.unavailable: list[Entry] = []
        self.searched: tuple[str, str | None] | None = None
        self.waiting: str | None = None  # a type chosen before the library was checked: opened when it is
        self.weak = ""  # why the best match is weak, in words ("" when it is a good one)
        self.warned: tuple[str, str] | None = None  # (query, type id) whose weak label Enter has shown
        self.categories: list[tuple[str, str]] = []  # the categories of the listed types, as (id, name)
        self.category: str | None = None  # the one the list is narrowed to

    def compose(self) -> ComposeResult:
        yield Plain("What is happening? Type what you see, a name or a tag.", id="find-title", classes="title")
        yield OpenIncidents()  # "1 open incident: … — F3 to resume", when one is open
        with Horizontal(id="search-row"):
            yield SafeInput(placeholder="e.g. files renamed, ransom note", id="query")
            yield CategoryChoice(f"{ALL_CATEGORIES} (F2)", id="category")
        yield StatusLine("Loading the library…", id="status")
        with Horizontal(id="find-body"):
            yield OptionList(id="results", markup=False)
            with VerticalScroll(id="preview-pane"):
                yield Plain("", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "remembered", self.show_remembered, init=True)
        self.watch(self.app, "loaded", self.show_library, init=True)

    # -- library and results -------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        loaded: Loaded | None = app_of(self).loaded
        return loaded.library if loaded else None

    def show_remembered(self, remembered: list[Entry] | None) -> None:
        """Show the types from the stored index until the library has been checked."""
        if remembered is None or app_of(self).loaded is not None:
            return
        self.entries, self.index = remembered, None
        names = {e.category: e.category_name or e.category for e in remembered}
        self.set_categories(list(names.items()))
        self.refilter()
        self.call_after_refresh(self.indexed)

    def indexed(self) -> Index:
        """The search index of the listed types. The list paints without it (an empty query needs
        none), so it is built just after the list is on the screen, or by the first search that
        comes sooner: at 10,000 types building it takes longer than the rest of the first paint."""
        if self.index is None:
            from playbook.search_index import Index  # numpy: off the first paint's path

            self.index = Index(self.entries)
        return self.index

    def set_categories(self, categories: list[tuple[str, str]]) -> None:
        """The category choices, as (id, name), by name (the stored index knows no other order,
        and the digits must not change when the checked library arrives); the chosen one is kept
        while it is still there."""
        self.categories = sorted(categories, key=lambda category: category[1].lower())
        self.narrow(self.category)

    def narrow(self, category: str | None) -> None:
        """Narrow the list to one category, if the listed types have it (a picker opened before
        the library was checked may offer one that is gone), else to none; and say which."""
        name = dict(self.categories).get(category) if category else None
        self.category = category if name is not None else None
        self.query_one("#category", Plain).show(f"{safe_line(name or ALL_CATEGORIES)} (F2)")

    def show_library(self, loaded: Loaded | None) -> None:
        if loaded is None:
            return
        library = loaded.library
        refused = {p.path for p in loaded.errors if p.code in REFUSED}
        self.unavailable = [unavailable_entry(p, p in refused) for p in loaded.failed if Path(p).name != LIBRARY_FILE]
        if library is not None:
            self.entries, self.index = entries(library), None
            used = {t.category for t in library.types}
            self.set_categories([(c.id, c.name) for c in library.categories if c.id in used])
        else:
            self.entries, self.index = [], None
        self.refilter()
        self.call_after_refresh(self.indexed)
        self.refresh_bindings()  # F4 and F5 depend on the checked library, which the remembered list lacks
        if self.waiting is not None:
            self.open_waiting(library)

    def forget_waiting(self) -> None:
        """The leader started over (cleared the search, chose a category): the type chosen while
        the library was being checked is no longer wanted."""
        self.waiting = None

    def open_waiting(self, library: Library | None) -> None:
        """Open the type chosen while the library was being checked, or say why it cannot be."""
        chosen, self.waiting = self.waiting, None
        incident = library.type(chosen) if library is not None and chosen is not None else None
        if incident is not None:
            app_of(self).open_triage(incident)
        else:
            self.notify(
                f"{chosen} cannot be opened: it has problems or has gone from the library.",
                title="Not opened",
                severity="warning",
                markup=False,
            )

    def status_text(self, shown: int) -> str:
        """`shown`: how many available types matched (listed or not)."""
        loaded = app_of(self).loaded
        if loaded is None:
            total = len(self.entries)
            text = self.count_text(shown, total)
            if self.waiting is not None:
                return text + " · opening your choice once the library is checked…"
            return text + " · checking the library for changes…"
        if loaded.library is None:
            return "The library could not be loaded. F4 shows why."
        text = self.count_text(shown, len(loaded.library.types))
        if loaded.failed:
            count = len(loaded.failed)
            text += f" · {count} file{'s' * (count != 1)} left out with problems: F4"
        if self.weak:
            text = f"⚠ No type matches well: {self.weak}. F5: something else, not in the library · {text}"
        elif shown:
            text += " · Enter starts the triage · F5: something else"
        return text

    def count_text(self, shown: int, total: int) -> str:
        text = f"{shown:,} of {total:,} incident types" if shown != total else f"{total:,} incident types"
        if self.more:  # a long list says nothing the best of it does not: narrowing does
            text += f" · the best {len(self.hits)} listed, and {self.more:,} more: type more words"
        return text

    def refilter(self) -> None:
        loaded = app_of(self).loaded
        # Until the library is checked, the types from the stored index are searched, if any.
        if self.library is None and (loaded is not None or not self.entries):
            if loaded is not None:
                self.query_one("#status", Plain).show(self.status_text(0))
            return
        query = self.query_one("#query", Input).value
        category = self.category
        results = self.query_one("#results", OptionList)
        # A reload keeps the highlighted type; a new query or category starts from the best match.
        same = self.searched == (query, category)
        kept = self.highlighted_entry if same else None
        before = kept.id if kept else None
        self.searched = (query, category)
        old = [(hit.entry.id, hit.weak) for hit in self.hits]
        index = self.indexed() if terms(query) else None  # an empty query lists the types in order
        found = best(query, [*self.entries, *self.unavailable], LISTED, category, index)
        self.hits, self.more = list(found.hits), found.more
        first = next((h for h in self.hits if not h.entry.id.startswith(UNAVAILABLE)), None)
        self.weak = weak_reason(first, terms(query)) if first and terms(query) else ""
        ids = [hit.entry.id for hit in self.hits]
        if [(hit.entry.id, hit.weak) for hit in self.hits] == old and results.option_count == len(ids):
            # Same types in the same order (most keystrokes in a sentence): rebuilding the list
            # is the costly part, so keep it and its highlight; only the matched cues change.
            if not same and ids:
                results.highlighted = 0
            self.show_hit(results.highlighted)
        else:
            results.clear_options()
            results.add_options(self.option(hit) for hit in self.hits)
            if self.hits:
                results.highlighted = ids.index(before) if before in ids else 0
        if not self.hits:
            self.query_one("#preview", Plain).show("No incident type matches. Try other words, or fewer.")
        # The types matched, listed or not, but for files left out with problems.
        self.matched = found.total - best(query, self.unavailable, 0, category).total
        self.query_one("#status", Plain).show(self.status_text(self.matched))

    @staticmethod
    def option(hit: Hit) -> Option:
        entry, title = hit.entry, safe_line(hit.entry.title)  # the index is a file in the cache folder
        if entry.id.startswith(UNAVAILABLE):
            return Option(Content.assemble((title, "dim"), (" — unavailable: Enter shows why", "italic")), id=entry.id)
        if hit.weak:  # far below the best match: shown weaker, in words too (no colour needed)
            return Option(Content.assemble(("· ", "dim"), (title, "dim italic")), id=entry.id)
        return Option(Content(title), id=entry.id)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.refilter()

    @on(OptionList.OptionHighlighted, "#results")
    def show_preview(self, event: OptionList.OptionHighlighted) -> None:
        # By id, not index: the event may arrive after the list was refilled.
        self.show_hit(next((i for i, h in enumerate(self.hits) if h.entry.id == event.option_id), None))

    def show_hit(self, index: int | None) -> None:
        if index is None or index >= len(self.hits):
            return
        hit = self.hits[index]
        shown = self.query_one("#preview", Plain)
        if hit.entry.id.startswith(UNAVAILABLE):
            path = hit.entry.id.removeprefix(UNAVAILABLE)
            shown.show(
                Content.assemble(
                    (hit.entry.title, "bold"),
                    "\n\n",
                    f"{path} has problems, so it is left out of the library and cannot be used for a triage.\n\n",
                    "Enter shows its problems.",
                )
            )
        elif (library := self.library) is None:
            shown.show(remembered_preview(hit.entry, hit))
        else:
            incident = library.type(hit.entry.id)
            if incident is None:
                return
            label = weak_label(self.weak) if index == 0 else []
            shown.show(Content.assemble(*label, preview(incident, library, hit)))
        self.query_one("#preview-pane").scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#results")
    async def start_selected(self, event: OptionList.OptionSelected) -> None:
        await self.action_start()

    @property
    def highlighted_entry(self) -> Entry | None:
        index = self.query_one("#results", OptionList).highlighted
        return self.hits[index].entry if index is not None and index < len(self.hits) else None

    @property
    def highlighted(self) -> IncidentType | None:
        entry = self.highlighted_entry
        if self.library is None or entry is None:
            return None
        return self.library.type(entry.id)

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "something_else":
            return self.library is not None
        if action == "problems":
            loaded = app_of(self).loaded
            return bool(loaded and (loaded.failed or loaded.library is None))
        if action == "start":
            return self.highlighted_entry is not None
        return True

    async def action_start(self) -> None:
        # Enter, a priority binding, runs as the key arrives: letters typed just before it may
        # still be queued in the search box. Let the box take them, then act on its text, even
        # if a keystroke's refilter has not run yet.
        box = self.query_one("#query", Input)
        caught_up = asyncio.Event()
        box.call_later(caught_up.set)
        await caught_up.wait()
        if self.searched != (self.query_one("#query", Input).value, self.category):
            self.refilter()
        entry = self.highlighted_entry
        loaded = app_of(self).loaded
        if entry is not None and entry.id.startswith(UNAVAILABLE) and loaded is not None:
            from tui.screens.problems import ProblemsScreen

            await app_of(self).open(ProblemsScreen(loaded, entry.id.removeprefix(UNAVAILABLE)))
            return
        if entry is not None and loaded is None:
            self.waiting = entry.id
            self.query_one("#status", Plain).show(self.status_text(self.matched))
            return
        incident = self.highlighted
        if incident is None:
            return
        # A weak best match never starts its triage on the first Enter: the leader sees the label.
        if self.weak and self.warned != (self.searched[0] if self.searched else "", incident.id):
            self.warned = (self.searched[0] if self.searched else "", incident.id)
            self.notify(
                f"{incident.title} is only a {self.weak}. Enter again starts its triage anyway; "
                "F5 is for something not in the library.",
                title="Weak match",
                severity="warning",
                markup=False,
                timeout=15,
            )
            return
        await app_of(self).open_triage(incident)

    async def action_something_else(self) -> None:
        if self.library is not None:
            from tui.screens import novel as novel_screen

            self.app.clear_notifications()  # the weak-match notice would cover the questions at 80 columns
            await novel_screen.start(app_of(self), self.library, self.query_one("#query", Input).value)

    def action_move(self, step: int) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -1
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    async def action_category(self) -> None:
        from tui.screens.pick import PickScreen

        # The categories first, so each of the usual nine has a digit; every category last.
        choices = [*((id, safe_line(name)) for id, name in self.categories), ("", ALL_CATEGORIES)]
        await app_of(self).open(PickScreen("Narrow the list to one category", choices, then=self.chosen_category))

    def chosen_category(self, category: str) -> None:
        self.forget_waiting()
        self.narrow(category or None)
        self.refilter()
        self.query_one("#query", Input).focus()

    def action_problems(self) -> None:
        app_of(self).open_problems()

    def action_clear(self) -> None:
        query = self.query_one("#query", Input)
        query.value = ""
        self.forget_waiting()
        self.narrow(None)
        self.refilter()  # the box may have been empty already: no change of it to refilter on
        query.focus()
