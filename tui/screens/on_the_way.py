"""Screens on the way from "something is wrong" to a declaration."""

from __future__ import annotations

from textual.screen import Screen

from playbook.model import IncidentType


class OnTheWay(Screen):
    """A triage or a response: once its incident is declared, the board replaces these, so
    Escape from the board never lands on a response that would offer to declare it again.
    F6 edits the incident type's file, and a reload of that file says this screen shows the
    version it was opened with (tui/editing.py)."""

    incident: IncidentType
