"""What the journal commands share: opening the chosen journal and reading one incident.

Not a command itself (it is not in cli.COMMANDS). Reading never creates a journal.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import UsageError
from playbook.incident import Incident, IncidentError
from playbook.journal import Journal, JournalError, default_path
from playbook.live import LiveIncident


def journal_path(args: argparse.Namespace) -> Path:
    return Path(args.journal) if getattr(args, "journal", None) else default_path()


def existing_journal(args: argparse.Namespace) -> Journal | None:
    """The journal opened read-only, or None if there is none yet."""
    path = journal_path(args)
    if not path.exists():
        return None
    try:
        return Journal.open(path, readonly=True)
    except JournalError as error:
        raise UsageError(str(error)) from None


def load_incident(args: argparse.Namespace, incident_id: str) -> Incident:
    """A live incident's state; a drill's id is refused with where its report comes from instead."""
    return load_live(args, incident_id).state


def load_live(args: argparse.Namespace, incident_id: str) -> LiveIncident:
    """A live incident through the same core service the board uses (its journal closed after)."""
    journal = existing_journal(args)
    if journal is None:
        raise UsageError(f"no journal at {journal_path(args)}: no incident has been declared")
    with journal:
        kind = journal.kind_of(incident_id)
        if kind is None:
            raise UsageError(f"no incident '{incident_id}' in {journal.path}; `playbook incidents --all` lists them")
        if kind == "drill":
            # A drill's journal starts with its set-up, not a declaration: its report is the debrief.
            raise UsageError(
                f"incident '{incident_id}' is a drill, not a live incident: its after-action report is "
                f"exported from the drill's debrief (`playbook drill join {incident_id}`, then r, "
                "then e), and `playbook practice` prints the practice history"
            )
        try:
            return LiveIncident(journal, incident_id, None, "")
        except (IncidentError, KeyError, TypeError) as error:
            raise UsageError(f"incident '{incident_id}' in {journal.path} cannot be read: {error}") from None
