"""Which journal: a SQLite file (one machine, nothing to set up) or a PostgreSQL database (a team
across machines), chosen by the location given with --journal or $PLAYBOOK_JOURNAL."""

from __future__ import annotations

import os
from pathlib import Path

from playbook.journal import Journal, JournalError, JournalStore, Verification, default_path

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def location(chosen: str | None) -> str | Path:
    """The journal named with --journal (a URL or a path), else $PLAYBOOK_JOURNAL, else the
    default file in the user's data folder."""
    chosen = chosen or os.environ.get("PLAYBOOK_JOURNAL") or None
    if chosen is None:
        return default_path()
    return chosen if is_url(chosen) else Path(chosen)


def open_journal(
    location: str | Path, *, readonly: bool = False, create: bool = True, make_folders: bool = False
) -> JournalStore:
    """The journal at `location`: a PostgreSQL URL, else a file path."""
    if is_url(location):
        try:
            import psycopg  # noqa: F401  (an optional extra)

            from playbook.journal_pg import PgJournal
        except ImportError:
            raise JournalError("a PostgreSQL journal needs psycopg: pip install 'playbook[postgres]'") from None
        return PgJournal.open(str(location), readonly=readonly, create=create)
    return Journal.open(Path(location), readonly=readonly, create=create, make_folders=make_folders)


def shown(location: str | Path) -> str:
    """The location for messages: a URL without its password."""
    if is_url(location):
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
