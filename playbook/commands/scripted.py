"""What the scripting commands share: the live incident a script names, an entry recorded in the
journal (never a drill's), and one line saying what was recorded. Not a command itself."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime

from playbook.cli import UsageError
from playbook.incident import Incident, IncidentError, fold
from playbook.journal import Draft, Entry, JournalError, WriteFailed


def add_actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--by", default="", metavar="NAME", help="who makes the entry (default: $USER)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="what to print (default text)")


def actor(args: argparse.Namespace) -> str:
    import getpass

    name = (args.by or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "script"
    return name


def now(args: argparse.Namespace) -> datetime:
    """The one clock the CLI was started with (tests pass a FakeClock)."""
    return args.clock.now()


def record(args: argparse.Namespace, incident_id: str, build: Callable[[Incident], Draft]) -> tuple[Entry, str]:
    """Fold the live incident, build one entry from its state and append it; every refusal is
    a usage error in one line (a drill, a closed incident, an unknown step). Returns the entry
    and its number in the incident ('#4'), as the board and the reports number it."""
    from playbook.commands.journaled import writable_journal

    with writable_journal(args, create=False) as journal:
        kind = journal.kind_of(incident_id)
        if kind is None:
            raise UsageError(f"no incident '{incident_id}'; `playbook incidents --all` lists them")
        if kind != "live":
            raise UsageError(f"'{incident_id}' is a drill, not a live incident: scripts record only live incidents")
        try:
            state = fold(journal.entries(incident_id), kind)
            entry = journal.append(build(state))
            return entry, fold(journal.entries(incident_id), kind).number(entry.seq)
        except IncidentError as error:
            raise UsageError(f"{incident_id}: {error}") from None
        except (WriteFailed, JournalError) as error:
            raise UsageError(str(error)) from None


def say(args: argparse.Namespace, recorded: tuple[Entry, str], text: str) -> None:
    """One line for a person (the entry's number in its incident); JSON keeps the journal's seq."""
    from playbook.commands.common import emit

    entry, number = recorded
    emit(args, text=lambda: [f"{entry.incident} {number}: {text}"], data=lambda: as_json(entry))


def as_json(entry: Entry) -> dict:
    """One entry as a JSON object: what `follow --format jsonl` and chat bots read."""
    return {
        "incident": entry.incident,
        "seq": entry.seq,
        "kind": entry.kind,
        "actor": entry.actor,
        "happened_at": entry.happened_at.isoformat(),
        "logged_at": entry.logged_at.isoformat(),
        "recorded_at": entry.recorded_at.isoformat(),
        "data": dict(entry.data),
        "hash": entry.hash,
        "damage": entry.damage or None,
    }
