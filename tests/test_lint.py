"""Lint rules: each one fails on a small broken variant of the mini library, at the exact
position to fix, and stays silent on the clean mini library."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from playbook import review
from playbook.library import load, read_incident
from tests.conftest import DATA, MINI

ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")


def variant(*edits: tuple[str, str]) -> str:
    text = ALPHA
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique: {old!r}"
        text = text.replace(old, new)
    return text


def position(text: str, line_has: str, value: str) -> tuple[int, int]:
    """1-based line and column of `value` on the only line containing `line_has`."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line_has in line]
    assert len(lines) == 1, line_has
    return lines[0], text.splitlines()[lines[0] - 1].index(value) + 1


def alpha_problems(library_dir, text: str, library_yaml: str | None = None):
    files = {"alpha.yaml": text}
    if library_yaml is not None:
        files["library.yaml"] = library_yaml
    loaded = load(library_dir(files))
    return [(p.code, p.line, p.col, p.level) for p in loaded.problems if p.path.endswith("alpha.yaml")], loaded


def test_the_mini_library_passes_every_lint_rule(library_dir):
    problems, loaded = alpha_problems(library_dir, ALPHA)
    assert loaded.problems == ()


def test_p501_first_step_later_than_the_severity_target(library_dir):
    text = variant(
        (
            "{id: convene, do: Convene the team, owner: commander, within: 10,",
            "{id: convene, do: Convene the team, owner: commander, within: 20,",
        )
    )
    problems, loaded = alpha_problems(library_dir, text)
    sev1_line = text.splitlines().index("  SEV1:") + 2
    assert problems == [("P501", sev1_line, text.splitlines()[sev1_line - 1].index("20") + 1, "warning")]
    assert "within 15 min" in loaded.problems[0].message


def test_p501_counts_the_earliest_time_box_not_the_first_listed(library_dir):
    # `tell` is listed second but due at 10: the first action still meets SEV1's 15 minutes.
    text = variant(
        ("owner: commander, within: 10, why: Speed matters}", "owner: commander, within: 20, why: Speed matters}"),
        ("owner: comms, within: 30", "owner: comms, within: 10"),
    )
    problems, _ = alpha_problems(library_dir, text)
    assert problems == []


def test_p502_reachable_severity_without_response(library_dir):
    text = variant(
        ("  SEV3:\n    - {id: note, do: Write it down, owner: commander, within: 60, why: Patterns matter}\n", "")
    )
    problems, loaded = alpha_problems(library_dir, text)
    assert problems == [("P502", *position(text, "{id: no, label: No, outcome: SEV3}", "SEV3"), "warning")]
    assert "no response for SEV3" in loaded.problems[0].message


def test_p502_ignores_a_severity_only_an_unreachable_question_gives(library_dir):
    # `harm` is no longer asked; its SEV3 outcome cannot happen, so no response is needed.
    text = variant(
        ("{id: one, label: One team, next: harm}", "{id: one, label: One team, outcome: SEV2}"),
        ("  SEV3:\n    - {id: note, do: Write it down, owner: commander, within: 60, why: Patterns matter}\n", ""),
        ("reveals: {harm: yes}", "reveals: {scope: one}"),
    )
    problems, _ = alpha_problems(library_dir, text)
    assert [p for p in problems if p[0] == "P502"] == []
    assert ("P405", "error") in {(p[0], p[3]) for p in problems}  # the unreachable question itself is an error


def test_p502_in_table_form_points_at_the_row(library_dir):
    priority = (DATA / "triage" / "priority.yaml").read_text(encoding="utf-8")
    text = priority.replace(
        "  SEV4:\n    - {id: record, do: Record it, owner: commander, within: 240, why: Patterns matter}\n", ""
    )
    assert text != priority
    loaded = load(library_dir({"priority.yaml": text}, base=DATA / "triage"))
    assert [(p.code, p.line, p.col) for p in loaded.problems] == [("P502", *position(text, "{impact: low}", "SEV4"))]


