"""`playbook list`: the incident types of the library."""

from __future__ import annotations

import argparse

import attrs

from playbook.cli import EXIT_OK
from playbook.commands.common import add_format, emit, usable_load

HELP = "list the incident types in the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--category", help="only this category")


def run(args: argparse.Namespace) -> int:
    # A line a type is all a list needs: the whole models of 10,000 types took half a gigabyte.
    summaries = usable_load(args, whole=True, keep="summaries").summaries
    types = [t for t in summaries if args.category in (None, t.category)]
    width = max((len(t.id) for t in types), default=0)
    emit(
        args,
        text=lambda: (f"{t.id:<{width}}  {t.category:<14}  {t.status:<8}  {t.title}" for t in types),
        data=lambda: [attrs.asdict(t) for t in types],  # each field of a Summary, in order
    )
    return EXIT_OK
