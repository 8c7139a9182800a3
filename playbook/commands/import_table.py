"""`playbook import-table FILE.csv --incident ID`: a spreadsheet's decision table into an
incident file's triage, checked row by row, the file's comments and layout kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playbook.cli import EXIT_OK, EXIT_PROBLEMS, UsageError
from playbook.commands.common import usable_library

HELP = "write a CSV decision table (header: question ids, then the outcome) into an incident's triage"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "csv", type=Path, metavar="FILE.csv", help="the table: question ids as the header, outcome last"
    )
    parser.add_argument("--incident", required=True, metavar="ID", help="the incident type whose triage table to write")
    parser.add_argument("--check", action="store_true", help="report the table's problems without writing anything")


def run(args: argparse.Namespace) -> int:
    from playbook import build, source, table_import, writeback
    from playbook.library import display_path
    from playbook.validate import schema_problems

    library = usable_library(args)
    path = _incident_file(Path(library.root), args.incident)
    shown = display_path(path)
    try:
        raw = args.csv.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {display_path(args.csv)}: {error.strerror or error}") from None
    table, problems = table_import.read_csv(raw, display_path(args.csv))
    if table is None:
        return _report(problems)

    try:
        snap = writeback.snapshot(path)
    except OSError as error:
        raise UsageError(f"cannot read {shown}: {error.strerror or error}") from None
    document, read_problems = source.parse(snap.text.encode("utf-8"), shown)
    broken = read_problems + (schema_problems(document, "incident-type") if document is not None else [])
    if document is None or any(p.is_error for p in broken):
        first = next(p for p in broken if p.is_error)
        raise UsageError(f"{shown} must read cleanly before a table is written into it: {first}")
    incident = build.incident_type(document)
    if incident.triage.start is not None or incident.triage.has_nodes:
        raise UsageError(
            f"the triage of '{incident.id}' is a tree (`start`): remove `start` and the answers' "
            "`next` and `outcome` (or `nodes`) to give it a table instead"
        )
    imported, problems = table_import.check(table, incident, library)
    if any(p.is_error for p in problems) or args.check:
        return _report(problems)
    rows = [{"when": dict(row.when), "outcome": row.outcome} for row in imported.triage.table or ()]
    try:
        writeback.replace_table(snap, rows)
    except (writeback.EditError, writeback.Conflict) as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write {shown}: {error.strerror or error}") from None
    _report(problems)
    print(f"wrote {len(rows)} row{'s' * (len(rows) != 1)} into the triage table of {shown}")
    return EXIT_OK


def _incident_file(root: Path, incident_id: str) -> Path:
    """The incident's file, named by its id (P302), found even while it does not yet validate
    (an empty triage is what an import is for)."""
    for suffix in (".yaml", ".yml"):
        if (root / f"{incident_id}{suffix}").is_file():
            return root / f"{incident_id}{suffix}"
    raise UsageError(f"no {incident_id}.yaml in the library; `playbook new {incident_id}` starts one")


def _report(problems) -> int:
    for problem in problems:
        print(problem, file=sys.stdout)
    return EXIT_PROBLEMS if any(p.is_error for p in problems) else EXIT_OK
