"""Load a library folder (or single files) into a Library and the problems found on the way.

One bad file never stops the rest: a file with any error is listed with its problems and
left out whole, never half-loaded. Warnings do not keep a file out.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from playbook import build, calibration, checks, lint, source, triage_checks
from playbook.model import IncidentType, Library
from playbook.paths import BUNDLED_LIBRARY
from playbook.problems import Problem
from playbook.validate import schema_problems

LIBRARY_FILE = "library.yaml"


@attrs.frozen
class Loaded:
    """The outcome of loading: the usable library (None if library.yaml itself is broken),
    every problem in position order, and every file that was read."""

    library: Library | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...]

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


def default_root() -> Path:
    """The library to use: $PLAYBOOK_LIBRARY, else the bundled one."""
    chosen = os.environ.get("PLAYBOOK_LIBRARY")
    return Path(chosen) if chosen else BUNDLED_LIBRARY


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(root: Path | str | None = None, only: Iterable[Path] | None = None) -> Loaded:
    """Load the library in `root`. With `only`, check just those incident files against it."""
    root = Path(root) if root is not None else default_root()
    with _bulk():
        return _load(root, list(only) if only is not None else None)


def _load(root: Path, only: list[Path] | None) -> Loaded:
    if not root.is_dir():
        shown = display_path(root)
        return Loaded(None, (Problem(shown, 1, 1, "P004", "not a library folder"),), ())
    library_path = root / LIBRARY_FILE
    library_name = display_path(library_path)
    if not library_path.is_file():
        return Loaded(None, (Problem(library_name, 1, 1, "P004", f"no {LIBRARY_FILE} in {display_path(root)}"),), ())
    library, problems = _read_library(library_path, library_name, root)
    files = [library_name]
    if library is None:
        return Loaded(None, tuple(problems), tuple(files))

    paths = only if only is not None else incident_files(root)
    candidates: list[IncidentType] = []
    for path in paths:
        name = display_path(path)
        files.append(name)
        incident, found = read_incident(path, library, name)
        problems += found
        if incident is not None:
            candidates.append(incident)

    # Checks across files: ids unique, related types exist. A broken file still names a type
    # that exists, so its own problems are reported once, not again in every file relating to it.
    known = {i.id for i in candidates} | {p.stem for p in incident_files(root)}
    by_id: dict[str, IncidentType] = {}
    for incident in candidates:
        first = by_id.setdefault(incident.id, incident)
        if first is not incident:
            problems.append(
                incident.source.problem(
                    ("id",), "P301", f"incident type '{incident.id}' is also defined in {first.path}"
                )
            )
        problems += checks.related_problems(incident, known)

    problems = _apply_suppressions(problems, library, root)
    failed = {p.path for p in problems if p.is_error}
    # Positions are for reporting problems; once a type is checked they only cost memory
    # (about 100 KB a type), so the library that the app holds keeps none.
    kept = (attrs.evolve(i, source=None) for i in candidates if i.path not in failed)
    types = tuple(sorted(kept, key=lambda i: i.title.lower()))
    problems.sort(key=Problem.sort_key)
    return Loaded(attrs.evolve(library, types=types), tuple(problems), tuple(files))


def incident_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("*.y*ml") if p.name != LIBRARY_FILE and p.suffix in (".yaml", ".yml"))


def _read_library(path: Path, name: str, root: Path) -> tuple[Library | None, list[Problem]]:
    document, problems = source.read(path, name)
    if document is None:
        return None, problems
    problems += schema_problems(document, "library")
    if any(p.is_error for p in problems):
        return None, problems
    library = build.library(document.data, root=str(root))
    problems += checks.library_problems(library, document)
    problems += lint.suppression_problems(library, document, root)
    return (None if any(p.is_error for p in problems) else library), problems


def read_incident(path: Path, library: Library, name: str | None = None) -> tuple[IncidentType | None, list[Problem]]:
    """Read, validate, build and check one incident file against a library."""
    document, problems = source.read(path, name or display_path(path))
    if document is None:
        return None, problems
    problems += schema_problems(document, "incident-type")
    if any(p.is_error for p in problems):
        return None, problems
    incident = build.incident_type(document)
    problems += checks.reference_problems(incident, library)
    problems += triage_checks.triage_problems(incident, library)
    problems += calibration.calibration_problems(incident, library)
    problems += lint.incident_problems(incident, library)
    return incident, problems


def _apply_suppressions(problems: list[Problem], library: Library, root: Path) -> list[Problem]:
    """Drop warnings that library.yaml silences for one file (errors are never silenced)."""
    if not library.suppress:
        return problems
    silenced = {(s.file, s.code) for s in library.suppress}
    return [p for p in problems if p.is_error or (Path(p.path).name, p.code) not in silenced]


@contextmanager
def _bulk() -> Iterator[None]:
    # Loading allocates many small objects and frees few; pausing the collector halves the cost.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
