"""The checked library, remembered between runs in the user's cache folder.

Checking a file (safe parse with positions, JSON Schema, model, checks) costs milliseconds; a
library of thousands of files made every start wait seconds. The cache keeps, per incident
file, what checking it found: its data, its problems and the few positions that checks across
files need. A file is taken from the cache only when its size, mtime_ns and content hash all
match, and the whole cache only when it was written by this program version, with these
schemas, for this library.yaml and folder. Anything else (corrupt, foreign, stale, torn by a
concurrent writer) is ignored and rebuilt: the cache is never trusted over the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import attrs

from playbook import __version__
from playbook.paths import SCHEMAS
from playbook.problems import Problem

MAGIC = "playbook-library-cache"
FORMAT = 1
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
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
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

    def matches(self, size: int, mtime_ns: int, sha256: str) -> bool:
        return (self.size, self.mtime_ns, self.sha256) == (size, mtime_ns, sha256)

    def located(self, path: str) -> list[Problem]:
        return [Problem(path, line, col, code, message) for line, col, code, message in self.problems]


def _file(root: Path, kind: str = "json") -> Path:
    return folder() / f"{digest(str(root.resolve()).encode())[:32]}.{kind}"


def stamp(root: Path) -> str | None:
    """The fingerprint of `root` as it is now; None if its library.yaml cannot be read."""
    try:
        return fingerprint(root, (root / "library.yaml").read_bytes())
    except OSError:
        return None


def _read_body(target: Path, stamp: str) -> Any:
    """The document stored in `target` for this stamp; raises if there is none usable."""
    with open(target, "rb") as handle:
        header = json.loads(handle.readline())
        if header.get("magic") != MAGIC or header.get("format") != FORMAT or header.get("stamp") != stamp:
            raise ValueError("another program, schema set or library")
        body = handle.read()
    if len(body) != header["length"] or digest(body) != header["sha256"]:
        raise ValueError("torn or altered")
    return json.loads(body)


def read(root: Path, stamp: str) -> dict[str, Entry]:
    """The entries cached for this library and stamp, by file name; empty if there is no usable
    cache. Never raises: a cache that cannot be read or checked is as good as none."""
    try:
        return {name: _entry(item) for name, item in _read_body(_file(root), stamp).items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def read_index(root: Path, stamp: str) -> list[list[Any]] | None:
    """The search index rows written by the last full load of this library and stamp, or None."""
    try:
        rows = _read_body(_file(root, "index"), stamp)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return rows if isinstance(rows, list) and all(isinstance(row, list) for row in rows) else None


def _entry(item: list) -> Entry:
    size, mtime_ns, sha256, data, problems, positions = item
    if not (isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(sha256, str)):
        raise ValueError("not a cache entry")
    return Entry(
        size,
        mtime_ns,
        sha256,
        data,
        tuple((int(line), int(col), str(code), str(message)) for line, col, code, message in problems),
        tuple((tuple(at), int(line), int(col)) for at, line, col in positions),
    )


def write(root: Path, stamp: str, entries: dict[str, Entry]) -> None:
    """Replace the cache atomically: a reader sees the old file or the new one, never half.
    A cache folder that cannot be written only costs speed, so failures are ignored."""
    rows = {
        name: [e.size, e.mtime_ns, e.sha256, e.data, e.problems, e.positions] for name, e in sorted(entries.items())
    }
    _write_body(_file(root), stamp, rows)


def write_index(root: Path, stamp: str, rows: list[list[Any]]) -> None:
    """Keep the rows of the first screen's search index (each type's id, title, words) for the
    next start, which paints from them while it checks the library."""
    _write_body(_file(root, "index"), stamp, rows)


def _write_body(target: Path, stamp: str, document: Any) -> None:
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"magic": MAGIC, "format": FORMAT, "stamp": stamp, "length": len(body), "sha256": digest(body)})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".cache-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header.encode() + b"\n" + body)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
