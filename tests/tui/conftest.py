"""Fixtures for the app tests."""

from __future__ import annotations

import pytest

from tests.conftest import write_library
from tests.tui.pilot import LIBRARY, Clock


@pytest.fixture
def test_library(tmp_path):
    """The test library copied, with files added or replaced: test_library({'x.yaml': ...})."""
    return lambda files=None: write_library(tmp_path / "lib", files or {}, base=LIBRARY)


@pytest.fixture
def clock(monkeypatch):
    """The incident board's and the drill screens' `now`, standing at T0 until a test advances it."""
    from tui.screens import drill_shared
    from tui.screens import incident as board

    fake = Clock()
    monkeypatch.setattr(board, "now", fake)
    monkeypatch.setattr(drill_shared, "now", fake)
    return fake


@pytest.fixture
def journal_path(tmp_path):
    return tmp_path / "journal.sqlite3"
