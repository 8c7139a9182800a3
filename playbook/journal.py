"""The journal: a durable, append-only, hash-chained log of live incidents and drills.

What it records is evidence (regulators, insurers, the after-action review, sometimes a court), so:
- an entry counts as recorded only once its transaction has committed, with WAL and
  synchronous=FULL so a commit survives a crash of the process or of the machine;
- entries are never changed or deleted: triggers refuse UPDATE, DELETE and any INSERT that would
  replace a row (REPLACE, INSERT OR REPLACE and UPSERT resolve a conflict by deleting or updating
  the old row, which SQLite does without firing delete triggers), and corrections are new entries
  that point at the old one;
- every entry carries a uid chosen by the writer, so retrying a write whose outcome is unknown
  never records it twice;
- every entry carries a hash chained to the previous entry of its incident, so an entry altered,
  removed or reordered behind the triggers' back (with the triggers dropped, say) is found by
  `verify`; SQLite's own integrity checks find flipped bits in pages the chain does not cover;
- a file that is not a journal, a journal of a newer format, or a journal that fails its checks is
  never written to (it opens read-only and says why).

The hash chain, the same for every back end (SQLite here; a shared PostgreSQL journal must
compute exactly this):

    canonical(x) = UTF-8 of JSON, keys sorted, separators (",", ":"), ensure_ascii=False
    genesis(incident) = sha256(canonical({"incident": id, "kind": "live"|"drill",
                                          "created_at": stamp}))            # the incident's row
    hash(entry) = sha256(canonical({"seq", "uid", "incident", "kind", "actor", "happened_at",
                                    "logged_at", "recorded_at": stamps, "data": the JSON object,
                                    "prev": the previous entry's hash}))     # hex digests

A stamp is ISO 8601 in UTC with microseconds ("2026-11-24T05:00:00.000000+00:00"). The previous
entry is the incident's entry before this one in seq order, or genesis(incident) for its first.
The last hash of an incident is its chain head: reports print it, so a printed timeline can be
checked against the journal later. Seq numbers are never reused and have no gaps (a rolled-back
insert gives its number back), so a missing number is a removed entry.

Older journals (format 1, without hashes) are migrated on the first open for writing: the hash
columns are added and the entries already there are kept as a legacy chain start. Their hashes
are computed, never stored, when a later entry links to them, and `verify` reports how many
entries predate the chain (they cannot be checked); an entry without a hash after that point is
reported as tampering. A format-1 journal opened read-only is read the same way, unmigrated.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, Self

import attrs

from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.errors import PlaybookError

FORMAT = 2  # PRAGMA user_version; raise it (with a migration) when the schema changes
APPLICATION_ID = 0x50424A4C  # "PBJL" in the SQLite header: marks the file as a playbook journal

IncidentKind = Literal["live", "drill"]
KINDS: tuple[IncidentKind, ...] = ("live", "drill")
_PREFIX = {"live": "INC", "drill": "DRL"}
DAMAGED = "damaged"  # the kind of an entry that could not be read or failed its check
# Where a damaged row's times cannot be read (its neighbours' are used when there are any).
_UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def _refuse(table: str, action: str, verb: str) -> str:
    return (
        f"CREATE TRIGGER {table}_append_only_{action} BEFORE {action.upper()} ON {table}"
        f" BEGIN SELECT RAISE(ABORT, 'the journal is append-only: {table} are never {verb}'); END"
    )


def _no_replace(table: str, clash: str) -> str:
    # BEFORE INSERT runs before conflict resolution: REPLACE, INSERT OR REPLACE and UPSERT never
    # get to delete or update the row already there.
    return (
        f"CREATE TRIGGER {table}_append_only_insert BEFORE INSERT ON {table} WHEN EXISTS"
        f" (SELECT 1 FROM {table} WHERE {clash}) BEGIN SELECT RAISE(ABORT,"
        f" 'the journal is append-only: {table} are never replaced'); END"
    )


_FORMAT_1_TRIGGERS = tuple(
    _refuse(table, action, verb)
    for table in ("events", "incidents")
    for action, verb in (("update", "changed"), ("delete", "deleted"))
)
_META = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_FORMAT_2_ADDITIONS = (
    _refuse("meta", "update", "changed"),
    _refuse("meta", "delete", "deleted"),
    _no_replace("events", "seq = NEW.seq OR uid = NEW.uid"),
    _no_replace("incidents", "id = NEW.id"),
    _no_replace("meta", "key = NEW.key"),
)
TRIGGERS = _FORMAT_1_TRIGGERS + _FORMAT_2_ADDITIONS

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
        data TEXT NOT NULL CHECK (json_valid(data)),
        prev TEXT,
        hash TEXT)""",
    "CREATE INDEX events_by_incident ON events (incident, seq)",
    _META,
    "INSERT INTO meta (key, value) VALUES ('chained_from', '1')",
    *TRIGGERS,
)
# INSERT OR REPLACE deletes the row it replaces without firing a DELETE trigger (unless the
# connection turns recursive_triggers on), so a replacing insert is refused by a trigger of its
# own. Added to journals made before it too, on their first writable open: no format change.
_REPLACE_GUARDS = {
    f"{table}_append_only_replace": (
        f"CREATE TRIGGER IF NOT EXISTS {table}_append_only_replace BEFORE INSERT ON {table}"
        f" WHEN EXISTS (SELECT 1 FROM {table} WHERE {match})"
        f" BEGIN SELECT RAISE(ABORT, 'the journal is append-only: {table} are never replaced'); END"
    )
    for table, match in (("events", "seq = NEW.seq OR uid = NEW.uid"), ("incidents", "id = NEW.id"))
}
_SCHEMA += tuple(_REPLACE_GUARDS.values())


