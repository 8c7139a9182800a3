"""`playbook follow INCIDENT [--format jsonl]`: every entry of a live incident as it is recorded,
one line each, so a team can forward updates to its chat with a few lines of its own. On a
PostgreSQL journal another machine's entry arrives within a moment (LISTEN/NOTIFY)."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from typing import TYPE_CHECKING

from playbook.cli import EXIT_OK, UsageError

if TYPE_CHECKING:
    from playbook.journal import Entry

HELP = "print a live incident's entries as they are recorded (text or JSON lines)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (INC-...)")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text", help="one line per entry (default text)")
    parser.add_argument("--new", action="store_true", help="only entries recorded from now on")
    parser.add_argument("--once", action="store_true", help="print what is recorded so far and stop")
    parser.add_argument("--for", dest="seconds", type=float, default=None, metavar="S", help="stop after S seconds")


def run(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import existing_journal, journal_path
    from playbook.journal import JournalError
    from playbook.journals import shown, watch

    journal = existing_journal(args)
    if journal is None:
        raise UsageError(f"no journal at {shown(journal_path(args))}: no incident has been declared")
    with journal:
        kind = journal.kind_of(args.incident)
        if kind is None:
            raise UsageError(f"no incident '{args.incident}'; `playbook incidents --all` lists them")
        if kind != "live":
            raise UsageError(f"'{args.incident}' is a drill, not a live incident")
        deadline = None if args.seconds is None else time.monotonic() + args.seconds
        try:
            entries = journal.entries(args.incident)
        except JournalError as error:
            raise UsageError(str(error)) from None
        last = entries[-1].seq if entries else 0
        # The text numbers entries within the incident, as the board does (#1 its declaration).
        numbered = len(entries) if args.new else _print(entries, args.format, 0)
        if args.once:
            return EXIT_OK
        stopped, offline, behind = threading.Event(), "", False
        for look in watch(journal, stopped):
            if bool(look.offline) != bool(offline):  # said once per outage, on stderr: stdout is entries only
                print(f"offline, reconnecting: {look.offline}" if look.offline else "back online", file=sys.stderr)
            offline = look.offline
            behind = behind or look.changed
            if behind and not offline:
                try:
                    new = journal.entries(args.incident, after=last)
                except JournalError as error:  # read again at the next look
                    print(f"offline, reconnecting: {error}", file=sys.stderr)
                else:
                    numbered, behind = _print(new, args.format, numbered), False
                    last = new[-1].seq if new else last
            if deadline is not None and time.monotonic() >= deadline:
                return EXIT_OK
        return EXIT_OK


def _print(entries: list[Entry], form: str, numbered: int) -> int:
    """Print `entries`, one line each, after `numbered` of the incident's; how many are printed now."""
    from playbook.commands.scripted import as_json

    for entry in entries:
        numbered += 1
        if form == "jsonl":
            print(json.dumps(as_json(entry), ensure_ascii=False), flush=True)
        else:
            text = entry.data.get("text") or entry.data.get("step") or entry.data.get("person") or ""
            print(f"#{numbered} {entry.happened_at:%H:%M} {entry.actor}: {entry.kind} {text}", flush=True)
    return numbered
