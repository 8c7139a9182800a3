"""What several commands share: loading the chosen library and finding an incident type."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from playbook.cli import UsageError

if TYPE_CHECKING:  # loading pulls in jsonschema and networkx: only when a command runs
    from playbook.library import Loaded
    from playbook.model import IncidentType, Library


def load_library(args: argparse.Namespace) -> Loaded:
    from playbook.library import load

    return load(args.library)


def usable_library(args: argparse.Namespace) -> Library:
    """The library, or a usage error if library.yaml itself cannot be used."""
    loaded = load_library(args)
    if loaded.library is None:
        first = loaded.problems[0] if loaded.problems else "no library"
        raise UsageError(f"the library cannot be used: {first}")
    return loaded.library


def find_type(library: Library, type_id: str) -> IncidentType:
    incident = library.type(type_id)
    if incident is None:
        from difflib import get_close_matches

        close = get_close_matches(type_id, [t.id for t in library.types], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else "; `playbook list` shows them"
        raise UsageError(f"no incident type '{type_id}'{hint}")
    return incident


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default {choices[0]})")
