"""The journal: a durable, append-only log of live incidents and drills (stdlib sqlite3).

What it records is evidence (regulators, insurers, the after-action review), so:
- an entry counts as recorded only once its transaction has committed, with WAL and
  synchronous=FULL so a commit survives a crash of the process or of the machine;
- entries are never changed or deleted: triggers refuse UPDATE and DELETE, and corrections
  are new entries that point at the old one;
- every entry carries a uid chosen by the writer, so retrying a write whose outcome is unknown
  never records it twice;
- a file that is not a journal, or a journal of a newer format, is never written to.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import attrs

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.errors import PlaybookError

FORMAT = 1  # PRAGMA user_version; raise it (with a migration) when the schema changes
APPLICATION_ID = 0x50424A4C  # "PBJL" in the SQLite header: marks the file as a playbook journal

IncidentKind = Literal["live", "drill"]
KINDS: tuple[IncidentKind, ...] = ("live", "drill")
_PREFIX = {"live": "INC", "drill": "DRL"}

# Separate statements: executescript() would commit the surrounding transaction first.
_SCHEMA = (
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('live', 'drill')),
        created_at TEXT NOT NULL)""",
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        incident TEXT NOT NULL REFERENCES incidents (id),
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        happened_at TEXT NOT NULL,
        logged_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)))""",
    "CREATE INDEX events_by_incident ON events (incident, seq)",
    *(
        f"CREATE TRIGGER {table}_append_only_{action} BEFORE {action.upper()} ON {table}"
        f" BEGIN SELECT RAISE(ABORT, 'the journal is append-only: {table} are never {verb}'); END"
        for table in ("events", "incidents")
        for action, verb in (("update", "changed"), ("delete", "deleted"))
    ),
)


class JournalError(PlaybookError):
    """The journal cannot be opened or used; the message says why and what was left untouched."""


class WriteFailed(JournalError):
    """A write did not commit (disk full, read-only, I/O error): nothing of it was recorded."""


def utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("journal times must be timezone-aware")
    return moment.astimezone(UTC)


def stamp(moment: datetime) -> str:
    return utc(moment).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def default_path() -> Path:
    """$PLAYBOOK_JOURNAL, else journal.sqlite3 in the user's data folder."""
    chosen = os.environ.get("PLAYBOOK_JOURNAL")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("playbook")) / "journal.sqlite3"


@attrs.frozen(kw_only=True)
class Draft:
    """An entry not yet recorded. Its uid makes a retried write idempotent."""

    incident: str | None  # None only for a declaration: the journal names the incident
    kind: str
    actor: str
    happened_at: datetime = attrs.field(converter=utc)
    logged_at: datetime = attrs.field(converter=utc)
    data: Mapping[str, Any] = attrs.field(factory=dict)
    uid: str = attrs.field(factory=lambda: uuid.uuid4().hex)


def draft(
    incident: str | None,
    kind: str,
    actor: str,
    now: datetime,
    data: Mapping[str, Any] | None = None,
    happened_at: datetime | None = None,
) -> Draft:
    """A new entry logged `now`; `happened_at` may be earlier (a decision taken ten minutes ago)."""
    return Draft(
        incident=incident, kind=kind, actor=actor, happened_at=happened_at or now, logged_at=now, data=dict(data or {})
    )


@attrs.frozen(kw_only=True)
class Entry:
    """A recorded entry: `seq` orders entries as they were committed."""

    seq: int
    uid: str
    incident: str
    kind: str
    actor: str
    happened_at: datetime
    logged_at: datetime
    recorded_at: datetime
    data: Mapping[str, Any]


@attrs.frozen(kw_only=True)
class IncidentRecord:
    """One line of the incident list: enough to choose one without folding its events."""

    id: str
    kind: IncidentKind
    declared: Entry
    closed: Entry | None
    retriaged: Entry | None = None  # the last severity change, if any

    @property
    def is_open(self) -> bool:
        return self.closed is None

    @property
    def severity(self) -> dict:
        """The severity now (or when it closed): the last re-triage's, else the declared one."""
        return (self.retriaged or self.declared).data["severity"]


_ENTRY_COLUMNS = "seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data"


def _entry(row: tuple) -> Entry:
    seq, uid, incident, kind, actor, happened, logged, recorded, data = row
    return Entry(
        seq=seq,
        uid=uid,
        incident=incident,
        kind=kind,
        actor=actor,
        happened_at=parse_stamp(happened),
        logged_at=parse_stamp(logged),
        recorded_at=parse_stamp(recorded),
        data=json.loads(data),
    )


