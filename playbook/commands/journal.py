"""`playbook journal verify`: is the journal intact? Every entry against its hash and its
incident's chain, no entry missing, the append-only guards in place, SQLite's full check."""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import EXIT_OK, EXIT_PROBLEMS, UsageError

HELP = "check the journal: exit 0 intact, 1 naming each broken, missing or altered entry, 2 if unreadable"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check every entry, the chain and SQLite's integrity")
    verify.add_argument(
        "--journal",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the journal to check (default: the one in use)",
    )


def run(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import journal_path
    from playbook.journal import Journal, JournalError, outbox_path
    from playbook.problems import quote

    path = journal_path(args)
    if not path.exists():
        raise UsageError(f"{path}: no journal here")
    try:
        with Journal.open(path, readonly=True) as journal:
            result = journal.verify()
    except JournalError as error:
        raise UsageError(str(error)) from None
    shown = quote(str(path), limit=200)[1:-1]
    for finding in result.findings:
        print(f"{shown}: {finding}")
    incidents = len(result.heads)
    state = "intact" if result.ok else f"{len(result.findings)} problem{'s' * (len(result.findings) != 1)} found"
    print(
        f"{shown}: {state}: {result.entries} entr{'ies' if result.entries != 1 else 'y'} in {incidents} "
        f"incident{'s' * (incidents != 1)}; SQLite integrity check: {result.integrity}"
    )
    if result.legacy:
        print(f"  {result.legacy} entries were recorded before the hash chain (journal format 1): not checked")
    for incident, head in sorted(result.heads.items()):
        print(f"  {quote(incident, limit=80)[1:-1]} chain head {head}")
    waiting = outbox_path(path)
    if waiting.exists():
        print(f"  {waiting} holds entries typed while the journal could not be written: the next start records them")
    return EXIT_OK if result.ok else EXIT_PROBLEMS
