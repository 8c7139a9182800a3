"""`playbook incidents`: the live incidents in the journal, open ones first."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from playbook.cli import EXIT_OK, EXIT_PROBLEMS
from playbook.commands.common import add_format

if TYPE_CHECKING:
    from playbook.journal import IncidentRecord

HELP = "list the live incidents recorded in the journal (drills are never listed here)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_format(parser, "text", "json")
    parser.add_argument("--all", action="store_true", help="closed incidents too, not only open ones")


def run(args: argparse.Namespace) -> int:
    """Exit 1 when the journal fails its checks or an incident's record is damaged: each is
    listed with what is wrong (and its entry's number), never skipped."""
    from playbook.commands.journaled import existing_journal

    journal = existing_journal(args)
    records = [] if journal is None else journal.incidents("live")
    damaged = bool(journal and journal.damage)
    if journal is not None:
        journal.close()
    records = sorted((r for r in records if args.all or r.is_open or r.problem), key=lambda r: not r.is_open)
    damaged = damaged or any(r.problem for r in records)
    if args.format == "json":
        print(json.dumps([_row(r) for r in records], indent=2, ensure_ascii=False))
        return EXIT_PROBLEMS if damaged else EXIT_OK
    if not records:
        print("no open incidents" if not args.all else "no incidents")
    for r in records:
        if r.problem:
            print(f"{r.id}  DAMAGED  {_printable(r.problem)}")
            continue
        state = "open  " if r.is_open else "closed"
        print(
            f"{r.id}  {state}  {r.declared.happened_at:%Y-%m-%d %H:%M}  {r.severity['id']:<5}  "
            f"{r.declared.data['type']:<20}  {_printable(r.declared.data['title'])}"
        )
    return EXIT_PROBLEMS if damaged else EXIT_OK


def _row(r: IncidentRecord) -> dict:
    if r.problem:
        return {"id": r.id, "damaged": r.problem}
    return {
        "id": r.id,
        "title": r.declared.data["title"],
        "type": r.declared.data["type"],
        "severity": r.severity["id"],
        "declared_severity": r.declared.data["severity"]["id"],
        "commander": r.declared.data["commander"],
        "declared_at": r.declared.happened_at.isoformat(),
        "open": r.is_open,
        "closed_at": r.closed.happened_at.isoformat() if r.closed else None,
    }


def _printable(value: str) -> str:
    from playbook.problems import quote

    return quote(value, limit=80)[1:-1]  # titles are typed by people: no terminal escapes
