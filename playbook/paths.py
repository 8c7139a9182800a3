"""Where the bundled library and the schemas live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
# A wheel ships them inside the package (see pyproject.toml); a checkout has them beside it.
_BUNDLED = _HERE / "_bundled"
_ROOT = _BUNDLED if (_BUNDLED / "schemas").is_dir() else _HERE.parent

SCHEMAS = _ROOT / "schemas"
BUNDLED_LIBRARY = _ROOT / "incidents"
