"""Numbered choices: the digit to press, then the label (shown as written)."""

from __future__ import annotations

from textual.content import Content

from playbook.safe import safe

DIGITS = "123456789"


def numbered(index: int, label: str, note: str = "") -> Content:
    """'3  Not known yet  (note)'; past the ninth choice, no digit (arrows and Enter still work)."""
    key = f"{DIGITS[index]}  " if index < len(DIGITS) else "   "
    return Content.assemble((key, "bold"), safe(label), (f"  ({safe(note)})", "italic") if note else "")
