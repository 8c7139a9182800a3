"""How long the triage checks take on the largest triages they accept, and on ones they refuse.

    python benchmarks/triage_checks.py

Each case is one generated incident file in a copy of tests/data/triage (depth limit raised to 5),
loaded with playbook.library.load, which runs every check. Prints seconds and the triage codes.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playbook.library import load  # noqa: E402
from tests.conftest import write_library  # noqa: E402

BASE = ROOT / "tests" / "data" / "triage"
HEAD = (BASE / "outage.yaml").read_text(encoding="utf-8").split("triage:\n")[0]
RESPONSES = "responses:\n" + "".join(
    f"  SEV{n}:\n    - {{id: act, do: Act, owner: commander, within: {10 * n}, why: Because}}\n" for n in range(1, 5)
)


def questions(count: int, answers: int, leads=lambda q, a: "") -> str:
    out = []
    for q in range(count):
        out.append(f"    q{q}:\n      ask: Question {q}?\n      ordered: false\n      answers:\n")
        out += [f"        - {{id: a{a}, label: Answer {a}{leads(q, a)}}}\n" for a in range(answers)]
    return "".join(out)


def tree(levels: list[int]) -> str:
    def leads(q, a):
        return f", next: q{q + 1}" if q + 1 < len(levels) else f", outcome: SEV{a % 4 + 1}"

    body = "".join(
        questions(1, n, lambda _, a, q=q: leads(q, a)).replace("q0", f"q{q}", 1) for q, n in enumerate(levels)
    )
    return f"triage:\n  start: q0\n  questions:\n{body}"


def table(count: int, answers: int, overlap: int = 0, full: bool = True) -> str:
    rows = (
        []
        if not full
        else [
            f"    - {{when: {{{', '.join(f'q{i}: a{a}' for i, a in enumerate(combo))}}}, outcome: SEV{sum(combo) % 4 + 1}}}\n"
            for combo in itertools.product(range(answers), repeat=count)
        ]
    )
    rows += ["    - {when: {}, outcome: SEV1}\n"] * overlap
    return f"triage:\n  questions:\n{questions(count, answers)}  table:\n{''.join(rows)}"


CASES = {
    "tree 9x9x4x3 (972 paths, accepted)": tree([9, 9, 4, 3]),
    "tree 9x9x5x3 (1215 paths, refused)": tree([9, 9, 5, 3]),
    "table 3 questions x 9 answers (729 rows, accepted)": table(3, 9),
    "table 4 questions x 9 answers (6561 rows: too many paths)": table(4, 9),
    "table 5 questions x 9 answers, one row (accepted)": table(5, 9, overlap=1, full=False),
    "table 5 questions x 9 answers, the last decides (accepted)": table(5, 9, full=False).replace(
        "  table:\n",
        "  table:\n" + "".join(f"    - {{when: {{q4: a{a}}}, outcome: SEV{a % 4 + 1}}}\n" for a in range(9)),
    ),
    "table 5 questions x 9 answers, the last decides, order: written (accepted)": table(5, 9, full=False).replace(
        "  table:\n",
        "  order: written\n  table:\n"
        + "".join(f"    - {{when: {{q4: a{a}}}, outcome: SEV{a % 4 + 1}}}\n" for a in range(9)),
    ),
    "table 4 questions x 9 answers, order: written (6561 rows: too many paths)": table(4, 9).replace(
        "  table:\n", "  order: written\n  table:\n"
    ),
    "table 6 questions x 9 answers, one row (refused)": table(6, 9, overlap=1, full=False),
    "table 3x9 + 2000 rows matching everything (refused)": table(3, 9, overlap=2000),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, triage in CASES.items():
            library = (BASE / "library.yaml").read_text(encoding="utf-8").replace("triage_depth: 3", "triage_depth: 5")
            root = write_library(
                Path(tmp) / str(abs(hash(name))),
                {"library.yaml": library, "outage.yaml": HEAD + triage + RESPONSES},
                base=BASE,
            )
            started = time.perf_counter()
            loaded = load(root)
            took = time.perf_counter() - started
            codes = sorted(
                {p.code for p in loaded.problems if p.path.endswith("outage.yaml") and p.code.startswith("P4")}
            )
            print(f"{took:7.2f} s  {name}: {', '.join(codes) or 'no triage problems'}")


if __name__ == "__main__":
    main()
