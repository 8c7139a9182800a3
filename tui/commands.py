"""The command palette: jump to any incident type or action by fuzzy name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.context import app_of


async def novel_start(app, library) -> None:
    from tui.screens import novel

    await novel.start(app, library, "")


class PlaybookCommands(Provider):
    def commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app = app_of(self)
        found: list[tuple[str, Callable[[], Any], str]] = [
            ("Find an incident type", app.open_find, "Back to the search box"),
            ("Help: every key", app.action_help, "The keys of the current screen"),
        ]
        loaded = app.loaded
        if loaded is not None and (loaded.failed or loaded.library is None):
            found.append(("Library problems", app.open_problems, "Files left out and why"))
        if loaded is not None and loaded.library is not None:
            found.append(
                (
                    "Something else: not in the library",
                    lambda: app.run_worker(novel_start(app, loaded.library)),
                    "A generic triage from the severity criteria, then coaching prompts",
                )
            )
            for incident in loaded.library.types:
                # Help text is parsed as markup by the palette, so it never carries playbook text.
                found.append((f"Triage: {incident.title}", partial(app.open_triage, incident), "Start its triage"))
        return found

    async def discover(self) -> Hits:
        for name, command, help_text in self.commands():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, self.highlight(matcher, name), command, text=name, help=help_text)

    @staticmethod
    def highlight(matcher, name: str) -> Content:
        # Matcher.highlight parses the name as markup; playbook titles are data, so mark by hand.
        content = Content(name)
        _, offsets = matcher.fuzzy_search.match(matcher.query, name)
        for offset in offsets:
            content = content.stylize(matcher.match_style, offset, offset + 1)
        return content
