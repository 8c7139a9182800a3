"""`playbook list`: the incident types of the library."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK
from playbook.commands.common import add_format, emit, usable_library

HELP = "list the incident types in the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--category", help="only this category")


def run(args: argparse.Namespace) -> int:
    library = usable_library(args, whole=True)
    types = [t for t in library.types if args.category in (None, t.category)]
    width = max((len(t.id) for t in types), default=0)
    emit(
        args,
        text=lambda: (f"{t.id:<{width}}  {t.category:<14}  {t.status:<8}  {t.title}" for t in types),
        data=lambda: [
            {
                "id": t.id,
                "title": t.title,
                "category": t.category,
                "version": t.version,
                "status": t.status,
                "reviewed": t.reviewed,
                "tags": list(t.tags),
                "path": t.path,
            }
            for t in types
        ],
    )
    return EXIT_OK
