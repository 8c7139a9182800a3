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


def incident_files(root: Path) -> list[Path]:
    """The folder's YAML files other than library.yaml, by name; library.refusal says which may be read."""
    return sorted(p for p in root.glob("*.y*ml") if p.name != LIBRARY_FILE and p.suffix in (".yaml", ".yml"))


def is_journal_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(JOURNAL_URL_SCHEMES)
