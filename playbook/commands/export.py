"""`playbook export ID --format md|mermaid|dot|csv`: an incident type for other tools."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK
from playbook.commands.common import find_type, usable_library

HELP = "print an incident type as Markdown, its triage as Mermaid or Graphviz DOT, or its decision table as CSV"
FORMATS = ("md", "mermaid", "dot", "csv", "csv-rows")  # kept here so `playbook --help` need not import the exporter


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the incident type's id (see `playbook list`)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help="md: the whole incident type, to print; mermaid or dot: the triage tree; csv: the decision table, "
        "one row per path (an empty cell: any answer); csv-rows: one row per combination of answers, "
        "as published tables list them and `import-table` reads them (default md)",
    )


def run(args: argparse.Namespace) -> int:
    from playbook.export import export

    library = usable_library(args)
    print(export(find_type(library, args.id), library, args.format), end="")
    return EXIT_OK
