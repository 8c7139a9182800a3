"""The one base of the errors the core raises for a person to read.

Each carries a message and, when the cause has one, where it is (a file, and a line and column
in it), so the CLI and the app print every error alike: `path:line:col: message`, as a Problem
reads, without a traceback.
"""

from __future__ import annotations

from pathlib import Path


class PlaybookError(Exception):
    def __init__(self, message: str, *, path: str | Path | None = None, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else ""
        self.line = line  # 0: not known
        self.col = col

    @property
    def location(self) -> str:
        """'path:line:col', 'path:line' or 'path' as far as it is known; '' for none."""
        if not self.path:
            return ""
        return ":".join([self.path, *(str(n) for n in (self.line, self.col)[: (self.line > 0) + (self.col > 0)])])

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message
