"""One Problem type for every diagnostic, and the catalogue of stable codes.

Codes never change meaning once published: tools, suppressions and CI logs depend on them.
P0xx reading, P1xx YAML, P2xx schema, P3xx references, P4xx triage, P5xx lint, P6xx drills.
"""

from __future__ import annotations

from typing import Literal

import attrs

from playbook.safe import safe_line

Level = Literal["error", "warning"]

# code -> (level, one-line reason). `playbook rules` prints this table.
RULES: dict[str, tuple[Level, str]] = {
    "P001": ("error", "the file cannot be read"),
    "P002": ("error", "the file is larger than the size cap"),
    "P003": ("error", "the file is not valid UTF-8"),
    "P004": ("error", "the library folder has no library.yaml"),
    "P005": ("error", "a file name holds a control, bidirectional or invisible character"),
    "P006": ("error", "not a regular file inside the library folder (a link out of it, a link loop, a FIFO or device)"),
    "P101": ("error", "the YAML cannot be parsed"),
    "P102": ("error", "anchors and aliases are not allowed: write each value out"),
    "P103": ("error", "merge keys (<<) are not allowed: write each key out"),
    "P104": ("error", "explicit tags (!!str, !foo) are not allowed"),
    "P105": ("error", "a key appears twice in one mapping"),
    "P106": ("error", "keys must be plain text"),
    "P107": ("error", "a file holds exactly one YAML document"),
    "P108": ("error", "tab characters are not allowed: indent with spaces"),
    "P109": ("error", "a merge-conflict marker was left in the file"),
    "P110": ("error", "control characters are not allowed in text"),
    "P111": ("error", "bidirectional-override characters are not allowed in text"),
    "P112": ("error", "the document is nested deeper than the depth cap"),
    "P113": ("error", "the file is empty"),
    "P114": ("error", "zero-width or invisible formatting characters are not allowed in text"),
    "P201": ("error", "a required property is missing"),
    "P202": ("error", "a property is not part of the format"),
    "P203": ("error", "a value has the wrong type"),
    "P204": ("error", "a value breaks a rule of the format"),
    "P301": ("error", "an id is used twice"),
    "P302": ("error", "the file name does not match the id"),
    "P303": ("error", "the category is not in library.yaml"),
    "P304": ("error", "the role is not in library.yaml"),
    "P305": ("error", "the severity is not in library.yaml"),
    "P306": ("error", "the step id does not exist in this incident type"),
    "P307": ("error", "the related incident type does not exist"),
    "P308": ("error", "the question or answer id does not exist in this triage"),
    "P309": ("error", "an answer means a criterion that library.yaml does not define"),
    "P330": ("error", "a drill's modules overlap or an inject falls outside its module"),
    "P331": ("error", "a twist names an objective the drill does not have"),
    "P332": (
        "error",
        "a drill expects both or neither of `objectives` and `novel`, or a novel drill has a twist or reveals",
    ),
    "P310": ("error", "the id `novel` is kept for incidents no playbook covers"),
    "P401": ("error", "the triage form is incomplete: a tree needs `start`, a table needs `table`"),
    "P402": ("error", "an answer must lead to exactly one of: next question, outcome, unknown"),
    "P403": ("error", "a `next` names a question that does not exist"),
    "P404": ("error", "the triage has a cycle"),
    "P405": ("error", "a question can never be reached from the start"),
    "P406": ("error", "an answer's outcome is not a severity of the library"),
    "P407": ("error", "the triage is deeper than the library's limit"),
    "P408": ("error", "a more severe answer gives a milder outcome (not monotonic)"),
    "P409": ("warning", "the question's answer never changes the outcome"),
    "P410": ("error", "a combination of answers has no row in the decision table"),
    "P411": ("error", "rows of the decision table conflict"),
    "P412": ("error", "a question has more than one `unknown` answer"),
    "P413": ("warning", "a severity with a response can never be reached by the triage"),
    "P414": ("error", "a decision-table row names the `unknown` answer: leave the question out instead"),
    "P415": ("error", "the triage is too large to check: too many answer combinations or paths"),
    "P416": ("error", "two answers of one question have the same label"),
    "P417": ("error", "an answer leads to a severity milder than the floor its meaning sets (calibration)"),
    "P420": ("error", "a tree of nodes asks the same question twice on one path"),
    "P421": ("error", "the answer id `unknown` is kept for the 'not known' answer"),
    "P422": ("error", "two answers of a question take the same key"),
    "P423": ("error", "a CSV decision table is malformed: a header or row cannot be read"),
    "P501": ("warning", "the first step of a severity is later than its target time"),
    "P502": ("warning", "a severity the triage can reach has no response"),
    "P503": ("warning", "the playbook has not been reviewed within the library's review period"),
    "P504": ("warning", "a step does not say why it works"),
    "P505": ("warning", "a reference is not https"),
    "P506": ("warning", "a suppression names a file or code that does not exist"),
    "P507": ("warning", "text from the `playbook new` skeleton was left in a playbook that is no longer a draft"),
    "P508": ("warning", "a clock does not say who receives it and whether its deadline is a must or where feasible"),
    "P520": ("warning", "an answer's label begins with a number other than the digit that picks it"),
    "P601": ("warning", "a drill has no twist inject"),
    "P602": ("error", "a drill's expected severity cannot be reached by the triage"),
    "P603": (
        "warning",
        "a twist does not say what the proven response gets wrong or what adaptations a mentor accepts",
    ),
    "P604": ("warning", "a drill has no time jump: one module only"),
    "P605": ("warning", "a drill objective has no evaluator's guide"),
}


@attrs.frozen(order=False)
class Problem:
    """A located diagnostic, printed like a compiler's: `path:line:col: CODE message`."""

    path: str
    line: int
    col: int
    code: str
    message: str
    level: Level = attrs.field(default=attrs.Factory(lambda self: RULES[self.code][0], takes_self=True))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def sort_key(self) -> tuple:
        # Ties keep the order they were found in (the schema's order of properties), so every
        # list of problems must be built in a fixed order: never from a set.
        return (self.path, self.line, self.col, self.code)

    def as_dict(self) -> dict:
        return attrs.asdict(self)


def quote(value: object, limit: int = 40) -> str:
    """A value echoed in a message: cut short, with anything that could steer a terminal escaped."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = safe_line(text)
    return f"'{text}'" if isinstance(value, str) else text