class JournalError(PlaybookError):
    """The journal cannot be opened or used; the message says why and what was left untouched."""


class NoJournal(JournalError):
    """There is no journal at the location yet (nothing was created)."""


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


def outbox_path(journal: Path) -> Path:
    """The durable outbox beside the journal: entries typed while the journal could not be written."""
    return journal.with_name(journal.name + ".outbox")


# -- the hash chain ----------------------------------------------------------------------


def canonical(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def genesis(incident: str, kind: str, created_at: str) -> str:
    """The `prev` of an incident's first entry: the hash of its row in the incident list, so an
    incident turned from live into a drill (or re-dated) breaks its chain."""
    return hashlib.sha256(canonical({"incident": incident, "kind": kind, "created_at": created_at})).hexdigest()


def chain_hash(fields: Mapping[str, Any], prev: str) -> str:
    """`fields`: seq, uid, incident, kind, actor, the three stamps (as stored) and data (the object)."""
    return hashlib.sha256(canonical({**fields, "prev": prev})).hexdigest()


def chained_row(seq: int, entry: Draft, incident: str, recorded_at: str, prev: str) -> tuple:
    """The values of a new row in _ENTRY_COLUMNS order, its hash chained to `prev`: the same on
    every back end, so each computes the same chain."""
    fields = {
        "seq": seq,
        "uid": entry.uid,
        "incident": incident,
        "kind": entry.kind,
        "actor": entry.actor,
        "happened_at": stamp(entry.happened_at),
        "logged_at": stamp(entry.logged_at),
        "recorded_at": recorded_at,
        "data": dict(entry.data),
    }
    data = json.dumps(fields["data"], ensure_ascii=False, sort_keys=True)
    return (*(fields[f] for f in _FIELDS), data, prev, chain_hash(fields, prev))


# -- entries -----------------------------------------------------------------------------


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
    # The kind of incident a declaration starts, when it waits in the outbox (a recognition
    # drill's result is a drill incident of its own): the outbox then declares instead of appending.
    declares: IncidentKind | None = None

    def as_data(self) -> dict[str, Any]:
        return {
            "incident": self.incident,
            "kind": self.kind,
            "actor": self.actor,
            "happened_at": stamp(self.happened_at),
            "logged_at": stamp(self.logged_at),
            "data": dict(self.data),
            "uid": self.uid,
        } | ({"declares": self.declares} if self.declares else {})

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Draft:
        return cls(
            incident=data["incident"],
            kind=data["kind"],
            actor=data["actor"],
            happened_at=parse_stamp(data["happened_at"]),
            logged_at=parse_stamp(data["logged_at"]),
            data=data["data"],
            uid=data["uid"],
            declares=data.get("declares"),
        )


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
    """A recorded entry: `seq` orders entries as they were committed.

    `damage` says what is wrong with a row that could not be read or fails its check; such an
    entry is shown as damaged (kind DAMAGED when nothing of it can be trusted) and never folded
    into an incident's state. `hash` and `prev` are its links in the chain (None before it)."""

    seq: int
    uid: str
    incident: str
    kind: str
    actor: str
    happened_at: datetime
    logged_at: datetime
    recorded_at: datetime
    data: Mapping[str, Any]
    prev: str | None = None
    hash: str | None = None
    damage: str = ""


@attrs.frozen(kw_only=True)
class Head:
    """The last link of an incident's chain: printed under reports to check them later."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"#{self.seq} sha256:{self.hash}"


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
    def problem(self) -> str:
        """Why the record cannot be shown as an incident ("" when it can)."""
        data = self.declared.data
        if self.declared.damage:
            return f"#{self.declared.seq} {self.declared.damage}"
        missing = [k for k in ("title", "type", "type_title", "commander") if not isinstance(data.get(k), str)]
        if missing or not isinstance(self.severity.get("id"), str):
            return f"#{self.declared.seq} damaged: the declaration lacks {', '.join(missing) or 'its severity'}"
        return ""

    @property
    def severity(self) -> dict:
        """The severity now (or when it closed): the last re-triage's, else the declared one."""
        for entry in (self.retriaged, self.declared):
            if entry is not None and not entry.damage and isinstance(entry.data.get("severity"), dict):
                return entry.data["severity"]
        return {}


@attrs.frozen(kw_only=True)
class Finding:
    """One thing `verify` found: an entry (its seq) broken, missing or altered, or a failed check."""

    seq: int | None
    message: str

    def __str__(self) -> str:
        return f"#{self.seq} {self.message}" if self.seq is not None else self.message


@attrs.frozen(kw_only=True)
class Verification:
    findings: tuple[Finding, ...]
    entries: int  # rows read
    legacy: int  # entries from before the hash chain (format 1): they cannot be checked
    heads: Mapping[str, Head]
    integrity: str  # "ok", or what SQLite's check said
    full: bool  # SQLite's full integrity check (else the quick one)

    @property
    def ok(self) -> bool:
        return not self.findings


class JournalStore(Protocol):
    """The journal's contract: append, read, verify, follow changes. `Journal` (one SQLite file)
    is the first implementation; a shared one for teams must pass the same tests
    (tests/test_journal_contract.py) and compute the same chain (see the module docstring)."""

    path: Path
    readonly: bool
    damage: tuple[Finding, ...]  # what the checks on open found; non-empty means read-only

    def declare(self, entry: Draft, kind: IncidentKind = "live") -> Entry: ...
    def append(self, entry: Draft) -> Entry: ...
    def entries(self, incident: str, after: int = 0) -> list[Entry]: ...
    def kind_of(self, incident: str) -> IncidentKind | None: ...
    def incidents(self, kind: IncidentKind = "live") -> list[IncidentRecord]: ...
    def entries_of_kind(self, kind: str, incident_kind: IncidentKind | None = None) -> list[Entry]: ...
    def changes(self, after: int = 0) -> list[Entry]: ...
    def head(self, incident: str) -> Head | None: ...
    def verify(self) -> Verification: ...
    def wait(self, timeout: float) -> bool:
        """True once another writer has committed since the last wait, False after `timeout`
        seconds; JournalError while the journal cannot be reached (the next call tries again)."""
        ...

    def export_rows(self) -> tuple[list[tuple], list[tuple]]: ...
    def import_rows(self, incidents: Iterable[tuple], rows: Iterable[tuple]) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> JournalStore: ...
    def __exit__(self, *exc: object) -> None: ...


_ENTRY_COLUMNS = "seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data, prev, hash"
_LEGACY_COLUMNS = "seq, uid, incident, kind, actor, happened_at, logged_at, recorded_at, data, NULL, NULL"
_FIELDS = ("seq", "uid", "incident", "kind", "actor", "happened_at", "logged_at", "recorded_at")


def _entry(row: Sequence[Any]) -> tuple[Entry, dict[str, Any] | None]:
    """The entry of a row, and the fields its hash covers (None when the row cannot be read).
    Never raises: a row that cannot be read is an Entry of kind DAMAGED saying why."""
    seq, uid, incident, kind, actor, happened, logged, recorded, data, prev, digest = row
    texts = (uid, incident, kind, actor, happened, logged, recorded)
    fields: dict[str, Any] | None = None
    try:
        if not all(isinstance(t, str) for t in texts) or not isinstance(data, str):
            raise ValueError("a field is not text")
        times = [parse_stamp(t) for t in (happened, logged, recorded)]
        if any(t.tzinfo is None for t in times):
            raise ValueError("a time has no time zone")
        value = json.loads(data)
        if not isinstance(value, dict):
            raise ValueError("its data is not an object")
        fields = dict(zip(_FIELDS, (seq, *texts), strict=True)) | {"data": value}
        entry = Entry(
            seq=seq,
            uid=uid,
            incident=incident,
            kind=kind,
            actor=actor,
            happened_at=times[0],
            logged_at=times[1],
            recorded_at=times[2],
            data=value,
            prev=prev,
            hash=digest,
        )
    except (ValueError, TypeError) as error:  # JSONDecodeError is a ValueError
        reason = "its data is not valid JSON" if isinstance(error, json.JSONDecodeError) else str(error)
        entry = Entry(
            seq=seq if isinstance(seq, int) else 0,
            uid=uid if isinstance(uid, str) else "",
            incident=incident if isinstance(incident, str) else "",
            kind=DAMAGED,
            actor="",
            happened_at=_UNKNOWN_TIME,
            logged_at=_UNKNOWN_TIME,
            recorded_at=_UNKNOWN_TIME,
            data={},
            prev=prev if isinstance(prev, str) else None,
            hash=digest if isinstance(digest, str) else None,
            damage=f"damaged: the row cannot be read ({reason})",
        )
    return entry, fields


class _Chain:
    """Follows each incident's chain through rows in seq order, saying what is wrong with each."""

    def __init__(self, genesis_of: Mapping[str, str | None], chained_from: float) -> None:
        # genesis_of: where each incident's chain starts; None when it is not known (a poll that
        # starts past a legacy entry): its first entry is then checked against its own hash only.
        self.genesis_of = genesis_of
        self.chained_from = chained_from
        self.heads: dict[str, Head] = {}
        self.legacy = 0

    def link(self, entry: Entry, fields: dict[str, Any] | None) -> str:
        """The entry's problem ("" if none); moves the incident's head on either way."""
        before = self.heads.get(entry.incident)
        known = before is not None or entry.incident in self.genesis_of
        expected = before.hash if before else self.genesis_of.get(entry.incident)
        problem = "" if known else f"belongs to '{entry.incident}', which is not in the journal's list of incidents"
        if entry.hash is None:
            if entry.seq >= self.chained_from:
                problem = problem or "has no hash: it was written around the journal, not by it"
            else:
                self.legacy += 1
            if fields is not None:  # a legacy entry: its hash is computed, to link the next one
                self.heads[entry.incident] = Head(seq=entry.seq, hash=chain_hash(fields, expected or ""))
            return problem or ("" if fields is not None else entry.damage)
        self.heads[entry.incident] = Head(seq=entry.seq, hash=entry.hash)
        if fields is None:
            return entry.damage
        if entry.prev is None or chain_hash(fields, entry.prev) != entry.hash:
            return "altered: its content does not match its hash"
        if expected is not None and entry.prev != expected:
            return problem or (
                f"breaks the chain of {entry.incident}: an entry before it, or the incident's record"
                " (live or drill, when declared), was removed or altered"
            )
        return problem


def _damaged(entry: Entry, problem: str) -> Entry:
    return entry if not problem or entry.damage == problem else attrs.evolve(entry, damage=problem)


def _fill_times(entries: list[Entry]) -> list[Entry]:
    """A damaged row whose times are lost sorts where its neighbour does, not in 1970."""
    last = next((e.happened_at for e in entries if e.happened_at != _UNKNOWN_TIME), _UNKNOWN_TIME)
    out = []
    for entry in entries:
        if entry.happened_at == _UNKNOWN_TIME:
            entry = attrs.evolve(entry, happened_at=last, logged_at=last, recorded_at=last)
        last = entry.happened_at
        out.append(entry)
    return out


def incident_records(rows: Sequence[tuple], by_seq: Mapping[int, Entry]) -> list[IncidentRecord]:
    """The incident list from rows of (id, kind, declared seq, closed seq, last retriaged seq,
    first seq) and those entries, whatever the back end. An incident whose declaration is missing
    or damaged is listed with a damaged declaration."""
    records = []
    for id_, k, declared, closed, retriaged, first in rows:
        found = by_seq.get(declared) or by_seq.get(first)
        if found is not None and found.kind != "declared" and not found.damage and k != "live":
            continue  # a drill's record starts with its set-up: the drill screens list those
        if found is None or found.kind != "declared" and not found.damage:
            when = found.happened_at if found else _UNKNOWN_TIME
            found = Entry(
                seq=first or 0,
                uid="",
                incident=id_,
                kind=DAMAGED,
                actor="",
                happened_at=when,
                logged_at=when,
                recorded_at=when,
                data={},
                damage="damaged: its declaration is missing",
            )
        records.append(
            IncidentRecord(id=id_, kind=k, declared=found, closed=by_seq.get(closed), retriaged=by_seq.get(retriaged))
        )
    return records


class Writing:
    """What both back ends share on the way in: declare and append over each one's `_write`, the
    refusals of a damaged or read-only journal, and closing as a context manager."""

    damage: tuple[Finding, ...]
    readonly: bool

    @property
    def shown_as(self) -> str:
        """How the journal is named in a refusal (a file's path; a database URL without its password)."""
        raise NotImplementedError

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
        raise NotImplementedError

    def refuse_writes(self) -> None:
        """WriteFailed when the journal may not be written: failed its checks, or opened read-only."""
        if self.damage:
            raise WriteFailed(
                f"{self.shown_as} failed its checks ({self.damage[0]}): it is kept as it is and never written to;"
                " `playbook journal verify` says what is wrong"
            )
        if self.readonly:
            raise WriteFailed(f"{self.shown_as} is open read-only: the entry was not recorded")

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Journal(Writing):
    """One open journal file (the SQLite implementation of JournalStore). Safe to share between
    threads: calls are serialised."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        readonly: bool,
        copy: Path | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.path = path
        self.readonly = readonly
        self.damage: tuple[Finding, ...] = ()
        self._db = connection
        self._lock = threading.Lock()
        self._copy = copy  # a temporary copy read instead of a journal on read-only media
        self._chained = True  # False for a format-1 journal opened read-only (not migrated)
        self._chained_from: float = 1
        self._heads: dict[str, Head] = {}
        self._data_version: int | None = None  # what `wait` saw last
        self.clock = clock  # stamps recorded_at, the commit time

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        readonly: bool = False,
        create: bool = True,
        make_folders: bool = False,
        clock: Clock = SYSTEM_CLOCK,
    ) -> Journal:
        """Open (or create) the journal at `path`, check it quickly and follow its chain.

        Opens read-only when asked, when the file cannot be written, or when the checks find
        damage (`damage` then says what). Creates a missing journal only when `create`, and its
        missing folders only when `make_folders` (the default journal's folder; a path typed
        by someone whose folder does not exist is more likely mistyped). Raises JournalError
        for a missing file or folder, a file that is not a journal, or a newer format.
        """
        path = Path(path)
        exists = path.exists()
        if exists and not path.is_file():
            raise JournalError(f"{path} is not a file")
        if not exists and not path.parent.is_dir() and not (create and make_folders and not readonly):
            raise JournalError(f"{path.parent}: no such folder (is the journal's path mistyped?); nothing was created")
        if not exists and (readonly or not create):
            raise NoJournal(f"{path}: no journal here")
        if not exists and not path.parent.is_dir():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise JournalError(f"cannot create the journal's folder {path.parent}: {error.strerror}") from None
        readonly = readonly or (exists and not _writable(path))
        connection, copy = _connect(path, readonly)
        journal = cls(path, connection, readonly, copy, clock)
        try:
            _check_or_create(connection, path, readonly)
            journal._prepare()
        except BaseException:
            journal.close()
            raise
        return journal

    def _prepare(self) -> None:
        """Migrate a format-1 journal (when writable), then the quick checks of every open. A
        journal too damaged to read even this opens read-only with the damage said."""
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version < 2 and not self.readonly:
                _migrate(self._db)
            elif version < 2:
                self._chained = False
            if self._chained:
                found = self._db.execute("SELECT value FROM meta WHERE key = 'chained_from'").fetchone()
                self._chained_from = int(found[0]) if found else 1
            else:
                self._chained_from = float("inf")
            result = self.verify(full=False)
            self.damage, self._heads = result.findings, dict(result.heads)
        except (sqlite3.DatabaseError, JournalError, ValueError) as error:
            if isinstance(error, sqlite3.OperationalError) and not _damaged_file(error):
                raise JournalError(
                    f"cannot use {self.path} as a journal: {_reason(error)}; it was left untouched"
                ) from None
            self.damage = (Finding(seq=None, message=f"the journal cannot be read: {_reason(error)}"),)
        if self.damage:
            self.readonly = True  # a damaged journal is evidence to keep as it is: never written to

    def close(self) -> None:
        with self._lock:
            self._db.close()
        if self._copy is not None:
            shutil.rmtree(self._copy, ignore_errors=True)
            self._copy = None

    @property
    def shown_as(self) -> str:
        return str(self.path)

    # -- writing -------------------------------------------------------------------------

    def _write(self, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        self.refuse_writes()
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
        self._heads[recorded.incident] = Head(seq=recorded.seq, hash=recorded.hash or "")
        return recorded

    def _insert(self, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        already = self._db.execute(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE uid = ?", (entry.uid,)).fetchone()
        if already is not None:  # a retry of a write that did commit: never record it twice
            return _entry(already)[0]
        incident = entry.incident
        now = stamp(self.clock.now())
        if declare_kind is not None:
            incident = self._new_id(declare_kind, entry.logged_at)
            self._db.execute(
                "INSERT INTO incidents (id, kind, created_at) VALUES (?, ?, ?)", (incident, declare_kind, now)
            )
        assert incident is not None
        prev = self._prev(incident)
        last = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        row = chained_row((last[0] if last else 0) + 1, entry, incident, now, prev)
        self._db.execute(f"INSERT INTO events ({_ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        return _entry(row)[0]

    def _prev(self, incident: str) -> str:
        """The hash the incident's next entry links to (inside the write's transaction)."""
        found = self._db.execute("SELECT kind, created_at FROM incidents WHERE id = ?", (incident,)).fetchone()
        if found is None:
            raise JournalError(f"no incident '{incident}' in {self.path}")
        last = self._db.execute(
            "SELECT hash FROM events WHERE incident = ? ORDER BY seq DESC LIMIT 1", (incident,)
        ).fetchone()
        if last is not None and last[0] is not None:
            return str(last[0])
        if last is None:
            return genesis(incident, found[0], found[1])
        # Legacy entries (format 1) only: follow them to the hash their last one would have.
        rows = self._db.execute(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE incident = ? ORDER BY seq", (incident,))
        chain = _Chain({incident: genesis(incident, found[0], found[1])}, self._chained_from)
        for row in rows:
            chain.link(*_entry(row))
        return chain.heads[incident].hash

    def _new_id(self, kind: IncidentKind, when: datetime) -> str:
        # Runs inside BEGIN IMMEDIATE, so two writers can never pick the same number.
        prefix = f"{_PREFIX[kind]}-{utc(when):%Y%m%d}-"
        count = self._db.execute("SELECT count(*) FROM incidents WHERE id LIKE ?", (prefix + "%",)).fetchone()[0]
        return f"{prefix}{count + 1:03d}"

    # -- reading -------------------------------------------------------------------------

    @property
    def _columns(self) -> str:
        return _ENTRY_COLUMNS if self._chained else _LEGACY_COLUMNS

    def entries(self, incident: str, after: int = 0) -> list[Entry]:
        """The incident's entries in commit order; `after` a seq returns only newer ones (polling).

        Each is checked against its hash and, from the declaration on, against the chain, so a
        damaged index that hides entries shows as damage, never as a shorter incident."""
        rows = self._read(
            f"SELECT {self._columns} FROM events WHERE incident = ? AND seq > ? ORDER BY seq", (incident, after)
        )
        if after == 0:
            kind = self._read("SELECT kind, created_at FROM incidents WHERE id = ?", (incident,))
            start = genesis(incident, *kind[0]) if kind else None
        else:  # polling: the new rows link on to the entry the caller has
            before = self._read("SELECT incident, hash FROM events WHERE seq = ?", (after,))
            start = before[0][1] if before and before[0][0] == incident else None
        chain = _Chain({incident: start}, self._chained_from)
        found = [_damaged(e, chain.link(e, fields)) for e, fields in map(_entry, rows)]
        head = self._heads.get(incident)
        last = found[-1].seq if found else after
        if head is not None and head.seq > last:
            found.append(
                Entry(
                    seq=head.seq,
                    uid="",
                    incident=incident,
                    kind=DAMAGED,
                    actor="",
                    happened_at=_UNKNOWN_TIME,
                    logged_at=_UNKNOWN_TIME,
                    recorded_at=_UNKNOWN_TIME,
                    data={},
                    damage=f"damaged: entries up to #{head.seq} of {incident} cannot be read"
                    " (the journal's index is damaged)",
                )
            )
        return _fill_times(found)

    def changes(self, after: int = 0) -> list[Entry]:
        """Every entry recorded after seq `after`, whatever its incident: how to follow the journal."""
        return _fill_times(
            [
                e
                for e, _ in map(
                    _entry, self._read(f"SELECT {self._columns} FROM events WHERE seq > ? ORDER BY seq", (after,))
                )
            ]
        )

    def head(self, incident: str) -> Head | None:
        """The incident's chain head as last checked or written by this connection."""
        return self._heads.get(incident)

    def kind_of(self, incident: str) -> IncidentKind | None:
        rows = self._read("SELECT kind FROM incidents WHERE id = ?", (incident,))
        return rows[0][0] if rows else None

    def incidents(self, kind: IncidentKind = "live") -> list[IncidentRecord]:
        """Incidents of one kind (live lists never mix in drills), most recently declared first.
        An incident whose declaration is missing or damaged is listed with a damaged declaration."""
        rows = self._read(
            "SELECT i.id, i.kind,"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'declared'),"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'closed'),"
            " (SELECT max(seq) FROM events WHERE incident = i.id AND kind = 'retriaged'),"
            " (SELECT min(seq) FROM events WHERE incident = i.id)"
            " FROM incidents i WHERE i.kind = ? ORDER BY i.created_at DESC, i.id DESC",
            (kind,),
        )
        wanted = [seq for row in rows for seq in row[2:] if seq is not None]
        return incident_records(rows, {e.seq: e for e in self._by_seq(wanted)})

    def entries_of_kind(self, kind: str, incident_kind: IncidentKind | None = None) -> list[Entry]:
        """Every entry of one kind across incidents, in commit order (say, every drill's
        practice record), optionally only from incidents of one kind."""
        sql = f"SELECT {self._columns} FROM events WHERE kind = ?"
        params: tuple = (kind,)
        if incident_kind is not None:
            sql += " AND incident IN (SELECT id FROM incidents WHERE kind = ?)"
            params += (incident_kind,)
        return [_entry(r)[0] for r in self._read(sql + " ORDER BY seq", params)]

    def _by_seq(self, seqs: list[int]) -> list[Entry]:
        found: list[Entry] = []
        for start in range(0, len(seqs), 500):  # stay under SQLite's limit on bound parameters
            chunk = seqs[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += [
                _entry(r)[0] for r in self._read(f"SELECT {self._columns} FROM events WHERE seq IN ({marks})", chunk)
            ]
        return found

    def wait(self, timeout: float) -> bool:
        """Block until another connection has committed since the last wait (True) or `timeout`
        seconds pass. SQLite has no notifications: its data_version changes when another
        connection commits, and a cheap look every 0.1 s is enough for a board. The version seen
        last is kept between calls, so a commit made while the caller was busy is not missed."""
        deadline = time.monotonic() + timeout
        while True:
            version = self._read("PRAGMA data_version", ())[0][0]
            if self._data_version is None:
                self._data_version = version  # the first wait: changes from now on
            elif version != self._data_version:
                self._data_version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(0.1, left))

    def export_rows(self) -> tuple[list[tuple], list[tuple]]:
        """Every incident row and entry row exactly as stored, in order: what `journal copy` moves."""
        incidents = self._read("SELECT id, kind, created_at FROM incidents ORDER BY created_at, id", ())
        return incidents, self._read(f"SELECT {self._columns} FROM events ORDER BY seq", ())

    def import_rows(self, incidents: Iterable[tuple], rows: Iterable[tuple]) -> None:
        """Add a copied journal's rows as they are (hashes included) into this empty one."""
        if self.readonly:
            raise WriteFailed(f"{self.path} is open read-only: nothing was copied")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self._db.execute("SELECT count(*) FROM incidents").fetchone()[0]:
                    raise JournalError(f"{self.path} already holds incidents: copy into an empty journal")
                self._db.executemany("INSERT INTO incidents (id, kind, created_at) VALUES (?, ?, ?)", incidents)
                self._db.executemany(
                    f"INSERT INTO events ({_ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def integrity(self) -> str:
        """'ok', or what SQLite's integrity check found."""
        return "; ".join(row[0] for row in self._read("PRAGMA integrity_check", ()))

    def verify(self, full: bool = True) -> Verification:
        """Every check: SQLite's integrity check (the full one, or the quick one on open), the
        append-only triggers, the hash and chain of every entry, and missing sequence numbers.
        Reads one snapshot, so entries another writer commits meanwhile cannot look missing."""
        with self._lock:
            try:
                self._db.execute("BEGIN")
                try:
                    return self._verify(full)
                finally:
                    self._db.execute("COMMIT")
            except sqlite3.Error as error:
                raise JournalError(f"{self.path}: cannot read the journal: {_reason(error)}") from error

    def _verify(self, full: bool) -> Verification:
        db = self._db
        findings: list[Finding] = []
        checked = [row[0] for row in db.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        integrity = "; ".join(checked)
        findings += [Finding(seq=None, message=f"SQLite integrity check: {line}") for line in checked if line != "ok"]
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            findings.append(
                Finding(seq=rowid if table == "events" else None, message=f"refers to a missing {parent} row")
            )
        if self._chained:
            findings += _trigger_findings(db)
        try:
            incidents = db.execute("SELECT id, kind, created_at FROM incidents NOT INDEXED").fetchall()
            rows = db.execute(f"SELECT {self._columns} FROM events NOT INDEXED ORDER BY seq").fetchall()
            sequence = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        except sqlite3.DatabaseError as error:  # a page too damaged to read at all
            findings.append(Finding(seq=None, message=f"the entries cannot be read: {_reason(error)}"))
            return Verification(findings=tuple(findings), entries=0, legacy=0, heads={}, integrity=integrity, full=full)
        chain = _Chain(
            {i: genesis(i, k, c) for i, k, c in incidents if all(isinstance(x, str) for x in (i, k, c))},
            self._chained_from,
        )
        expected = 1
        for row in rows:
            entry, fields = _entry(row)
            findings += _missing(expected, entry.seq - 1)
            expected = max(expected, entry.seq + 1)
            problem = chain.link(entry, fields)
            if problem:
                findings.append(Finding(seq=entry.seq, message=problem))
        findings += _missing(expected, sequence[0] if sequence else 0)
        return Verification(
            findings=tuple(findings),
            entries=len(rows),
            legacy=chain.legacy,
            heads=chain.heads,
            integrity=integrity,
            full=full,
        )

    def _read(self, sql: str, params) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise JournalError(f"{self.path}: cannot read the journal: {_reason(error)}") from error


# -- helpers ---------------------------------------------------------------------------


def _damaged_file(error: Exception) -> bool:
    return any(word in str(error) for word in ("malformed", "corrupt", "not a database"))


def _missing(first: int, last: int) -> list[Finding]:
    if last < first:
        return []
    if last == first:
        return [Finding(seq=first, message="is missing: it was removed")]
    return [Finding(seq=first, message=f"to #{last} are missing: they were removed")]


def _trigger_findings(db: sqlite3.Connection) -> list[Finding]:
    """Each append-only trigger must be there exactly as written: one dropped (even if put back
    changed) is how every other edit gets in."""
    present = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    found = []
    for statement in TRIGGERS:
        name = statement.split()[2]
        if name not in present:
            found.append(
                Finding(seq=None, message=f"the append-only guard {name} is missing: the journal was opened up")
            )
        elif " ".join(str(present[name]).split()) != " ".join(statement.split()):
            found.append(Finding(seq=None, message=f"the append-only guard {name} was changed"))
    return found


def _writable(path: Path) -> bool:
    # WAL needs the -wal and -shm files beside the database, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path, readonly: bool) -> tuple[sqlite3.Connection, Path | None]:
    """A connection, and the temporary folder of a copy when the journal is on read-only media."""
    copy = None
    target, mode = path, "ro" if readonly else "rwc"
    if readonly and not os.access(path.parent, os.W_OK | os.X_OK):
        # A WAL journal read in place needs its -shm file beside it, which read-only media (an
        # archived copy) cannot hold: read a copy, with its log, from a temporary folder.
        copy = Path(tempfile.mkdtemp(prefix="playbook-journal-"))
        try:
            for suffix in ("", "-wal"):
                source = path.with_name(path.name + suffix)
                if source.exists():
                    shutil.copyfile(source, copy / (path.name + suffix))
        except OSError as error:
            shutil.rmtree(copy, ignore_errors=True)
            raise JournalError(f"cannot read {path}: {error.strerror}") from None
        target, mode = copy / path.name, "rw"  # rw: SQLite may replay the copied log into the copy
    uri = f"{target.resolve().as_uri()}?mode={mode}"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            connection.execute("PRAGMA synchronous = FULL")  # per connection: a commit is on disk
    except sqlite3.Error as error:
        if copy is not None:
            shutil.rmtree(copy, ignore_errors=True)
        _refuse_foreign(error, path)
        raise JournalError(f"cannot open {path}: {_reason(error)}") from error
    return connection, copy


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
    if not readonly:
        have = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for name, statement in _REPLACE_GUARDS.items():
            if name not in have:
                connection.execute(statement)


def _migrate(connection: sqlite3.Connection) -> None:
    """Format 1 to 2: hash columns, the meta table and the no-replace guards. Entries already
    there stay as they are, as the legacy start of each chain (see the module docstring)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] < 2:  # not done meanwhile by another process
            connection.execute("ALTER TABLE events ADD COLUMN prev TEXT")
            connection.execute("ALTER TABLE events ADD COLUMN hash TEXT")
            connection.execute(_META)
            last = connection.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
            connection.execute(
                "INSERT INTO meta (key, value) VALUES ('chained_from', ?)", (str((last[0] if last else 0) + 1),)
            )
            for statement in _FORMAT_2_ADDITIONS:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {FORMAT}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


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
    # One statement, so one snapshot: read one after the other, a journal another process
    # committed between the two reads looked like someone else's database (no id, some tables).
    app_id, tables = connection.execute(
        "SELECT (SELECT application_id FROM pragma_application_id()), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if app_id == APPLICATION_ID:
        return "journal"
    return "empty" if app_id == 0 and tables == 0 else "foreign"


def _reason(error: Exception) -> str:
    text = str(error)
    if getattr(error, "sqlite_errorname", "") in ("SQLITE_FULL",) or "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the journal is read-only"
    return text


# -- the outbox ------------------------------------------------------------------------


class Outbox:
    """Entries made but not yet recorded, oldest first.

    The app shows them as unsaved until their write commits. A failed write keeps that entry and
    every later one, in order, for the next retry, so the record keeps the leader's order and a
    full disk or a read-only file never loses what was typed.

    With a `file` (outbox_path of the journal) it is durable: each entry is appended to the file
    and fsync'd before `add` returns, and the file is read back on the next start, so closing
    the terminal during an outage loses nothing. Entries keep their uid, so one recorded by two
    replays (two terminals, or a crash between the commit and the file's update) is recorded once;
    they keep their logged_at, and the journal adds recorded_at: both times are in the record.
    The file is append-only ("add" and "recorded" lines, JSON) and removed once nothing waits.
    """

    def __init__(self, file: Path | None = None) -> None:
        self.file = file
        self._flushing = threading.Lock()  # one flush at a time, or an entry could be popped twice
        self.last_error: WriteFailed | None = None
        self.file_error = ""  # why the outbox file could not be written: then only memory holds them
        self._waiting: list[Draft] = self._load() if file else []

    def add(self, entry: Draft) -> None:
        self._waiting.append(entry)
        self._log([{"add": entry.as_data()}])

    @property
    def waiting(self) -> tuple[Draft, ...]:
        return tuple(self._waiting)

    def __len__(self) -> int:
        return len(self._waiting)

    def flush(self, journal: JournalStore) -> list[Entry]:
        """Try to record every waiting entry; returns those recorded now. Stops at the first failure."""
        recorded: list[Entry] = []
        with self._flushing:
            self.last_error = None
            while self._waiting:
                waiting = self._waiting[0]
                try:
                    if waiting.incident is None and waiting.declares:
                        recorded.append(journal.declare(waiting, waiting.declares))
                    else:
                        recorded.append(journal.append(waiting))
                except WriteFailed as error:
                    self.last_error = error
                    break
                self._waiting.pop(0)
            if recorded:
                self._log([{"recorded": e.uid} for e in recorded], tidy=not self._waiting)
        return recorded

    # -- the file ----------------------------------------------------------------------

    def _load(self) -> list[Draft]:
        assert self.file is not None
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            self.file_error = f"cannot read {self.file}: {error.strerror}"
            return []
        return _waiting_in(text)

    def _log(self, lines: list[dict], tidy: bool = False) -> None:
        """Append lines and fsync; with `tidy`, remove the file if nothing in it waits any more
        (another terminal's entries may have been added meanwhile: those keep it)."""
        if self.file is None:
            return
        try:
            with open(self.file, "a+", encoding="utf-8") as out:
                fcntl.flock(out, fcntl.LOCK_EX)  # another terminal's lines never interleave with ours
                out.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
                out.flush()
                os.fsync(out.fileno())
                if tidy:
                    out.seek(0)
                    if not _waiting_in(out.read()):
                        self.file.unlink()
                _sync_folder(self.file.parent)
            self.file_error = ""
        except OSError as error:
            self.file_error = f"cannot write {self.file}: {error.strerror}"


def _waiting_in(text: str) -> list[Draft]:
    """The entries added and not recorded, in the order they were added. A torn last line (the
    process killed mid-write) was never acknowledged to anyone: it is skipped."""
    added: dict[str, Draft] = {}
    for line in text.splitlines():
        try:
            item = json.loads(line)
            if "add" in item:
                entry = Draft.from_data(item["add"])
                added.setdefault(entry.uid, entry)
            elif "recorded" in item:
                added.pop(item["recorded"], None)
        except (ValueError, KeyError, TypeError):
            continue
    return list(added.values())


def _sync_folder(folder: Path) -> None:
    # A new or removed file survives a crash only once its folder's entry is on disk too.
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def replay_outbox(path: Path) -> list[Entry]:
    """Record what an earlier session left in the journal's outbox (on the next start). Returns
    what was recorded; an outbox that still cannot be recorded stays for the next try."""
    if not outbox_path(path).exists():
        return []
    with Journal.open(path, create=False) as journal:
        return replay_into(journal)


def replay_into(journal: JournalStore) -> list[Entry]:
    """Record what waits in this journal's outbox (any back end: the outbox is beside `path`)."""
    outbox = Outbox(outbox_path(journal.path))
    if not len(outbox):
        return []
    recorded = outbox.flush(journal)
    if outbox.last_error is not None and not recorded:
        raise outbox.last_error
    return recorded


def unreadable(entries: Iterable[Entry]) -> list[Entry]:
    """The damaged ones among these entries."""
    return [e for e in entries if e.damage]
