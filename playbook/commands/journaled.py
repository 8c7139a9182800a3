"""What the journal commands share: opening the chosen journal and reading one incident.

Not a command itself (it is not in cli.COMMANDS). Reading never creates a journal, and a
journal path whose folder does not exist is an error, never an empty journal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playbook.cli import UsageError
from playbook.incident import IncidentError
from playbook.journal import JournalError, JournalStore, NoJournal, Outbox, Verification
from playbook.journals import location, open_journal, shown
from playbook.live import LiveIncident


def journal_path(args: argparse.Namespace) -> Path | str:
    """The chosen journal: a file's path, or a PostgreSQL URL."""
    return location(getattr(args, "journal", None))


def chosen(args: argparse.Namespace) -> bool:
    """True when the journal was named (--journal or $PLAYBOOK_JOURNAL), not the default one."""
    return bool(getattr(args, "journal", None))


def existing_journal(args: argparse.Namespace, warn: bool = True) -> JournalStore | None:
    """The journal opened read-only, or None if there is none yet. A named journal whose folder
    does not exist is a usage error: most likely a mistyped path, not an empty journal. With
    `warn`, what the checks on open found is said on stderr."""
    where = journal_path(args)
    if isinstance(where, Path) and not where.exists():
        if chosen(args) and not where.parent.is_dir():
            raise UsageError(f"{where.parent}: no such folder (is the journal's path mistyped?)")
        return None
    try:
        journal = open_journal(where, readonly=True, create=False, clock=args.clock)
    except NoJournal:
        return None
    except JournalError as error:
        raise UsageError(str(error)) from None
    if warn:
        warn_damage(where, journal.damage)
    return journal


def writable_journal(args: argparse.Namespace, create: bool = True) -> JournalStore:
    """The journal opened for writing: the default journal's folder is made on the first write."""
    try:
        return open_journal(journal_path(args), create=create, make_folders=not chosen(args), clock=args.clock)
    except JournalError as error:
        raise UsageError(str(error)) from None


def warn_damage(where: Path | str, findings) -> None:
    """Each problem the checks found, one line each on stderr, like a compiler's."""
    for finding in findings:
        print(f"{shown(where)}: {finding}", file=sys.stderr)


def load_live(args: argparse.Namespace, incident_id: str) -> tuple[LiveIncident, Verification]:
    """A live incident through the same core service the board uses (its journal closed after),
    and the full check of its journal; a drill's id is refused with where its report comes from
    instead."""
    journal = existing_journal(args, warn=False)
    if journal is None:
        raise UsageError(f"no journal at {shown(journal_path(args))}: no incident has been declared")
    with journal:
        kind = journal.kind_of(incident_id)
        if kind is None:
            raise UsageError(
                f"no incident '{incident_id}' in {shown(journal_path(args))}; `playbook incidents --all` lists them"
            )
        if kind == "drill":
            # A drill's journal starts with its set-up, not a declaration: its report is the debrief.
            raise UsageError(
                f"incident '{incident_id}' is a drill, not a live incident: its after-action report is "
                f"exported from the drill's debrief (`playbook drill join {incident_id}`, then r, "
                "then e), and `playbook practice` prints the practice history"
            )
        verification = journal.verify()  # the full check: reports are evidence
        warn_damage(journal_path(args), verification.findings)
        try:
            # An empty in-memory outbox: a report says what the journal recorded, nothing else.
            live = LiveIncident(journal, incident_id, None, "", Outbox())
        except IncidentError as error:
            raise UsageError(
                f"incident '{incident_id}' in {shown(journal_path(args))} cannot be read: {error}"
            ) from None
        return live, verification
