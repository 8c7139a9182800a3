"""A real headless Chromium for the browser tests: Debian's, installed by the test run itself
where it is missing and the run is root, never skipped (a run that cannot have one fails saying
why)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no calls home: this machine has no internet
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                pytest.fail(f"the browser tests need Chromium; `{' '.join(command)}` failed: {done.stderr[-500:]}")
        found = shutil.which("chromium")
    if not found:
        pytest.fail("the browser tests need Chromium: install Debian's `chromium` package (apt-get install chromium)")
    return found
