"""Which journal: a SQLite file (one machine, nothing to set up) or a PostgreSQL database (a team
across machines), chosen by the location given with --journal or $PLAYBOOK_JOURNAL."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.journal import (
    Entry,
    Journal,
    JournalError,
    JournalStore,
    NoJournal,
    Verification,
    replay_into,
)
from playbook.journal import replay_outbox as replay_file_outbox
from playbook.paths import default_journal, is_journal_url

WAIT_SECONDS = 0.2  # one wait for news: also how soon a stopped follower lets go of the journal
RETRY_SECONDS = 1.0  # between attempts to reach a journal that went away


def location(chosen: str | None) -> str | Path:
    """The journal named with --journal (a URL or a path), else $PLAYBOOK_JOURNAL, else the
    default file in the user's data folder."""
    chosen = chosen or os.environ.get("PLAYBOOK_JOURNAL") or None
    if chosen is None:
        return default_journal()
    return chosen if is_journal_url(chosen) else Path(chosen)


def open_journal(
    location: str | Path,
    *,
    readonly: bool = False,
    create: bool = True,
    make_folders: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> JournalStore:
    """The journal at `location`: a PostgreSQL URL (stamped by the server's clock), else a file
    path (stamped by `clock`)."""
    if is_journal_url(location):
        try:
            import psycopg  # noqa: F401  (an optional extra)

            from playbook.journal_pg import PgJournal
        except ImportError:
            raise JournalError("a PostgreSQL journal needs psycopg: pip install 'playbook[postgres]'") from None
        return PgJournal.open(str(location), readonly=readonly, create=create)
    return Journal.open(Path(location), readonly=readonly, create=create, make_folders=make_folders, clock=clock)


def shown(location: str | Path) -> str:
    """The location for messages: a URL without its password."""
    if is_journal_url(location):
        from playbook.journal_pg import redacted

        return redacted(str(location))
    return str(location)


def copy_journal(source: str | Path, target: str | Path) -> Verification:
    """Copy every incident and entry, hashes intact, into an empty (or new) journal, then verify
    the copy. The source is opened read-only and never changed."""
    with open_journal(source, readonly=True, create=False) as origin:
        checked = origin.verify()
        if not checked.ok:
            raise JournalError(f"{shown(source)} failed its checks ({checked.findings[0]}): it was not copied")
        incidents, rows = origin.export_rows()
    with open_journal(target, create=True) as copy:
        copy.import_rows(incidents, rows)
    with open_journal(target, readonly=True, create=False) as copy:
        return copy.verify()


def replay_outbox(location: str | Path) -> list[Entry]:
    """Record what an earlier session left in the outbox of the journal at `location` (a file's
    outbox lies beside it; a shared journal's in the user's data folder)."""
    if not is_journal_url(location):
        return replay_file_outbox(Path(location))
    try:
        journal = open_journal(location, create=False)
    except NoJournal:
        return []
    with journal:
        return replay_into(journal)


@attrs.frozen
class Look:
    """One look at the journal by `watch`."""

    changed: bool  # something may have been recorded: read it now
    offline: str  # why the journal cannot be reached; "" when it can


def watch(
    journal: JournalStore, stopped: threading.Event, wait: float = WAIT_SECONDS, retry: float = RETRY_SECONDS
) -> Iterator[Look]:
    """Follow the journal until `stopped` is set: a Look after every wait (NOTIFY on PostgreSQL,
    SQLite's data_version on a file), so a follower reads only when something changed. The first
    look and the first after an outage count as changed: entries committed while nobody was
    listening are read then. An outage is said in every look until the journal is back; between
    attempts the follower rests `retry` seconds (sooner when stopped)."""
    first, offline = True, ""
    while not stopped.is_set():
        try:
            changed = journal.wait(wait)
        except JournalError as error:
            offline = str(error)
            yield Look(changed=False, offline=offline)
            stopped.wait(retry)
            continue
        yield Look(changed=changed or first or bool(offline), offline="")
        first, offline = False, ""