@pytest.mark.parametrize("days, stale", [(3650, False), (3651, True)])
def test_p503_review_older_than_the_review_period(days, stale):
    loaded = load(MINI)  # its review period is 3650 days
    alpha, _ = read_incident(MINI / "alpha.yaml", loaded.library)  # with positions, as lint sees it
    today = date(2026, 10, 1) + timedelta(days=days)
    problems = review.stale_problems(alpha, loaded.library, today)
    if stale:
        assert [(p.code, p.line, p.col) for p in problems] == [("P503", *position(ALPHA, "reviewed:", "2026"))]
        assert "3651 days ago" in problems[0].message
    else:
        assert problems == []


def test_p503_runs_against_today_when_loading(library_dir):
    old = (date.today() - timedelta(days=4000)).isoformat()  # the mini library allows 3650
    text = variant(("reviewed: 2026-10-01", f"reviewed: {old}"))
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [("P503", *position(text, "reviewed:", old), "warning")]


def test_p503_uses_the_library_review_period(library_dir):
    old = (date.today() - timedelta(days=40)).isoformat()
    text = variant(("reviewed: 2026-10-01", f"reviewed: {old}"))
    library_yaml = (MINI / "library.yaml").read_text(encoding="utf-8").replace("review_days: 3650", "review_days: 30")
    problems, _ = alpha_problems(library_dir, text, library_yaml)
    assert [p[0] for p in problems] == ["P503"]


def test_p504_step_without_why(library_dir):
    text = variant((", within: 30, why: Rumours spread}", ", within: 30}"))
    problems, loaded = alpha_problems(library_dir, text)
    assert problems == [("P504", *position(text, "{id: tell", "{id: tell"), "warning")]
    assert "'tell'" in loaded.problems[0].message


def test_p505_reference_not_https(library_dir):
    text = variant(("url: https://example.org/standard", "url: http://example.org/standard"))
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [("P505", *position(text, "url:", "http:"), "warning")]


def test_p505_also_covers_the_links_of_deadlines(library_dir):
    clock = (
        "clocks:\n  - {what: Tell the regulator, within: 72 hours, starts: awareness,"
        " jurisdiction: EU, source: GDPR Art. 33, recipient: the supervisory authority, duty: where-feasible,"
        " url: http://example.org/gdpr}\n"
    )
    text = variant(("triage:\n", clock + "triage:\n"))
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [("P505", *position(text, "http://example.org/gdpr", "http:"), "warning")]


def test_p508_a_clock_must_say_whom_to_tell_and_whether_it_binds(library_dir):
    clock = (
        "clocks:\n  - {what: Tell the regulator, within: 72 hours, starts: awareness, jurisdiction: EU, source: GDPR}\n"
    )
    text = variant(("triage:\n", clock + "triage:\n"))
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [("P508", *position(text, "Tell the regulator", "{what"), "warning")]
    told = text.replace("source: GDPR}", "source: GDPR, recipient: the supervisory authority, duty: must}")
    assert alpha_problems(library_dir, told)[0] == []


def test_p601_drill_without_twist(library_dir):
    text = variant((", twist: true,", ","))
    problems, loaded = alpha_problems(library_dir, text)
    assert problems == [("P601", *position(text, "    injects:", "injects"), "warning")]
    assert "drill 'dark'" in loaded.problems[0].message


def test_p602_drill_expects_a_severity_the_triage_never_gives(library_dir):
    text = variant(
        ("{id: yes, label: Yes, outcome: SEV2}", "{id: yes, label: Yes, outcome: SEV1}"),
        ("  SEV2:\n    - {id: convene, do: Convene the team, owner: commander, within: 20, why: Speed matters}\n", ""),
    )
    problems, loaded = alpha_problems(library_dir, text)
    assert problems == [("P602", *position(text, "severity: SEV2", "SEV2"), "error")]
    assert "alpha.yaml" in " ".join(loaded.failed)  # an error: the file is left out


def test_p304_step_owner_not_in_the_roles_catalogue(library_dir):
    text = variant(("owner: comms", "owner: press-office"))
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [("P304", *position(text, "press-office", "press-office"), "error")]


