"""The one clock. Everything that reads the time (the journal's stamps, the board's deadlines,
a drill's minute, the CLI's reports) is handed a Clock, so a test moves time on purpose with a
FakeClock instead of waiting or patching module functions."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start, never going back: for intervals such as retry
        delays, never for a time that is shown or stored."""
        ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


SYSTEM_CLOCK = SystemClock()


class FakeClock:
    """A clock that stands still until told to move: a deadline is reached without waiting."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a clock's time must be timezone-aware")
        self.start = start
        self.at = start

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - self.start).total_seconds()

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.at += timedelta(minutes=minutes, seconds=seconds)

    def set(self, moment: datetime) -> None:
        self.at = moment
