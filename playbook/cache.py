"""The checked library, remembered between runs in the user's cache folder.

Checking a file (safe parse with positions, JSON Schema, model, checks) costs milliseconds; a
library of thousands of files made every start wait seconds. The cache keeps, per incident
file, what checking it found: its data, its problems and the few positions that checks across
files need. A file is taken from the cache only when its size, mtime_ns and content hash all
match, and the whole cache only when it was written by this program version, with these
schemas, for this library.yaml and folder. Anything else (corrupt, foreign, stale, torn by a
concurrent writer) is ignored and rebuilt: the cache is never trusted over the files.

The file is a header line, then one line per incident file: a small head (name, size, mtime,
hash) and, after a tab, the rest. Reading scans the heads and checks the whole body against
the header, but reads an entry's rest only when its file is found unchanged, and a rewrite
copies the lines of unchanged files as they are: a warm load of 10,000 types holds one entry's
data at a time, not the whole cache (which took a gigabyte as Python objects).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from playbook import __version__
from playbook.files import open_regular
from playbook.paths import SCHEMAS

if TYPE_CHECKING:
    from playbook.problems import Problem

MAGIC = "playbook-library-cache"
FORMAT = 2  # 1 was one JSON document, read whole
_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    """$PLAYBOOK_CACHE_DIR, else the user's cache folder."""
    chosen = os.environ.get("PLAYBOOK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs  # only when needed: keeps the import off the path of tests and tools

    return platformdirs.user_cache_path("playbook") / "library"


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def fingerprint(root: Path, library_raw: bytes) -> str:
    """What every cached result depends on besides its own file: the folder, library.yaml, the
    schemas and the program. The program is its version plus the size and mtime of its modules,
    so a changed check in a checkout is never answered from an older run."""
    parts = [MAGIC, str(FORMAT), __version__, str(root.resolve()), digest(library_raw)]
    for schema in sorted(SCHEMAS.glob("*.json")):
        parts.append(digest(schema.read_bytes()))
    for module in sorted(_PACKAGE.glob("*.py")):
        status = module.stat()
        parts.append(f"{module.name}:{status.st_size}:{status.st_mtime_ns}")
    return digest("\n".join(parts).encode())


@attrs.frozen
class Entry:
    """What checking one incident file found. `data` is None when it did not pass the schema;
    `problems` are (line, col, code, message) without the path, which depends on the working
    folder; `positions` are (path in the document, line, col) for the checks across files."""

    size: int
    mtime_ns: int
    sha256: str
    data: Any
    problems: tuple[tuple[int, int, str, str], ...]
    positions: tuple[tuple[tuple[str | int, ...], int, int], ...]

    def located(self, path: str) -> list[Problem]:
        from playbook.problems import Problem  # off the first paint, which reads only the index

        return [Problem(path, line, col, code, message) for line, col, code, message in self.problems]


def _file(root: Path, kind: str = "json") -> Path:
    return folder() / f"{digest(str(root.resolve()).encode())[:32]}.{kind}"


def stamp(root: Path) -> str | None:
    """The fingerprint of `root` as it is now; None if its library.yaml cannot be read."""
    try:
        return fingerprint(root, (root / "library.yaml").read_bytes())
    except OSError:
        return None


def _header_of(handle: BinaryIO, stamp: str) -> dict[str, Any]:
    header = json.loads(handle.readline())
    if header.get("magic") != MAGIC or header.get("format") != FORMAT or header.get("stamp") != stamp:
        raise ValueError("another program, schema set or library")
    return header


def _checked(header: dict[str, Any], length: int, sha256: str) -> None:
    if length != header["length"] or sha256 != header["sha256"]:
        raise ValueError("torn or altered")


def _read_body(target: Path, stamp: str) -> Any:
    """The document stored whole in `target` for this stamp; raises if there is none usable."""
    with open_regular(target)[0] as handle:
        header = _header_of(handle, stamp)
        body = handle.read()
    _checked(header, len(body), digest(body))
    return json.loads(body)


_BAD = (OSError, ValueError, TypeError, KeyError, AttributeError)


@attrs.frozen
class Stored:
    """A cached entry as it lies in the open cache file: only where it is. Whether its file
    changed is read from its line when asked (holding each head, hash and all, cost 2 MB at
    10,000 files), and the rest only if it did not."""

    offset: int
    length: int
    handle: BinaryIO = attrs.field(eq=False, repr=False)

    def line(self) -> bytes:
        self.handle.seek(self.offset)
        return self.handle.read(self.length)

    def entry(self, size: int, mtime_ns: int, sha256: str) -> Entry | None:
        """The whole entry if it was made from a file of this size, mtime and content; None if
        not, or if it cannot be read after all."""
        try:
            line = self.line()
            tab = line.index(b"\t")
            if json.loads(line[:tab])[1:] != [size, mtime_ns, sha256]:
                return None
            data, problems, positions = json.loads(line[tab + 1 :])
            return Entry(
                size,
                mtime_ns,
                sha256,
                data,
                tuple((int(line), int(col), str(code), str(message)) for line, col, code, message in problems),
                tuple((tuple(at), int(line), int(col)) for at, line, col in positions),
            )
        except _BAD:
            return None


@contextmanager
def opened(root: Path, stamp: str | None) -> Iterator[dict[str, Stored]]:
    """The entries cached for this library and stamp, by file name, readable while the block
    runs; empty if there is no usable cache (or no stamp). Never raises for a bad cache: one
    that cannot be read or checked is as good as none. The file stays open, so a writer that
    replaces it meanwhile changes nothing read here."""
    if stamp is None:
        yield {}
        return
    try:
        handle = open_regular(_file(root))[0]  # a FIFO or a device is not a cache
    except (OSError, ValueError):
        yield {}
        return
    with handle:
        try:
            stored = _scan(handle, stamp)
        except _BAD:
            stored = {}
        yield stored


def _scan(handle: BinaryIO, stamp: str) -> dict[str, Stored]:
    header = _header_of(handle, stamp)
    position = start = handle.tell()
    hashing = hashlib.sha256()
    stored = {}
    for line in handle:
        hashing.update(line)
        name = json.loads(line[: line.index(b"\t")])[0]
        if not isinstance(name, str) or not line.endswith(b"\n"):
            raise ValueError("not a cache entry")
        stored[name] = Stored(position, len(line), handle)
        position += len(line)
    _checked(header, position - start, hashing.hexdigest())
    return stored


def read_index(root: Path, stamp: str) -> list[list[Any]] | None:
    """The search index rows written by the last full load of this library and stamp, or None."""
    try:
        rows = _read_body(_file(root, "index"), stamp)
    except _BAD:
        return None
    return rows if isinstance(rows, list) and all(isinstance(row, list) for row in rows) else None


# A Writer writes the header last, over room kept for it at the start of the file.
_HEADER_ROOM = 512


class Writer:
    """The cache written as files are checked: each entry goes to disk as it comes, so the data of
    a large library is never all held at once (nor a second time as one JSON text). Readers see
    the old file until `commit` puts the new one in place whole; leaving the `with` block without
    committing removes the temporary file. A cache folder that cannot be written only costs
    speed, so failures are ignored."""

    def __init__(self, root: Path, stamp: str) -> None:
        self._target = _file(root)
        self._stamp = stamp
        self._temporary: Path | None = None
        self._out: BinaryIO | None = None
        self._hash = hashlib.sha256()
        self._length = 0
        self._failed = False

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)

    def add(self, name: str, entry: Entry) -> None:
        head = [name, entry.size, entry.mtime_ns, entry.sha256]
        self._body(_json(head), b"\t", _json([entry.data, entry.problems, entry.positions]), b"\n")

    def copy(self, stored: Stored) -> None:
        """An unchanged file's entry, copied from the cache being replaced without reading it."""
        try:
            self._body(stored.line())
        except OSError:
            self._failed = True

    def commit(self) -> None:
        self._body()  # an empty library's cache is an empty body, not none
        if self._out is None or self._failed:
            return
        header = _header(self._stamp, self._length, self._hash.hexdigest())
        try:
            self._out.seek(0)
            self._out.write(header.ljust(_HEADER_ROOM - 1) + b"\n")  # json.loads ignores the padding
            self._close()
            os.replace(self._temporary, self._target)  # type: ignore[arg-type]  # set with _out
            self._temporary = None
        except OSError:
            self._failed = True

    def _body(self, *parts: bytes) -> None:
        if self._failed:
            return
        try:
            if self._out is None:
                self._temporary, self._out = _temporary_beside(self._target)
                self._out.write(b" " * (_HEADER_ROOM - 1) + b"\n")  # the header's room, filled at commit
            for part in parts:
                self._out.write(part)
                self._hash.update(part)
                self._length += len(part)
        except OSError:
            self._failed = True

    def _close(self) -> None:
        if self._out is not None:
            out, self._out = self._out, None
            try:
                out.close()
            except OSError:
                self._failed = True


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _header(stamp: str, length: int, sha256: str) -> bytes:
    return json.dumps({"magic": MAGIC, "format": FORMAT, "stamp": stamp, "length": length, "sha256": sha256}).encode()


def write_index(root: Path, stamp: str, rows: list[list[Any]]) -> None:
    """Keep the rows of the first screen's search index (each type's id, title, words) for the
    next start, which paints from them while it checks the library."""
    _write_body(_file(root, "index"), stamp, rows)


def forget_index(root: Path) -> bool:
    """Remove the stored index, so that the next full load writes it afresh (a check that kept
    no types cannot write it, and must not leave one that the cache no longer matches). False if
    it may still be there."""
    try:
        _file(root, "index").unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _write_body(target: Path, stamp: str, document: Any) -> None:
    body = _json(document)
    header = _header(stamp, len(body), digest(body))
    try:
        temporary, out = _temporary_beside(target)
        try:
            with out:
                out.write(header + b"\n" + body)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _temporary_beside(target: Path) -> tuple[Path, BinaryIO]:
    """A new file in the target's folder (made if need be), to be put in its place whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cache-", suffix=".tmp")
    return Path(temporary), os.fdopen(handle, "wb")
