"""Load a library folder (or single files) into a Library and the problems found on the way.

One bad file never stops the rest: a file with any error is listed with its problems and
left out whole, never half-loaded. Warnings do not keep a file out.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import Literal, TypeVar

import attrs

from playbook import build, cache, checks, safe, search, source
from playbook.bulk import paused_collector
from playbook.clock import SYSTEM_CLOCK
from playbook.model import IncidentType, Library, Summary
from playbook.paths import LIBRARY_FILE, default_root, incident_names
from playbook.problems import Problem
from playbook.review import stale_problems
from playbook.validate import schema_problems

# The top-level keys whose positions the checks run after the cache (across files, staleness) report at.
_LATE_CHECKED = ("id", "related", "does_not_apply", "reviewed")
# Whether a playbook is overdue for review depends on today, so it is never cached.
_STALE = "P503"

# What a load keeps of each usable type: its model (without positions), a line for a listing, or
# nothing (a check: memory stays flat however large the library).
Keep = Literal["types", "summaries", "nothing"]


@attrs.frozen
class Loaded:
    """The outcome of loading: the usable library (None if library.yaml itself is broken),
    every problem in position order, and every file that was read."""

    library: Library | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    summaries: tuple[Summary, ...] = ()  # kept instead of the library's types when asked, by title

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def failed(self) -> tuple[str, ...]:
        """Files left out because of errors, in the order they were read."""
        bad = {p.path for p in self.errors}
        return tuple(f for f in self.files if f in bad)

    def problems_in(self, path: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.path == path)


def display_path(path: Path) -> str:
    """A path as the user would type it (relative to the working folder when inside it), safe to
    print. Only the folder is resolved: the file itself may be a link, even a looping one."""
    return _shown_in(path.parent)(path.name)


def _shown_in(folder: Path) -> Callable[[str], str]:
    """display_path for the files of one folder, resolving it once (per file, it was a tenth of
    a cold validate)."""
    try:
        shown: Path | None = folder.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError, RuntimeError):
        shown = None
    return lambda name: safe.safe_line(str((folder if shown is None else shown) / name))


def load(root: Path | str | None = None, only: Iterable[Path] | None = None, *, keep: Keep = "types") -> Loaded:
    """Load the library in `root`. With `only`, check just those incident files against it.
    Each type is let go once checked and only what `keep` asks for is kept: the library comes
    back with its types only when they are kept."""
    root = Path(root) if root is not None else default_root()
    with paused_collector():
        return _load(root, list(only) if only is not None else None, keep)


def _load(root: Path, only: list[Path] | None, keep: Keep) -> Loaded:
    if not root.is_dir():
        shown = display_path(root)
        return Loaded(None, (Problem(shown, 1, 1, "P004", "not a library folder"),), ())
    library_path = root / LIBRARY_FILE
    library_name = display_path(library_path)
    if not library_path.is_file():
        return Loaded(None, (Problem(library_name, 1, 1, "P004", f"no {LIBRARY_FILE} in {display_path(root)}"),), ())
    files = [library_name]
    if refused := refusal(library_path, root):
        return Loaded(None, (refused,), tuple(files))
    library, problems = _read_library(library_path, library_name, root)
    if library is None:
        return Loaded(None, tuple(problems), tuple(files))

    # `only` checks a few files, often outside the library: not worth caching.
    stamp = cache.stamp(root) if only is None else None
    # Each file is checked and let go: what was found goes to the cache as it comes, the checks
    # across files get its Links, and only the model (without positions) is kept, if asked for.
    unchanged: dict[str, cache.Stored] = {}
    fresh = False
    links: list[checks.Links] = []
    types: list[IncidentType] = []
    summaries: list[Summary] = []
    with (
        cache.opened(root, stamp) as cached,
        cache.Writer(root, stamp) if stamp else nullcontext() as writer,
    ):
        in_root = _shown_in(root)
        names = incident_names(root)
        named = {name[: name.rindex(".")] for name in names}  # the ids the files stand for
        for path in only if only is not None else map(root.joinpath, names):
            name = display_path(path) if only is not None else in_root(path.name)
            files.append(name)
            if refused := refusal(path, root if only is None else path.parent):
                problems.append(refused)
                continue
            if writer is not None:
                remembered = cached.get(path.name)
                incident, found, entry = _read_cached(path, library, name, remembered)
                if isinstance(entry, cache.Stored):
                    unchanged[path.name] = entry
                elif entry is not None:
                    writer.add(path.name, entry)
                    fresh = True
            else:
                incident, found = read_incident(path, library, name)
            problems += found
            if incident is not None:
                links.append(checks.Links.of(incident, named))
                if keep == "types":
                    # Positions only cost memory once a type is checked (about 100 KB a type).
                    types.append(attrs.evolve(incident, source=None))
                elif keep == "summaries":
                    summaries.append(Summary.of(incident))
            # The collector is paused (see paused_collector), but each file leaves cycles (the triage checks'
            # graphs, closures): freeing the young ones costs nothing and keeps memory flat.
            gc.collect(0)
        changed = fresh or unchanged.keys() != cached.keys()
        # A load that keeps no types cannot write the index; it must not leave a stale one.
        if writer is not None and changed and (keep == "types" or cache.forget_index(root)):
            for stored in unchanged.values():
                writer.copy(stored)
            writer.commit()

    # Checks across files: ids unique, related types exist. A broken file still names a type
    # that exists, so its own problems are reported once, not again in every file relating to it.
    known = named  # grown in place: a copy of 10,000 names costs half a megabyte
    known.update(link.id for link in links)
    by_id: dict[str, checks.Links] = {}
    for link in links:
        first = by_id.setdefault(link.id, link)
        if first is not link:
            problems.append(
                Problem(link.path, *link.id_at, "P301", f"incident type '{link.id}' is also defined in {first.path}")
            )
        problems += checks.related_problems(link, known)

    problems = _apply_suppressions(problems, library, root)
    failed = {p.path for p in problems if p.is_error}
    problems.sort(key=Problem.sort_key)
    library = attrs.evolve(library, types=_usable(types, failed))
    if stamp and keep == "types" and (changed or cache.read_index(root, stamp) is None):
        cache.write_index(root, stamp, search.index_rows(library))
    return Loaded(library, tuple(problems), tuple(files), _usable(summaries, failed))


Kept = TypeVar("Kept", IncidentType, Summary)


def _usable(kept: list[Kept], failed: set[str]) -> tuple[Kept, ...]:
    """What was kept of the types whose files have no errors (checks across files find some
    after the type is kept), in title order."""
    return tuple(sorted((k for k in kept if k.path not in failed), key=lambda k: k.title.lower()))


def left_out_name(path: str, refused: bool = False) -> str:
    """What a file left out of the library can still be called: its title, else its id, else
    its file name. Keeps an author's new playbook findable while it does not validate. Read with
    the library's own safe reader (no FIFO hang, no alias bomb, the size cap), and not at all
    when the loader `refused` to read it (a link out of the library, a FIFO, a hostile name)."""
    document = None if refused else source.read(path)[0]
    data = document.data if document is not None else None
    if isinstance(data, dict):
        for value in (data.get("title"), data.get("id")):
            if isinstance(value, str) and value.strip():
                return value
    return Path(path).stem


def refusal(path: Path, root: Path) -> Problem | None:
    """Why a library file must not be read, if it must not: a name that would steer the terminal,
    a link out of the library folder or in a loop, or anything but a regular file (a FIFO would
    block the reader forever). source.read checks the kind again on the open file."""
    reason = _refused(path, root)
    return Problem(display_path(path), 1, 1, *reason) if reason else None


def _refused(path: Path, root: Path) -> tuple[str, str] | None:
    if match := safe.unsafe_char(path.name):
        what = {"control": "a control", "bidi": "a bidirectional control", "invisible": "an invisible"}
        char = match.group()
        return "P005", f"the file name holds {what[safe.kind(char)]} character {safe.codepoint(char)}: rename the file"
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if not target.is_relative_to(root.resolve()):
                return "P006", f"a link to {safe.safe_line(str(target))}, outside the library folder: not read"
        kind = path.stat().st_mode
    except RuntimeError:  # Python 3.11 reports a link loop this way
        return "P006", "a link that loops back on itself: not read"
    except OSError as error:
        return "P006", f"a link that leads nowhere ({error.strerror or error}): not read"
    if not stat.S_ISREG(kind):
        return "P006", f"not a regular file ({_kind(kind)}): not read"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def _read_library(path: Path, name: str, root: Path) -> tuple[Library | None, list[Problem]]:
    document, problems = source.read(path, name)
    if document is None:
        return None, problems
    problems += schema_problems(document, "library")
    if any(p.is_error for p in problems):
        return None, problems
    library = build.library(document.data, root=str(root))
    problems += checks.library_problems(library, document)
    problems += checks.suppression_problems(library, document, root)
    return (None if any(p.is_error for p in problems) else library), problems


def read_incident(path: Path, library: Library, name: str | None = None) -> tuple[IncidentType | None, list[Problem]]:
    """Read, validate, build and check one incident file against a library."""
    return _check_incident(*source.read(path, name or display_path(path)), library)


def _read_cached(
    path: Path, library: Library, name: str, stored: cache.Stored | None
) -> tuple[IncidentType | None, list[Problem], cache.Entry | cache.Stored | None]:
    """read_incident, answered from the cache when the file is byte for byte the one `stored`
    was made from (and then `stored` is returned); else checked afresh, with the entry to cache
    for next time (None if unreadable)."""
    got = source.read_raw(path, name)
    if isinstance(got, Problem):
        return None, [got], None
    raw, status = got
    sha256 = cache.digest(raw)
    entry = stored.entry(status.st_size, status.st_mtime_ns, sha256) if stored is not None else None
    if entry is not None and (answer := _answer(entry, name)) is not None:
        remembered, problems = answer
        if remembered is not None:
            problems += stale_problems(remembered, library, SYSTEM_CLOCK.now().date())
        return remembered, problems, stored
    incident, problems = _check_incident(*source.parse(raw, name), library)
    return incident, problems, _entry_of(status, sha256, incident, problems)


def _answer(entry: cache.Entry, name: str) -> tuple[IncidentType | None, list[Problem]] | None:
    """What checking the file found, as the cached entry says: the type (None if the file did
    not pass the schema) and the problems. None if the entry cannot have been written by a
    check: its hash is only as good as the folder it sits in, and a forged entry must cost a
    fresh check, never a traceback."""
    try:
        problems = entry.located(name)
        if entry.data is None:
            return None, problems
        positions = {tuple(at): (line, col) for at, line, col in entry.positions}
        incident = build.incident_type(source.Document(name, entry.data, positions, {}))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    texts = (incident.id, incident.title, incident.category, incident.version, incident.status, incident.reviewed)
    return (incident, problems) if all(isinstance(text, str) for text in (*texts, *incident.tags)) else None


def _entry_of(
    status: os.stat_result, sha256: str, incident: IncidentType | None, problems: list[Problem]
) -> cache.Entry:
    """What to cache of a file just checked."""
    document = incident.source if incident is not None else None
    return cache.Entry(
        status.st_size,
        status.st_mtime_ns,
        sha256,
        document.data if document is not None else None,
        tuple((p.line, p.col, p.code, p.message) for p in problems if p.code != _STALE),
        tuple(document.value_positions(_LATE_CHECKED)) if document is not None else (),
    )


def _check_incident(
    document: source.Document | None, problems: list[Problem], library: Library
) -> tuple[IncidentType | None, list[Problem]]:
    from playbook.file_check import checked  # only a file read afresh needs it (see file_check)

    return checked(document, problems, library)


def _apply_suppressions(problems: list[Problem], library: Library, root: Path) -> list[Problem]:
    """Drop warnings that library.yaml silences for one file (errors are never silenced)."""
    if not library.suppress:
        return problems
    silenced = {(s.file, s.code) for s in library.suppress}
    return [p for p in problems if p.is_error or (Path(p.path).name, p.code) not in silenced]
