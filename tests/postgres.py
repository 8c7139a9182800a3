"""A real, throwaway PostgreSQL server for the tests: Debian's initdb and pg_ctl, a cluster in a
temporary folder, listening on loopback and a Unix socket only. Installed by the test run where it
is missing and the run is root; never mocked, never skipped: a run that cannot have one fails and
says why.

The cluster has two roles, as a team's database would: `playbook_owner`, who creates the schema,
and `playbook_app`, the role the application connects as, which may insert and read but never
update, delete or truncate (the journal's append-only guarantee held by the database itself)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ADMIN, OWNER, APP = "playbook_admin", "playbook_owner", "playbook_app"


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                pytest.fail(f"the journal tests need PostgreSQL; `{' '.join(command)}` failed: {done.stderr[-500:]}")
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("the journal tests need a PostgreSQL server: install Debian's `postgresql` package")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL cluster: start, stop (an immediate stop is a crash), and connection URLs."""

    def __init__(self, root: Path, bin_dir: Path, user: str | None) -> None:
        self.root = root
        self.data = root / "data"
        self.bin = bin_dir
        self.user = user  # initdb refuses to run as root: the cluster then belongs to this user
        self.port = _free_port()

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {done.stdout[-400:]} {done.stderr[-800:]}")
        return done

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "-A", "trust", "-E", "UTF8", "--no-sync")

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=on"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def url(self, role: str = APP, database: str = "playbook") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(ADMIN, database), autocommit=True) as connection:
            connection.execute(statement)

    def fresh_database(self, name: str) -> str:
        """A new, empty database owned by the owner role, which the app role may connect to: its name."""
        self.sql(f'CREATE DATABASE "{name}" OWNER {OWNER}')
        self.sql(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
        self.sql(f'GRANT CONNECT, TEMPORARY ON DATABASE "{name}" TO {APP}')
        return name

    def journal(self, name: str) -> str:
        """A new database with a journal created by its owner and granted to the app role: the
        app role's URL, as a team would be given it."""
        from playbook.journal_pg import PgJournal

        self.fresh_database(name)
        with PgJournal.open(self.url(OWNER, name)) as journal:
            journal.grant(APP)
        return self.url(APP, name)


@contextmanager
def cluster() -> Iterator[Cluster]:
    bin_dir = _binaries()
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.fail("running as root, the tests need the `postgres` user (Debian's postgresql package adds it)")
    root = Path(tempfile.mkdtemp(prefix="playbook-pg-"))
    if user:
        shutil.chown(root, user)
    server = Cluster(root, bin_dir, user)
    try:
        server.init()
        server.start()
        server.sql(f"CREATE ROLE {OWNER} LOGIN")
        server.sql(f"CREATE ROLE {APP} LOGIN")
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


_names = iter(range(1, 1_000_000))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    with cluster() as server:
        yield server


@pytest.fixture
def pg_journal(pg_cluster: Cluster, tmp_path: Path, monkeypatch) -> str:
    """The URL of a new, empty journal on the test cluster (the app role's)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the outbox of a shared journal
    return pg_cluster.journal(f"journal_{os.getpid()}_{next(_names)}")
