"""Shared fixtures: the bundled library, and small libraries written on the fly."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from playbook.library import Loaded, load
from playbook.paths import BUNDLED_LIBRARY
from tests.postgres import pg_cluster, pg_journal  # noqa: F401  (fixtures: a real PostgreSQL server)

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"  # a tiny valid library: library.yaml + a few incident types


@pytest.fixture(scope="session")
def bundled() -> Loaded:
    return load(BUNDLED_LIBRARY)


def write_library(root: Path, files: dict[str, str], base: Path = MINI) -> Path:
    """Copy the mini library into `root`, then add or replace files (dedented text)."""
    root.mkdir(parents=True, exist_ok=True)
    for source in base.glob("*.yaml"):
        (root / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in files.items():
        if text is None:
            (root / name).unlink(missing_ok=True)
        else:
            (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def library_dir(tmp_path: Path):
    """write_library bound to a fresh folder: library_dir({'x.yaml': '...'}) -> Path."""
    return lambda files=None, base=MINI: write_library(tmp_path / "lib", files or {}, base)
