"""`playbook follow INCIDENT [--format jsonl]`: every entry of a live incident as it is recorded,
one line each, so a team can forward updates to its chat with a few lines of its own. On a
PostgreSQL journal another machine's entry arrives within a moment (LISTEN/NOTIFY)."""

from __future__ import annotations

import argparse
import json
import time

from playbook.cli import EXIT_OK, UsageError

HELP = "print a live incident's entries as they are recorded (text or JSON lines)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (INC-...)")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text", help="one line per entry (default text)")
    parser.add_argument("--new", action="store_true", help="only entries recorded from now on")
    parser.add_argument("--once", action="store_true", help="print what is recorded so far and stop")
    parser.add_argument("--for", dest="seconds", type=float, default=None, metavar="S", help="stop after S seconds")


def run(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import existing_journal, journal_path
    from playbook.commands.scripted import as_json
    from playbook.journal import JournalError
    from playbook.journals import shown

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
        last = 0
        shown_so_far = 0  # the text numbers entries within the incident, as the board does (#1 its declaration)
        try:
            entries = journal.entries(args.incident)
            if args.new:
                last = entries[-1].seq if entries else 0
                shown_so_far = len(entries)
                entries = []
            while True:
                for entry in entries:
                    shown_so_far += 1
                    if args.format == "jsonl":
                        print(json.dumps(as_json(entry), ensure_ascii=False), flush=True)
                    else:
                        text = entry.data.get("text") or entry.data.get("step") or entry.data.get("person") or ""
                        line = f"#{shown_so_far} {entry.happened_at:%H:%M} {entry.actor}: {entry.kind} {text}"
                        print(line, flush=True)
                    last = entry.seq
                if args.once or (deadline is not None and time.monotonic() >= deadline):
                    return EXIT_OK
                wait = 1.0 if deadline is None else max(0.0, min(1.0, deadline - time.monotonic()))
                journal.wait(wait)
                entries = journal.entries(args.incident, after=last)
        except JournalError as error:
            raise UsageError(str(error)) from None
