"""The one display-safe text path, and the one rule for text that enters the model.

A library file, a journal entry, a name typed into a form and a file name are all untrusted:
written raw, an ESC or C1 CSI retitles the terminal, writes the clipboard or clears the screen,
and a bidi or zero-width character makes text read differently from what it is. So:

* where text enters (after YAML unescaping, and file names), `unsafe_char` finds the first
  such character and the loader reports it as a located problem (`kind` names its rule);
* where text leaves (every CLI output, report, export and screen), `safe` turns each such
  character into a visible escape such as `\\u202e`, a second line of defence for text that
  never came through the loader.
"""

from __future__ import annotations

import re

# Zero-width and invisible formatting characters (Unicode category Cf, and the line/paragraph
# separators). ZWJ and ZWNJ (U+200C, U+200D) are left out on purpose: Persian, Indic scripts
# and emoji sequences need them to be written correctly, and they steer nothing.
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# Bidirectional controls: marks, embeddings, overrides and isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F, which some
# terminals read as ESC-sequences: U+009B is CSI).
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"

_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}{_INVISIBLE}]")
_CONTROL_RE = re.compile(f"[{_CONTROL}]")
_BIDI_RE = re.compile(f"[{_BIDI}]")


def safe(text: str) -> str:
    """Text as it may be shown or printed: every control, bidi and invisible character (other
    than newline and tab) becomes a visible escape, `\\u001b` for ESC. The escapes are also valid
    JSON and Python escapes of the same character, so JSON output stays the same data."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def safe_line(text: str) -> str:
    """`safe`, for a place that holds one line (a title, a list row): newlines and tabs too."""
    return safe(text).replace("\n", "\\n").replace("\t", " ")


def unsafe_char(text: str) -> re.Match[str] | None:
    """The first character the loader refuses in `text`, if any."""
    return _UNSAFE.search(text)


def kind(char: str) -> str:
    """Which rule a refused character breaks: 'control', 'bidi' or 'invisible'."""
    if _CONTROL_RE.match(char):
        return "control"
    return "bidi" if _BIDI_RE.match(char) else "invisible"


def codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def _escape(match: re.Match[str]) -> str:
    point = ord(match.group())
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    point -= 0x10000  # as a UTF-16 surrogate pair, the form JSON and JavaScript read
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