class Journal:
    """One open journal file. Safe to share between threads: calls are serialised."""

    def __init__(self, path: Path, connection: sqlite3.Connection, readonly: bool, clock: Clock = SYSTEM_CLOCK) -> None:
        self.path = path
        self.readonly = readonly
        self._db = connection
        self._lock = threading.Lock()
        self.clock = clock  # stamps recorded_at, the commit time

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, *, readonly: bool = False, create: bool = True, clock: Clock = SYSTEM_CLOCK
    ) -> Journal:
        """Open (or create) the journal at `path`.

        Opens read-only when asked, or when the file cannot be written. Raises JournalError for
        a missing file when `create` is false, a file that is not a journal, or a newer format.
        """
        path = Path(path)
        exists = path.exists()
        if exists and not path.is_file():
            raise JournalError(f"{path} is not a file")
        if not exists and (readonly or not create):
            raise JournalError(f"{path}: no journal here")
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise JournalError(f"cannot create the journal's folder {path.parent}: {error.strerror}") from None
        readonly = readonly or (exists and not _writable(path))
        connection = _connect(path, readonly)
        try:
            _check_or_create(connection, path, readonly)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, readonly, clock)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def declare(self, entry: Draft, kind: IncidentKind = "live") -> Entry:
        """Record a declaration, naming the incident (INC-YYYYMMDD-NNN, DRL-... for a drill)."""
        if kind not in KINDS:
            raise ValueError(f"incident kind must be one of {KINDS}")
        return self._write(entry, kind)

    def append(self, entry: Draft) -> Entry:
        """Record one entry of an existing incident. Returns only after the commit."""
        if entry.incident is None:
            raise ValueError("an entry needs its incident; use declare() to start one")
        return self._write(entry, None)

    def _write(self, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        if self.readonly:
            raise WriteFailed(f"{self.path} is open read-only: the entry was not recorded")
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    recorded = self._insert(entry, declare_kind)
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as error:
                raise WriteFailed(f"{self.path}: the entry was not recorded: {_reason(error)}") from error
        return recorded

    def _insert(self, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        already = self._db.execute(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE uid = ?", (entry.uid,)).fetchone()
        if already is not None:  # a retry of a write that did commit: never record it twice
            return _entry(already)
        incident = entry.incident
        now = utc(self.clock.now())
        if declare_kind is not None:
            incident = self._new_id(declare_kind, entry.logged_at)
            self._db.execute(
                "INSERT INTO incidents (id, kind, created_at) VALUES (?, ?, ?)", (incident, declare_kind, stamp(now))
            )
        elif self._db.execute("SELECT 1 FROM incidents WHERE id = ?", (incident,)).fetchone() is None:
            raise JournalError(f"no incident '{incident}' in {self.path}")
        row = (
            entry.uid,
            incident,
            entry.kind,
            entry.actor,
            stamp(entry.happened_at),
            stamp(entry.logged_at),
            stamp(now),
            json.dumps(dict(entry.data), ensure_ascii=False, sort_keys=True),
        )
        cursor = self._db.execute(
            "INSERT INTO events (uid, incident, kind, actor, happened_at, logged_at, recorded_at, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return _entry((cursor.lastrowid, *row))

    def _new_id(self, kind: IncidentKind, when: datetime) -> str:
        # Runs inside BEGIN IMMEDIATE, so two writers can never pick the same number.
        prefix = f"{_PREFIX[kind]}-{utc(when):%Y%m%d}-"
        count = self._db.execute("SELECT count(*) FROM incidents WHERE id LIKE ?", (prefix + "%",)).fetchone()[0]
        return f"{prefix}{count + 1:03d}"

    # -- reading -------------------------------------------------------------------------

    def entries(self, incident: str, after: int = 0) -> list[Entry]:
        """The incident's entries in commit order; `after` a seq returns only newer ones (polling)."""
        return [
            _entry(r)
            for r in self._read(
                f"SELECT {_ENTRY_COLUMNS} FROM events WHERE incident = ? AND seq > ? ORDER BY seq", (incident, after)
            )
        ]

    def kind_of(self, incident: str) -> IncidentKind | None:
        rows = self._read("SELECT kind FROM incidents WHERE id = ?", (incident,))
        return rows[0][0] if rows else None

    def incidents(self, kind: IncidentKind = "live") -> list[IncidentRecord]:
        """Incidents of one kind (live lists never mix in drills), most recently declared first."""
        rows = self._read(
            "SELECT i.id, i.kind,"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'declared'),"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'closed'),"
            " (SELECT max(seq) FROM events WHERE incident = i.id AND kind = 'retriaged')"
            " FROM incidents i WHERE i.kind = ? ORDER BY i.created_at DESC, i.id DESC",
            (kind,),
        )
        wanted = [
            seq
            for _, _, declared, closed, retriaged in rows
            for seq in (declared, closed, retriaged)
            if seq is not None
        ]
        by_seq = {e.seq: e for e in self._by_seq(wanted)}
        return [
            IncidentRecord(
                id=id_, kind=k, declared=by_seq[declared], closed=by_seq.get(closed), retriaged=by_seq.get(retriaged)
            )
            for id_, k, declared, closed, retriaged in rows
            if declared in by_seq
        ]

    def entries_of_kind(self, kind: str, incident_kind: IncidentKind | None = None) -> list[Entry]:
        """Every entry of one kind across incidents, in commit order (say, every drill's
        practice record), optionally only from incidents of one kind."""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM events WHERE kind = ?"
        params: tuple = (kind,)
        if incident_kind is not None:
            sql += " AND incident IN (SELECT id FROM incidents WHERE kind = ?)"
            params += (incident_kind,)
        return [_entry(r) for r in self._read(sql + " ORDER BY seq", params)]

    def _by_seq(self, seqs: list[int]) -> list[Entry]:
        found: list[Entry] = []
        for start in range(0, len(seqs), 500):  # stay under SQLite's limit on bound parameters
            chunk = seqs[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += [
                _entry(r) for r in self._read(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE seq IN ({marks})", chunk)
            ]
        return found

    def integrity(self) -> str:
        """'ok', or what SQLite's integrity check found."""
        return "; ".join(row[0] for row in self._read("PRAGMA integrity_check", ()))

    def _read(self, sql: str, params) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise JournalError(f"{self.path}: cannot read the journal: {_reason(error)}") from error


# -- helpers ---------------------------------------------------------------------------


def _writable(path: Path) -> bool:
    # WAL needs the -wal and -shm files beside the database, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    mode = "ro" if readonly else "rwc"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            connection.execute("PRAGMA synchronous = FULL")  # per connection: a commit is on disk
    except sqlite3.Error as error:
        _refuse_foreign(error, path)
        raise JournalError(f"cannot open {path}: {_reason(error)}") from error
    return connection


def _refuse_foreign(error: sqlite3.Error, path: Path) -> None:
    """A file that is not SQLite at all. SQLite reads the header itself: opening the file with a
    descriptor of our own would, on close, drop every POSIX lock this process holds on it, and
    another process could then delete the WAL under a live board (see test_journal_locks)."""
    if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB" or "not a database" in str(error):
        raise JournalError(
            f"{path} is not a playbook journal (not an SQLite database); it was left untouched"
        ) from None


def _check_or_create(connection: sqlite3.Connection, path: Path, readonly: bool) -> None:
    try:
        state = _inspect(connection)
        if state == "empty" and not readonly:
            _create(connection, path)
            state = _inspect(connection)
    except sqlite3.Error as error:
        _refuse_foreign(error, path)
        raise JournalError(f"cannot use {path} as a journal: {_reason(error)}; it was left untouched") from error
    if state == "empty":
        raise JournalError(f"{path} is an empty database opened read-only: no journal to read")
    if state == "foreign":
        raise JournalError(f"{path} is an SQLite database but not a playbook journal; it was left untouched")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > FORMAT:
        raise JournalError(
            f"{path} was written by a newer playbook (journal format {version}; this version reads up to "
            f"{FORMAT}); it was left untouched: upgrade playbook to open it"
        )
    if not readonly and connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        raise JournalError(f"{path}: the journal is not in write-ahead-log mode; it was left untouched")


def _create(connection: sqlite3.Connection, path: Path, attempts: int = 40) -> None:
    """Give an empty database the journal's schema, even when another process does so at once.

    Switching to WAL needs an exclusive lock, and SQLite answers "locked" at once, without its
    busy handler, when another connection is part way through the same set-up; so a locked
    answer here is retried for a few seconds, then the other process's journal is used.
    """
    for attempt in range(attempts):
        try:
            if _inspect(connection) != "empty":  # another process created it meanwhile
                return
            if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise JournalError(f"{path}: the journal needs write-ahead logging, which this file system refuses")
            connection.execute("BEGIN IMMEDIATE")
            try:
                if _inspect(connection) == "empty":
                    for statement in _SCHEMA:
                        connection.execute(statement)
                    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    connection.execute(f"PRAGMA user_version = {FORMAT}")
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or attempt == attempts - 1:
                raise
            time.sleep(min(0.01 * 2**attempt, 0.25))


def _inspect(connection: sqlite3.Connection) -> Literal["empty", "journal", "foreign"]:
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return "journal"
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return "empty" if app_id == 0 and tables == 0 else "foreign"


def _reason(error: sqlite3.Error) -> str:
    text = str(error)
    if getattr(error, "sqlite_errorname", "") in ("SQLITE_FULL",) or "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the journal is read-only"
    return text


class Outbox:
    """Entries made but not yet recorded, oldest first.

    The app shows them as unsaved until their write commits. A failed write keeps that entry and
    every later one, in order, for the next retry, so the record keeps the leader's order and a
    full disk or a read-only file never loses what was typed.
    """

    def __init__(self) -> None:
        self._waiting: list[Draft] = []
        self._flushing = threading.Lock()  # one flush at a time, or an entry could be popped twice
        self.last_error: WriteFailed | None = None

    def add(self, entry: Draft) -> None:
        self._waiting.append(entry)

    @property
    def waiting(self) -> tuple[Draft, ...]:
        return tuple(self._waiting)

    def __len__(self) -> int:
        return len(self._waiting)

    def flush(self, journal: Journal) -> list[Entry]:
        """Try to record every waiting entry; returns those recorded now. Stops at the first failure."""
        recorded: list[Entry] = []
        with self._flushing:
            self.last_error = None
            while self._waiting:
                try:
                    recorded.append(journal.append(self._waiting[0]))
                except WriteFailed as error:
                    self.last_error = error
                    break
                self._waiting.pop(0)
        return recorded
