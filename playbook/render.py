"""One place for how text and times are written out, whatever the output: Markdown escaping
for reports and exports, durations in words, drill minutes, clock times and countdowns.

Every report, export and screen formats through these, so a time or an escaped name reads the
same on the board, in the after-action report and in the debrief.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta

from playbook.problems import quote

# --- Markdown --------------------------------------------------------------------------------

# Every character that could start Markdown (or HTML, in renderers that allow it) or split a
# table cell. Parentheses stay bare: without an unescaped [ ] before them they link nothing.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# What would open a numbered list ("1." "2)") or a bullet / heading underline at a line's start.
_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(text: str) -> str:
    """Author or typed text as literal Markdown on one line: whitespace runs collapsed, every
    markup character escaped, control characters shown as \\uXXXX, and nothing at its start that
    would open a list or a heading underline."""
    text = _MD_SPECIAL.sub(r"\\\1", quote(" ".join(text.split()), limit=sys.maxsize)[1:-1])
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def md_lines(text: str) -> str:
    """Typed text that may span lines, as one inert Markdown table cell: each line escaped as
    md() does, line breaks kept as <br>; a dash when there is nothing."""
    return "<br>".join(md(line) for line in text.strip().splitlines()) or "—"


# --- Durations -------------------------------------------------------------------------------


def duration(minutes: int) -> str:
    """15 -> '15 minutes', 60 -> '1 hour', 90 -> '1 h 30 min', 1440 -> '1 day'."""
    if minutes < 60:
        return f"{minutes} minute{'s' * (minutes != 1)}"
    if minutes % 1440 == 0:
        days = minutes // 1440
        return f"{days} day{'s' * (days != 1)}"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' * (hours != 1)}"
    return f"{minutes // 60} h {minutes % 60} min"


def duration_of(delta: timedelta) -> str:
    """A real time span, to the nearest minute, in words: '25 minutes', '1 h 5 min'."""
    return duration(max(0, round(delta.total_seconds() / 60)))


def minutes(value: float | None) -> str:
    """A drill minute as people say it: 12.0 -> '12', 27.5 -> '27.5'; a dash for none."""
    return "—" if value is None else f"{value:.1f}".removesuffix(".0")


def tenths(minute: float) -> str:
    """A drill minute cut (not rounded) to tenths, so nothing says a minute has come early."""
    return minutes(int(minute * 10) / 10)


def minutes_word(value: float) -> str:
    """1 -> '1 minute', 5 -> '5 minutes', 2.5 -> '2.5 minutes'."""
    said = minutes(value)
    return f"{said} minute{'' if said == '1' else 's'}"


def elapsed(delta: timedelta) -> str:
    """A span in words, so it never reads as a clock time: 42 s, 12 min, 1 h 05 min."""
    seconds = int(abs(delta.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    hours, mins = divmod(seconds // 60, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def countdown(delta: timedelta) -> str:
    """A countdown as a leader reads it: 4:05, 1:02:30; past a day in days and hours (2 d 23 h),
    since '119:58:36' reads as nothing at 2 a.m."""
    seconds = int(abs(delta.total_seconds()))
    if seconds >= 86400:
        days, hours = divmod(seconds // 3600, 24)
        return f"{days} d {hours} h"
    hours, rest = divmod(seconds, 3600)
    mins, seconds = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{seconds:02d}" if hours else f"{mins}:{seconds:02d}"


# --- Moments ---------------------------------------------------------------------------------


def when(moment: datetime | None) -> str:
    """A moment in a report: '2026-11-24 05:00 UTC'; a dash when there is none."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "—"


def hhmm(moment: datetime | None) -> str:
    """A moment on a board: '05:00'; dashes when there is none."""
    return moment.strftime("%H:%M") if moment else "--:--"


def deadline(moment: datetime, now: datetime) -> str:
    """A due time: HH:MM within the day ahead, with its date when further ('Sat 28 Nov 06:00')."""
    return hhmm(moment) if moment - now < timedelta(hours=20) else moment.strftime("%a %d %b %H:%M")
