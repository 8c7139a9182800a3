"""Where the bundled library and the schemas live, installed or in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# A wheel ships them inside the package (see pyproject.toml); a checkout has them beside it.
_BUNDLED = _HERE / "_bundled"
_ROOT = _BUNDLED if (_BUNDLED / "schemas").is_dir() else _HERE.parent

SCHEMAS = _ROOT / "schemas"
BUNDLED_LIBRARY = _ROOT / "incidents"
LIBRARY_FILE = "library.yaml"
# A journal named by one of these is a team's PostgreSQL database; anything else is a file.
JOURNAL_URL_SCHEMES = ("postgresql://", "postgres://")


def default_root() -> Path:
    """The library to use: $PLAYBOOK_LIBRARY, else the library folder the user is standing in
    (where `playbook new` writes), else the bundled one."""
    chosen = os.environ.get("PLAYBOOK_LIBRARY")
    if chosen:
        return Path(chosen)
    here = Path.cwd()
    return here if (here / LIBRARY_FILE).is_file() else BUNDLED_LIBRARY


_SUFFIXES = (".yaml", ".yml")


def incident_files(root: Path) -> list[Path]:
    """The folder's YAML files other than library.yaml, by name; library.refusal says which may be read."""
    return [root / name for name in incident_names(root)]


def incident_names(root: Path) -> list[str]:
    """incident_files by name alone: a load of 10,000 files keeps names, not Paths (4.5 MB).
    A name that is all suffix (".yaml") has none, as for Path.suffix."""
    try:
        names = os.listdir(root)
    except OSError:  # no such folder, or not readable: no files, as glob would say
        return []
    return sorted(name for name in names if name.endswith(_SUFFIXES) and name not in (LIBRARY_FILE, *_SUFFIXES))


def default_journal() -> Path:
    """$PLAYBOOK_JOURNAL, else journal.sqlite3 in the user's data folder."""
    chosen = os.environ.get("PLAYBOOK_JOURNAL")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("playbook")) / "journal.sqlite3"


def is_journal_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(JOURNAL_URL_SCHEMES)
