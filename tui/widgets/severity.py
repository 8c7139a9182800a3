"""Severity as a word and a symbol, never colour alone (there is no screen-reader support)."""

from __future__ import annotations

from textual.content import Content

from playbook.model import Library, Severity

# One more triangle for each step up; the mildest levels get an outline.
_SYMBOLS = ("▲▲▲", "▲▲", "▲", "△")


def symbol(rank: int) -> str:
    return _SYMBOLS[min(rank, len(_SYMBOLS) - 1)]


def label(level: Severity) -> str:
    """'▲▲▲ SEV1 Critical'."""
    return f"{symbol(level.rank)} {level.id} {level.name}"


def label_of(library: Library, severity_id: str) -> str:
    level = library.severity(severity_id)
    return label(level) if level else severity_id


def css_class(library: Library, severity_id: str) -> str:
    """A class for theme colouring (extra to the word and symbol): sev-0 is the most severe."""
    return f"sev-{min(library.rank(severity_id), len(_SYMBOLS) - 1)}"


def badge(library: Library, severity_id: str) -> Content:
    return Content(label_of(library, severity_id)).stylize("bold")
