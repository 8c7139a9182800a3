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


def _file(root: Path) -> Path:
    return folder() / f"{digest(str(root.resolve()).encode())[:32]}.json"


def read(root: Path, stamp: str) -> dict[str, Entry]:
    """The entries cached for this library and stamp, by file name; empty if there is no usable
    cache. Never raises: a cache that cannot be read or checked is as good as none."""
    try:
        with open(_file(root), "rb") as handle:
            header = json.loads(handle.readline())
            if header.get("magic") != MAGIC or header.get("format") != FORMAT or header.get("stamp") != stamp:
                return {}
            body = handle.read()
        if len(body) != header["length"] or digest(body) != header["sha256"]:
            return {}
        return {name: _entry(item) for name, item in json.loads(body).items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


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
    body = json.dumps(
        {name: [e.size, e.mtime_ns, e.sha256, e.data, e.problems, e.positions] for name, e in sorted(entries.items())},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    header = json.dumps({"magic": MAGIC, "format": FORMAT, "stamp": stamp, "length": len(body), "sha256": digest(body)})
    target = _file(root)
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
