"""`playbook list`: the incident types of the library."""

from __future__ import annotations

import argparse
import json

from playbook.cli import EXIT_OK
from playbook.commands.common import add_format, usable_library

HELP = "list the incident types in the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--category", help="only this category")


def run(args: argparse.Namespace) -> int:
    library = usable_library(args)
    types = [t for t in library.types if args.category in (None, t.category)]
    if args.format == "json":
        rows = [
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
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max((len(t.id) for t in types), default=0)
    for t in types:
        print(f"{t.id:<{width}}  {t.category:<14}  {t.status:<8}  {t.title}")
    return EXIT_OK
