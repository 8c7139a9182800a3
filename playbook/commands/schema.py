"""`playbook schema [NAME]`: a schema of the file format, for editors and other tools."""

from __future__ import annotations

import argparse
import json
import sys

from playbook.cli import EXIT_OK, UsageError

HELP = "print a JSON Schema of the file format (or its path, for editor set-up)"
NAMES = ("incident-type", "library", "common")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "name", nargs="?", default="incident-type", choices=NAMES, help="which schema (default incident-type)"
    )
    parser.add_argument(
        "--bundle",
        action="store_true",
        help="print the self-contained form (every $ref local, nothing to fetch): the one editors and CI tools use",
    )
    parser.add_argument(
        "--path", action="store_true", help="print the path of the self-contained form, for editor settings"
    )


def run(args: argparse.Namespace) -> int:
    from playbook.paths import SCHEMAS
    from playbook.validate import SCHEMA_FILES, bundle, bundled_path

    if args.path:
        print(bundled_path(args.name) if args.name != "common" else SCHEMAS / SCHEMA_FILES["common"])
        return EXIT_OK
    if args.bundle:
        print(json.dumps(bundle(args.name), indent=2, ensure_ascii=False))
        return EXIT_OK
    path = SCHEMAS / SCHEMA_FILES[args.name]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK
