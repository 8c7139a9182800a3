"""The journal on PostgreSQL: one shared journal for a crisis team across machines.

The same contract as the SQLite file (`playbook.journal.JournalStore`) and the same hash chain,
computed by the same functions, so `playbook journal copy` moves a journal between the two with
every hash intact. What PostgreSQL adds or does its own way:

- Append-only twice over: the application's role is refused UPDATE, DELETE and TRUNCATE by the
  database's privileges (revoked when the schema is created, granted to no one after), and
  statement triggers refuse them for every role, owner included. `verify` names a missing trigger
  or a role that may change entries.
- One writer at a time (a transaction-scoped advisory lock), so entry numbers have no gaps and
  incident ids never clash, whichever machine writes.
- `recorded_at` is the server's clock, so entries from machines with skewed clocks still order.
- Every commit notifies the channel `playbook_journal` (LISTEN/NOTIFY): boards and `playbook
  follow` wake within a moment of another's entry instead of polling.
- A first run creates the schema (its format in `playbook_meta`); a database holding other tables
  of the same names, or a newer format, is refused and left untouched.
- A lost connection (the server restarting) is a WriteFailed for that write; the next call
  reconnects, and entries kept meanwhile in the durable outbox are recorded then.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from playbook.journal import (
    _ENTRY_COLUMNS,
    _PREFIX,
    Draft,
    Entry,
    Finding,
    Head,
    IncidentKind,
    IncidentRecord,
    JournalError,
    NoJournal,
    Verification,
    WriteFailed,
    Writing,
    _Chain,
    _damaged,
    _entry,
    _fill_times,
    _missing,
    chained_row,
    genesis,
    incident_records,
    stamp,
    utc,
)

FORMAT = 1  # playbook_meta.format of this schema
APPLICATION = "playbook-journal"
CHANNEL = "playbook_journal"
TABLES = ("playbook_meta", "incidents", "events")
_LOCK = 0x50424A4C  # the advisory lock every writer takes: one write at a time

_SCHEMA = (
    "CREATE TABLE playbook_meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE incidents (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('live', 'drill')),
        created_at text NOT NULL)""",
    # Text, as in the SQLite file: the stamps and JSON are kept exactly as hashed.
    """CREATE TABLE events (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        uid text NOT NULL UNIQUE,
        incident text NOT NULL,  -- no foreign key: its check needs UPDATE on incidents, which no role has
        kind text NOT NULL,
        actor text NOT NULL,
        happened_at text NOT NULL,
        logged_at text NOT NULL,
        recorded_at text NOT NULL,
        data text NOT NULL CHECK (data::jsonb IS NOT NULL),
        prev text,
        hash text)""",
    "CREATE INDEX events_by_incident ON events (incident, seq)",
    # The highest entry number ever recorded, so removing the last entries also shows as missing.
    "CREATE SEQUENCE events_high_water MINVALUE 0 START 0",
    """CREATE FUNCTION playbook_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the journal is append-only: % are never changed or removed (%)', TG_TABLE_NAME, TG_OP;
    END $$""",
    *(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION playbook_append_only()"
        for table in TABLES
    ),
    # Owners keep these by default: take them away, so the role that created the journal may only
    # read and add, like every other.
    f"REVOKE UPDATE, DELETE, TRUNCATE ON {', '.join(TABLES)} FROM PUBLIC, CURRENT_USER",
)


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1:***@", url)


def outbox_anchor(url: str) -> Path:
    """Where the outbox of this journal lives on this machine: the user's data folder, one file
    per server and database (the outbox is beside `path`, as for a journal file)."""
    from platformdirs import user_data_dir

    digest = hashlib.sha256(redacted(url).encode()).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9.-]+", "_", redacted(url).split("://", 1)[1])[:60]
    return Path(user_data_dir("playbook")) / "shared" / f"{name}-{digest}.journal"


class PgJournal(Writing):
    """A journal in a PostgreSQL database (the shared implementation of JournalStore). Safe to
    share between threads: calls are serialised on one connection."""

    def __init__(self, url: str, readonly: bool) -> None:
        self.url = url
        self.location = redacted(url)
        self.path = outbox_anchor(url)
        self.path.parent.mkdir(parents=True, exist_ok=True)  # the outbox of entries typed while offline
        self.readonly = readonly
        self.damage: tuple[Finding, ...] = ()
        self._lock = threading.Lock()
        self._conn: Any = None
        self._listener: Any = None
        self._heads: dict[str, Head] = {}

    def __str__(self) -> str:
        return self.location

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, readonly: bool = False, create: bool = True, **_: object) -> PgJournal:
        """Connect, create the schema on a first run (when allowed), check the chain quickly."""
        journal = cls(url, readonly)
        try:
            with journal._lock:
                state = journal._inspect()
                if state == "empty":
                    if readonly or not create:
                        raise NoJournal(f"{journal.location}: no journal in this database")
                    journal._create()
                elif state == "foreign":
                    raise JournalError(
                        f"{journal.location}: this database holds tables named like a journal's that are not one;"
                        " it was left untouched (use a database of its own)"
                    )
            result = journal.verify(full=False)
            journal.damage, journal._heads = result.findings, dict(result.heads)
        except BaseException:
            journal.close()
            raise
        if journal.damage:
            journal.readonly = True  # evidence kept as it is
        return journal

    def _connection(self) -> Any:
        import psycopg

        if self._conn is None or self._conn.closed or self._conn.broken:
            try:
                self._conn = psycopg.connect(self.url, connect_timeout=5, autocommit=False)
            except psycopg.Error as error:
                raise JournalError(f"{self.location}: cannot connect: {_reason(error)}") from None
            if self.readonly:
                self._conn.execute("SET default_transaction_read_only = on")
                self._conn.commit()
        return self._conn

    def _inspect(self) -> str:
        conn = self._connection()
        with conn.transaction():
            present = [conn.execute("SELECT to_regclass(%s)", (t,)).fetchone()[0] for t in TABLES]
            if not any(present):
                return "empty"
            if present[0] is None:
                return "foreign"
            meta = dict(conn.execute("SELECT key, value FROM playbook_meta").fetchall())
        if meta.get("application") != APPLICATION:
            return "foreign"
        if int(meta.get("format", "0")) > FORMAT:
            raise JournalError(
                f"{self.location}: the journal has format {meta['format']}, newer than this playbook reads ({FORMAT});"
                " upgrade playbook. Nothing was changed"
            )
        return "journal"

    def _create(self) -> None:
        import psycopg

        conn = self._connection()
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                if conn.execute("SELECT to_regclass('playbook_meta')").fetchone()[0] is not None:
                    return  # another machine created it first
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO playbook_meta (key, value) VALUES ('application', %s), ('format', %s)",
                    (APPLICATION, str(FORMAT)),
                )
        except psycopg.errors.InsufficientPrivilege:
            raise JournalError(
                f"{self.location}: the database has no journal yet and this role may not create one;"
                " run `playbook journal init` with the database owner's URL"
            ) from None
        except psycopg.Error as error:
            raise JournalError(f"{self.location}: cannot create the journal: {_reason(error)}") from None

    def grant(self, role: str) -> None:
        """Let `role` (the application's) read and add entries, and nothing else."""
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", role):
            raise JournalError(f"'{role}' is not a plain role name")
        conn = self._connection()
        with conn.transaction():
            conn.execute(f"GRANT SELECT, INSERT ON {', '.join(TABLES)} TO {role}")
            conn.execute(f"GRANT SELECT, UPDATE ON SEQUENCE events_high_water TO {role}")
            conn.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {', '.join(TABLES)} FROM {role}")

    def close(self) -> None:
        for conn in (self._conn, self._listener):
            if conn is not None and not conn.closed:
                conn.close()
        self._conn = self._listener = None

    @property
    def shown_as(self) -> str:
        return self.location

    # -- writing -------------------------------------------------------------------------

    def _write(self, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        import psycopg

        self.refuse_writes()
        with self._lock:
            try:
                conn = self._connection()
                with conn.transaction():
                    recorded = self._insert(conn, entry, declare_kind)
            except JournalError as error:
                raise WriteFailed(f"the entry was not recorded: {error}") from None
            except psycopg.Error as error:
                raise WriteFailed(f"{self.location}: the entry was not recorded: {_reason(error)}") from error
        self._heads[recorded.incident] = Head(seq=recorded.seq, hash=recorded.hash or "")
        return recorded

    def _insert(self, conn: Any, entry: Draft, declare_kind: IncidentKind | None) -> Entry:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        already = conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE uid = %s", (entry.uid,)).fetchone()
        if already is not None:  # a retry of a write that did commit
            return _entry(already)[0]
        now = stamp(conn.execute("SELECT clock_timestamp()").fetchone()[0])
        incident = entry.incident
        if declare_kind is not None:
            prefix = f"{_PREFIX[declare_kind]}-{utc(entry.logged_at):%Y%m%d}-"
            count = conn.execute("SELECT count(*) FROM incidents WHERE id LIKE %s", (prefix + "%",)).fetchone()[0]
            incident = f"{prefix}{count + 1:03d}"
            conn.execute(
                "INSERT INTO incidents (id, kind, created_at) VALUES (%s, %s, %s)", (incident, declare_kind, now)
            )
        assert incident is not None
        prev = self._prev(conn, incident)
        seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
        row = chained_row(seq, entry, incident, now, prev)
        conn.execute(f"INSERT INTO events ({_ENTRY_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", row)
        conn.execute("SELECT setval('events_high_water', %s)", (seq,))
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{seq} {incident}"))
        return _entry(row)[0]

    def _prev(self, conn: Any, incident: str) -> str:
        found = conn.execute("SELECT kind, created_at FROM incidents WHERE id = %s", (incident,)).fetchone()
        if found is None:
            raise JournalError(f"no incident '{incident}' in {self.location}")
        last = conn.execute(
            "SELECT hash FROM events WHERE incident = %s ORDER BY seq DESC LIMIT 1", (incident,)
        ).fetchone()
        return str(last[0]) if last is not None and last[0] is not None else genesis(incident, *found)

    # -- reading -------------------------------------------------------------------------

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        import psycopg

        with self._lock:
            retried = False
            while True:
                try:
                    conn = self._connection()
                    with conn.transaction():
                        return conn.execute(sql, params).fetchall()
                except psycopg.Error as error:
                    # A connection the server dropped (a restart) is found broken only when used:
                    # a read is safe to repeat once, on a new one.
                    if retried or self._conn is None or not self._conn.broken:
                        raise JournalError(f"{self.location}: cannot read the journal: {_reason(error)}") from None
                    retried = True

    def entries(self, incident: str, after: int = 0) -> list[Entry]:
        rows = self._read(
            f"SELECT {_ENTRY_COLUMNS} FROM events WHERE incident = %s AND seq > %s ORDER BY seq", (incident, after)
        )
        if after == 0:
            kind = self._read("SELECT kind, created_at FROM incidents WHERE id = %s", (incident,))
            start = genesis(incident, *kind[0]) if kind else None
        else:
            before = self._read("SELECT incident, hash FROM events WHERE seq = %s", (after,))
            start = before[0][1] if before and before[0][0] == incident else None
        chain = _Chain({incident: start}, 1)
        return _fill_times([_damaged(e, chain.link(e, fields)) for e, fields in map(_entry, rows)])

    def changes(self, after: int = 0) -> list[Entry]:
        rows = self._read(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE seq > %s ORDER BY seq", (after,))
        return _fill_times([e for e, _ in map(_entry, rows)])

    def wait(self, timeout: float) -> bool:
        """Block until another entry is committed anywhere (True) or `timeout` seconds pass. The
        listening connection is kept between calls, so nothing committed meanwhile is missed; a
        server that went away is a JournalError, and the next call connects again."""
        import psycopg

        try:
            if self._listener is None or self._listener.closed or self._listener.broken:
                self._listener = psycopg.connect(self.url, connect_timeout=5, autocommit=True)
                self._listener.execute(f"LISTEN {CHANNEL}")
            return any(True for _ in self._listener.notifies(timeout=timeout, stop_after=1))
        except psycopg.Error as error:
            self._listener = None
            raise JournalError(f"{self.location}: cannot reach the journal: {_reason(error)}") from None

    def head(self, incident: str) -> Head | None:
        return self._heads.get(incident)

    def kind_of(self, incident: str) -> IncidentKind | None:
        rows = self._read("SELECT kind FROM incidents WHERE id = %s", (incident,))
        return rows[0][0] if rows else None

    def incidents(self, kind: IncidentKind = "live") -> list[IncidentRecord]:
        rows = self._read(
            "SELECT i.id, i.kind,"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'declared'),"
            " (SELECT min(seq) FROM events WHERE incident = i.id AND kind = 'closed'),"
            " (SELECT max(seq) FROM events WHERE incident = i.id AND kind = 'retriaged'),"
            " (SELECT min(seq) FROM events WHERE incident = i.id)"
            " FROM incidents i WHERE i.kind = %s ORDER BY i.created_at DESC, i.id DESC",
            (kind,),
        )
        wanted = [seq for row in rows for seq in row[2:] if seq is not None]
        return incident_records(rows, {e.seq: e for e in self._by_seq(wanted)})

    def entries_of_kind(self, kind: str, incident_kind: IncidentKind | None = None) -> list[Entry]:
        sql = f"SELECT {_ENTRY_COLUMNS} FROM events WHERE kind = %s"
        params: tuple = (kind,)
        if incident_kind is not None:
            sql += " AND incident IN (SELECT id FROM incidents WHERE kind = %s)"
            params += (incident_kind,)
        return [_entry(r)[0] for r in self._read(sql + " ORDER BY seq", params)]

    def _by_seq(self, seqs: list[int]) -> list[Entry]:
        if not seqs:
            return []
        return [_entry(r)[0] for r in self._read(f"SELECT {_ENTRY_COLUMNS} FROM events WHERE seq = ANY(%s)", (seqs,))]

    # -- verifying and copying -----------------------------------------------------------

    def verify(self, full: bool = True) -> Verification:
        """The append-only guards (triggers and privileges), every entry's hash and chain, and
        missing numbers, read while no write is under way. PostgreSQL checks its own pages (`full` changes
        nothing here)."""
        import psycopg

        with self._lock:
            try:
                conn = self._connection()
                with conn.transaction():
                    # Between writes: the high-water mark moves outside transactions, so a write
                    # half done would otherwise look like a removed entry.
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                    return self._verify(conn, full)
            except psycopg.Error as error:
                raise JournalError(f"{self.location}: cannot read the journal: {_reason(error)}") from None

    def _verify(self, conn: Any, full: bool) -> Verification:
        findings = [*_guard_findings(conn)]
        incidents = conn.execute("SELECT id, kind, created_at FROM incidents").fetchall()
        rows = conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM events ORDER BY seq").fetchall()
        chain = _Chain({i: genesis(i, k, c) for i, k, c in incidents}, 1)
        expected = 1
        for row in rows:
            entry, fields = _entry(row)
            findings += _missing(expected, entry.seq - 1)
            expected = max(expected, entry.seq + 1)
            problem = chain.link(entry, fields)
            if problem:
                findings.append(Finding(seq=entry.seq, message=problem))
        findings += _missing(expected, conn.execute("SELECT last_value FROM events_high_water").fetchone()[0])
        return Verification(
            findings=tuple(findings),
            entries=len(rows),
            legacy=0,
            heads=chain.heads,
            integrity="ok",  # PostgreSQL checks its own pages (data checksums, WAL)
            full=full,
        )

    def export_rows(self) -> tuple[list[tuple], list[tuple]]:
        """Every incident row and entry row exactly as stored, in order: what `journal copy` moves."""
        incidents = self._read("SELECT id, kind, created_at FROM incidents ORDER BY created_at, id")
        return incidents, self._read(f"SELECT {_ENTRY_COLUMNS} FROM events ORDER BY seq")

    def import_rows(self, incidents: Iterable[tuple], rows: Iterable[tuple]) -> None:
        """Add a copied journal's rows as they are (hashes included) into this empty one."""
        with self._lock:
            conn = self._connection()
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
                if conn.execute("SELECT count(*) FROM incidents").fetchone()[0]:
                    raise JournalError(f"{self.location} already holds incidents: copy into an empty journal")
                with conn.cursor() as cursor:
                    cursor.executemany("INSERT INTO incidents (id, kind, created_at) VALUES (%s, %s, %s)", incidents)
                    cursor.executemany(
                        f"INSERT INTO events ({_ENTRY_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        rows,
                    )
                conn.execute("SELECT setval('events_high_water', (SELECT coalesce(max(seq), 0) FROM events))")
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "copy"))


def _guard_findings(conn: Any) -> list[Finding]:
    findings = []
    present = {
        name
        for (name,) in conn.execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
            " AND tgrelid IN ('playbook_meta'::regclass, 'incidents'::regclass, 'events'::regclass)"
        ).fetchall()
    }
    for table in TABLES:
        if f"{table}_append_only" not in present:
            findings.append(
                Finding(seq=None, message=f"the append-only guard {table}_append_only is missing or disabled")
            )
    for table in TABLES:
        for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
            if conn.execute("SELECT has_table_privilege(%s, %s)", (table, privilege)).fetchone()[0]:
                findings.append(
                    Finding(
                        seq=None,
                        message=f"the role {conn.info.user} may {privilege} {table}: the journal is open to changes",
                    )
                )
    return findings


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else error.__class__.__name__
