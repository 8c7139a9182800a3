"""Fixtures for the app tests."""

from __future__ import annotations

import pytest

from tests.conftest import write_library
from tests.tui.pilot import LIBRARY


@pytest.fixture
def test_library(tmp_path):
    """The test library copied, with files added or replaced: test_library({'x.yaml': ...})."""
    return lambda files=None: write_library(tmp_path / "lib", files or {}, base=LIBRARY)