def test_p306_lesson_and_drill_steps_must_exist(library_dir):
    text = variant(
        ("steps: [convene]", "steps: [convene-now]"), ("{step: convene, weight: 2}", "{step: gather, weight: 2}")
    )
    problems, _ = alpha_problems(library_dir, text)
    assert problems == [
        ("P306", *position(text, "convene-now", "convene-now"), "error"),
        ("P306", *position(text, "step: gather", "gather"), "error"),
    ]


SUPPRESS = """
suppress:
  - file: alpha.yaml
    code: {code}
    reason: The standard is only published over http.
"""


def library_with(suppress: str) -> str:
    return (MINI / "library.yaml").read_text(encoding="utf-8") + suppress


def test_a_suppression_silences_one_warning_in_one_file(library_dir):
    text = variant(("url: https://example.org/standard", "url: http://example.org/standard"))
    beta = (MINI / "beta.yaml").read_text(
        encoding="utf-8"
    ) + "references:\n  - {title: Old, url: http://example.org/old}\n"
    loaded = load(
        library_dir({"alpha.yaml": text, "beta.yaml": beta, "library.yaml": library_with(SUPPRESS.format(code="P505"))})
    )
    assert [(p.path.rsplit("/", 1)[-1], p.code) for p in loaded.problems] == [("beta.yaml", "P505")]


def test_a_suppression_never_silences_an_error(library_dir):
    text = variant(("owner: comms", "owner: press-office"))
    loaded = load(library_dir({"alpha.yaml": text, "library.yaml": library_with(SUPPRESS.format(code="P304"))}))
    codes = sorted((p.path.rsplit("/", 1)[-1], p.code) for p in loaded.problems)
    assert codes == [("alpha.yaml", "P304"), ("library.yaml", "P506")]
    assert any("errors cannot be silenced" in p.message for p in loaded.problems)


@pytest.mark.parametrize(
    "file, code, wrong, message",
    [
        ("gamma.yaml", "P505", "file", "no such file"),
        ("alpha.yaml", "P999", "code", "not a rule"),
    ],
)
def test_p506_suppression_naming_a_missing_file_or_unknown_code(library_dir, file, code, wrong, message):
    suppress = SUPPRESS.format(code=code).replace("alpha.yaml", file)
    library_yaml = library_with(suppress)
    loaded = load(library_dir({"library.yaml": library_yaml}))
    assert [(p.code, p.level) for p in loaded.problems] == [("P506", "warning")]
    problem = loaded.problems[0]
    value = file if wrong == "file" else code
    assert (problem.line, problem.col) == position(library_yaml, f"{wrong}: {value}", value)
    assert message in problem.message
    assert loaded.library is not None  # a warning: the library stays usable


def test_p507_skeleton_guidance_left_in_a_reviewed_playbook(capsys, library_dir):
    from playbook.cli import main
    from playbook.scaffold import PROMPTS

    root = library_dir()
    assert main(["--library", str(root), "new", "gamma", "--category", "cyber", "--title", "Gamma"]) == 0
    path = root / "gamma.yaml"
    draft = path.read_text(encoding="utf-8")
    assert load(root).problems == ()  # a draft may hold the guidance
    path.write_text(
        draft.replace("status: draft", "status: reviewed").replace(PROMPTS["cue"], "Screens flicker"), encoding="utf-8"
    )
    problems = [p for p in load(root).problems if p.code == "P507"]
    text = path.read_text(encoding="utf-8")
    left = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if not line.lstrip().startswith("#") and any(v in line for v in PROMPTS.values())
    ]
    lines = text.splitlines()
    # A folded block (`summary: >-`) is located where it starts, on its key's line.
    expected = [n - 1 if ">-" in lines[n - 2] else n for n, _ in left]
    assert [p.line for p in problems] == expected
    assert len(problems) >= len(PROMPTS) - 1
    assert all(p.level == "warning" and "status is reviewed" in p.message for p in problems)
