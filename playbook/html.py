"""The parts every printed document shares: escaping, the page set-up and the print stylesheet.

Library text is untrusted. Everything an author wrote reaches the page through `esc`, which
escapes HTML and shows any control, bidi or invisible character as a visible code point, so a
file cannot add markup, scripts or hidden text to a handbook. Documents are self-contained: the
stylesheet is inline and names only fonts installed locally; nothing is fetched from anywhere.
"""

from __future__ import annotations

import html
import unicodedata

from playbook.model import Library
from playbook.timebox import duration

PAPERS = {"a4": "A4", "letter": "letter"}

# Never colour alone: every severity is a word and a symbol, readable on a black-and-white printer.
_MARKS = ("■■■■", "■■■□", "■■□□", "■□□□")


def _visible(char: str) -> str:
    if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf", "Co", "Cs"):
        return char
    return f"\\u{{{ord(char):04x}}}"  # shown, not obeyed


def esc(text: object) -> str:
    """Author text as inert HTML: markup escaped, control and invisible characters made visible."""
    return html.escape("".join(_visible(c) for c in str(text)), quote=True)


def severity_mark(library: Library, severity_id: str) -> str:
    """`■■■□ SEV2 Major`: the symbol for its rank, the id and the name."""
    level = library.severity(severity_id)
    if level is None:
        return esc(severity_id)
    mark = _MARKS[min(level.rank, len(_MARKS) - 1)]
    return f'<span class="sev"><span class="mark">{mark}</span> {esc(level.id)} {esc(level.name)}</span>'


STYLE = """
@page { size: %(paper)s; margin: 18mm 16mm 20mm 16mm;
  @bottom-left { content: "%(footer)s"; font-size: 8pt; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
@page cover { @bottom-left { content: none; } @bottom-right { content: none; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35; color: black; }
h1 { font-size: 20pt; margin: 0 0 4mm 0; }
h2 { font-size: 13pt; margin: 5mm 0 2mm 0; border-bottom: 0.6pt solid black; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm 0; break-after: avoid; }
h4 { font-size: 9.5pt; margin: 3mm 0 1mm 0; text-transform: uppercase; letter-spacing: 0.05em;
  break-after: avoid; }
p { margin: 0 0 2mm 0; }
ul { margin: 0 0 2mm 0; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%%; margin-bottom: 3mm; }
th, td { border: 0.5pt solid black; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
tr { break-inside: avoid; }
.cover { page: cover; text-align: left; padding-top: 60mm; }
.cover .sub { font-size: 12pt; margin-bottom: 12mm; }
.type, .front, .contents { break-before: page; }
.meta { font-style: italic; margin-bottom: 3mm; }
.sev .mark { font-family: "DejaVu Sans Mono", monospace; letter-spacing: -0.05em; }
.step { break-inside: avoid; margin: 0 0 2.5mm 0; padding-left: 6mm; text-indent: -6mm; }
.step .box { font-family: "DejaVu Sans Mono", monospace; }
.step .why, .step .notwhen, .step .tip { text-indent: 0; margin: 0.6mm 0 0 0; }
.notwhen { border-left: 1.5pt solid black; padding-left: 2mm; }
.label { font-weight: bold; }
.toc a { color: black; text-decoration: none; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
.toc li { list-style: none; margin-left: -5mm; }
.tree, .tree ul { list-style: none; padding-left: 5mm; margin: 0; }
.tree { padding-left: 0; }
.tree li { border-left: 0.6pt solid black; padding-left: 3mm; margin: 0.8mm 0; break-inside: avoid; }
.tree .q { font-weight: bold; }
.tree .a::before { content: "→ "; }
.clock, .lesson { break-inside: avoid; margin-bottom: 2.5mm; }
.muted { color: #333; }
.facilitator-only { border: 1pt solid black; padding: 2mm; }
"""


def document(title: str, body: str, *, paper: str, footer: str, extra_style: str = "") -> str:
    """A whole HTML page with the print stylesheet for `paper` (a4 or letter)."""
    style = STYLE % {"paper": PAPERS[paper], "footer": _css_string(footer)} + extra_style
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{style}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _css_string(text: str) -> str:
    """Text safe inside a CSS double-quoted string (the page footer)."""
    return "".join(c if c.isalnum() or c in " .,-·:" else f"\\{ord(c):x} " for c in text)


def role_name(library: Library, role_id: str) -> str:
    role = library.role(role_id)
    return esc(role.name if role else role_id)


def scale_section(library: Library) -> str:
    """The severity scale with each level's duties: first action, who to notify, update cadence."""
    rows = []
    for level in library.severities:
        notify = ", ".join(role_name(library, r) for r in level.notify) or "no one beyond the owning team"
        rows.append(
            f"<tr><td>{severity_mark(library, level.id)}</td><td>{esc(level.definition)}</td>"
            f"<td>{duration(level.first_action_within)}</td><td>{notify}</td>"
            f"<td>every {duration(level.update_every)}</td></tr>"
        )
    head = "<tr><th>Severity</th><th>What makes it</th><th>First action within</th><th>Notify</th><th>Updates</th></tr>"
    return f'<section class="scale"><h2>The severity scale</h2><table>{head}{"".join(rows)}</table></section>'


def roles_section(library: Library) -> str:
    rows = "".join(f"<tr><td>{esc(r.name)}</td><td>{esc(r.duties)}</td></tr>" for r in library.roles)
    return f"<section><h2>Roles</h2><table><tr><th>Role</th><th>Duties</th></tr>{rows}</table></section>"
