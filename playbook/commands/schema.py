"""`playbook schema [NAME]`: a schema of the file format, for editors and other tools."""

from __future__ import annotations

import argparse
import sys

from playbook.cli import EXIT_OK, UsageError

HELP = "print a JSON Schema of the file format (or its path, for editor set-up)"
NAMES = ("incident-type", "library", "common")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", nargs="?", default="incident-type", choices=NAMES, help="which schema (default incident-type)"
    )
    parser.add_argument("--path", action="store_true", help="print the schema file's path instead of its text")


def run(args: argparse.Namespace) -> int:
    from playbook.paths import SCHEMAS
    from playbook.validate import SCHEMA_FILES

    path = SCHEMAS / SCHEMA_FILES[args.name]
    if args.path:
        print(path)
        return EXIT_OK
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK
