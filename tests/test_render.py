"""One rendering module: the same text and times read the same in every report, export and screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from playbook import render


def test_markdown_escaping_makes_author_text_literal():
    assert render.md("[click](http://x) **now** | #1") == r"\[click\](http://x) \*\*now\*\* \| \#1"
    assert render.md("1. not a list") == r"1\. not a list"
    assert render.md("- not a bullet") == r"\- not a bullet"
    # An escape sequence never reaches a terminal: shown as \u001b (its backslash escaped in turn).
    assert render.md("a\x1b[31mred") == r"a\\u001b\[31mred"


def test_a_multi_line_cell_keeps_its_lines_as_breaks_and_is_never_empty():
    assert render.md_lines("first | one\nsecond") == r"first \| one<br>second"
    assert render.md_lines("  ") == "—"


def test_durations_and_drill_minutes_in_words():
    assert render.duration(90) == "1 h 30 min"
    assert render.duration_of(timedelta(minutes=24, seconds=40)) == "25 minutes"
    assert render.duration_of(timedelta(minutes=-3)) == "0 minutes"
    assert (render.minutes(12.0), render.minutes(27.5)) == ("12", "27.5")
    assert (render.minutes_word(1), render.minutes_word(2.5)) == ("1 minute", "2.5 minutes")


def test_countdowns_spans_and_moments():
    assert render.countdown(timedelta(minutes=4, seconds=5)) == "4:05"
    assert render.countdown(timedelta(hours=1, minutes=2, seconds=30)) == "1:02:30"
    assert render.elapsed(timedelta(seconds=42)) == "42 s"
    assert render.elapsed(timedelta(minutes=65)) == "1 h 05 min"
    moment = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
    assert (render.when(moment), render.hhmm(moment)) == ("2026-11-24 05:00 UTC", "05:00")
    assert (render.when(None), render.hhmm(None)) == ("—", "--:--")
