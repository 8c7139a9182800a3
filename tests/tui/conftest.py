"""Fixtures for the app tests."""

from __future__ import annotations

import pytest

from playbook.clock import FakeClock
from tests.conftest import write_library
from tests.tui.pilot import LIBRARY, T0


@pytest.fixture
def test_library(tmp_path):
    """The test library copied, with files added or replaced: test_library({'x.yaml': ...})."""
    return lambda files=None: write_library(tmp_path / "lib", files or {}, base=LIBRARY)


@pytest.fixture
def clock() -> FakeClock:
    """The app's clock, standing at T0 until a test advances it (give it to make_app)."""
    return FakeClock(T0)


@pytest.fixture
def journal_path(tmp_path):
    return tmp_path / "journal.sqlite3"
