"""`playbook show ID`: one incident type as plain text, readable in a pipe."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK
from playbook.commands.common import find_type, usable_library

HELP = "print one incident type as plain text"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the incident type's id (see `playbook list`)")


def run(args: argparse.Namespace) -> int:
    from playbook.text import incident_text

    library = usable_library(args)
    print(incident_text(find_type(library, args.id), library), end="")
    return EXIT_OK
