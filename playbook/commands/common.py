"""What several commands share: loading the chosen library and finding an incident type."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from playbook.cli import UsageError

if TYPE_CHECKING:  # loading pulls in jsonschema: only when a command runs
    from playbook.library import Keep, Loaded
    from playbook.model import IncidentType, Library
    from playbook.problems import Problem


def usable_load(args: argparse.Namespace, whole: bool = False, keep: Keep = "types") -> Loaded:
    """The library loaded, keeping what `keep` asks for of each type, or a usage error if
    library.yaml itself cannot be used. Types whose files have errors are left out; a command
    that presents the `whole` library says so on stderr, file by file: a list or a handbook that
    silently lacks a playbook reads as the whole library."""
    from playbook.library import load

    loaded = load(args.library, keep=keep)
    if loaded.library is None:
        first = loaded.problems[0] if loaded.problems else "no library"
        raise UsageError(f"the library cannot be used: {first}")
    if whole and loaded.failed:
        count = len(loaded.failed)
        print(
            f"playbook: {count} file{'s' * (count != 1)} left out for errors, each with its first"
            " (`playbook validate` lists them all):",
            file=sys.stderr,
        )
        for path in loaded.failed:
            print(f"  {next(p for p in loaded.errors if p.path == path)}", file=sys.stderr)
    return loaded


def usable_library(args: argparse.Namespace, whole: bool = False) -> Library:
    """The library with its types (see usable_load)."""
    library = usable_load(args, whole).library
    assert library is not None  # usable_load raises otherwise
    return library


def find_type(library: Library, type_id: str) -> IncidentType:
    incident = library.type(type_id)
    if incident is None and (error := _left_out(library, type_id)):
        raise UsageError(f"'{type_id}' is left out for errors, the first: {error} (`playbook validate` lists them all)")
    if incident is None:
        from difflib import get_close_matches

        close = get_close_matches(type_id, [t.id for t in library.types], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else "; `playbook list` shows them"
        raise UsageError(f"no incident type '{type_id}'{hint}")
    return incident


def _left_out(library: Library, type_id: str) -> Problem | None:
    """The first error of the file named for `type_id`, if there is one and it failed its check:
    an author who just broke a playbook is told so, not that it does not exist."""
    if not library.root or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", type_id):  # an id, never a path
        return None
    path = Path(library.root) / f"{type_id}.yaml"
    if not path.is_file():
        return None
    from playbook.library import load

    return next(iter(load(library.root, only=[path], keep="nothing").errors), None)


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"output format (default {choices[0]})")


def emit(
    args: argparse.Namespace,
    text: Callable[[], Iterable[str]],
    data: Callable[[], object] | None = None,
    github: Callable[[], Iterable[str]] | None = None,
) -> None:
    """Print a command's result in the --format asked for: the one place that says how each
    format is written (JSON indented with UTF-8 kept; text and github annotations a line each).
    Each form is built only when asked for."""
    form = getattr(args, "format", "text")
    if form == "json" and data is not None:
        print(json.dumps(data(), indent=2, ensure_ascii=False))
        return
    for line in (github if form == "github" and github is not None else text)():
        print(line)
