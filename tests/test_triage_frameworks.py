"""Published severity tables encoded as an organisation keeps them: the ITIL impact x urgency
matrix (2 questions) and CISA's SSVC coordinator table (4 questions), each written as a table
and as a tree whose nodes share questions. Both forms must walk, check and export alike, and
every row must be answerable from the command line."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import attrs
import pytest

from playbook.cli import main
from playbook.export import export
from playbook.library import load
from playbook.triage import Walk, analyse, decision_rows, flow, paths

DATA = Path(__file__).parent / "data"
ITIL, SSVC = DATA / "itil", DATA / "ssvc"
FRAMEWORKS = [(ITIL, "itil-table", "itil-tree"), (SSVC, "ssvc-table", "ssvc-tree")]

# CISA SSVC coordinator decision table 2.0.3: exploitation, automatable, technical impact, and the
# outcome for mission & well-being low, medium, high (T Track, T* Track*, AT Attend, AC Act).
SSVC_PUBLISHED = """
none no partial T T T
none no total T T T*
none yes partial T T AT
none yes total T T AT
poc no partial T T T*
poc no total T T* AT
poc yes partial T T AT
poc yes total T T* AT
active no partial T T AT
active no total T AT AC
active yes partial AT AT AC
active yes total AT AC AC
"""
SSVC_LEVELS = {"T": "TRACK", "T*": "TRACKSTAR", "AT": "ATTEND", "AC": "ACT"}
ITIL_PUBLISHED = {  # (impact, urgency) -> priority, as the ITIL matrix prints it
    ("high", "high"): "P1",
    ("high", "medium"): "P2",
    ("high", "low"): "P3",
    ("medium", "high"): "P2",
    ("medium", "medium"): "P3",
    ("medium", "low"): "P4",
    ("low", "high"): "P3",
    ("low", "medium"): "P4",
    ("low", "low"): "P5",
}


def published(root: Path) -> dict[tuple[tuple[str, str], ...], str]:
    """Each published row as ((question, answer), ...) -> severity id."""
    if root == ITIL:
        return {(("impact", i), ("urgency", u)): p for (i, u), p in ITIL_PUBLISHED.items()}
    rows = {}
    for line in SSVC_PUBLISHED.split("\n"):
        if not line.strip():
            continue
        exploitation, automatable, impact, *outcomes = line.split()
        for mission, outcome in zip(("low", "medium", "high"), outcomes, strict=True):
            key = (
                ("exploitation", exploitation),
                ("automatable", automatable),
                ("technical-impact", impact),
                ("mission", mission),
            )
            rows[key] = SSVC_LEVELS[outcome]
    return rows


@pytest.fixture(scope="module")
def libraries():
    return {root: load(root) for root in (ITIL, SSVC)}


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_both_forms_load_clean_and_give_every_published_row(libraries, root, table, tree):
    loaded = libraries[root]
    assert [str(p) for p in loaded.problems] == []
    expected = published(root)
    assert len(expected) == (9 if root == ITIL else 36)
    for incident_id in (table, tree):
        incident = loaded.library.type(incident_id)
        ids = [q.id for q in incident.triage.questions]
        rows = {tuple(zip(ids, combo, strict=True)): outcome for combo, outcome in decision_rows(incident.triage)}
        assert rows == expected
    # The tree asks each question once though several nodes ask it; none is switched off.
    tree_triage = loaded.library.type(tree).triage
    assert tree_triage.has_nodes and all(q.ordered for q in tree_triage.questions)
    assert len({n.question for n in tree_triage.nodes}) < len(tree_triage.nodes)


def _walks(incident, library):
    """Every walk a leader can take, unknown answers included: (questions asked, outcome range)."""
    found = []

    def visit(walk: Walk) -> None:
        if walk.done:
            found.append(([(q.id, a.id) for q, a in walk.answered], walk.possible))
            return
        for answer in walk.question.answers:
            visit(walk.answer(answer.id))

    visit(Walk.start(incident, library))
    return found


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_table_and_tree_walk_check_and_export_alike(libraries, root, table, tree):
    library = libraries[root].library
    as_table, as_tree = library.type(table), library.type(tree)
    assert _walks(as_table, library) == _walks(as_tree, library)
    assert analyse(as_table, library) == analyse(as_tree, library)
    for form in ("csv", "csv-rows", "mermaid"):
        assert export(as_table, library, form) == export(as_tree, library, form), form
    assert export(as_table, library, "dot").replace(table, tree) == export(as_tree, library, "dot")

    def triage_section(incident) -> str:
        text = export(incident, library, "md")
        return text[text.index("## Triage") : text.index("## Response")]

    assert triage_section(as_table) == triage_section(as_tree)


def _break_order(text: str, root: Path, tree: bool) -> str:
    """The same change to both forms: the most severe combination now gives a milder outcome."""
    if root == ITIL:
        old = "high: P1}" if tree else "{impact: high, urgency: high}, outcome: P1}"
        new = "high: P3}" if tree else "{impact: high, urgency: high}, outcome: P3}"
    else:
        row = "{exploitation: active, automatable: yes, technical-impact: total, mission: high}, outcome: "
        old = "{low: ATTEND, medium: ACT, high: ACT}" if tree else f"{row}ACT}}"
        new = "{low: ATTEND, medium: ACT, high: TRACK}" if tree else f"{row}TRACK}}"
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_both_forms_report_the_same_broken_order(library_dir, root, table, tree):
    texts = {
        f"{name}.yaml": _break_order((root / f"{name}.yaml").read_text(encoding="utf-8"), root, name == tree)
        for name in (table, tree)
    }
    loaded = load(library_dir(texts, base=root))
    found = {
        name: sorted((p.code, p.message) for p in loaded.problems if p.path.endswith(f"{name}.yaml"))
        for name in (table, tree)
    }
    assert found[table] == found[tree]
    assert {code for code, _ in found[table]} >= {"P408"}


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_every_published_row_is_answerable_from_the_command_line(capsys, root, table, tree):
    for incident_id in (table, tree):
        for row, outcome in published(root).items():
            argv = ["--library", str(root), "triage", incident_id, "--format", "json"]
            argv += [arg for q, a in row for arg in ("--answer", f"{q}={a}")]
            assert main(argv) == 0, row
            data = json.loads(capsys.readouterr().out)
            assert data["severity"] == outcome, row
            asked = [(p["question"], p["answer"]) for p in data["path"]]
            unused = [(u["question"], u["answer"]) for u in data["unused"]]
            # Every answer given is either on the path or listed as not needed: none is dropped.
            assert sorted(asked + unused) == sorted(row)


def test_a_shared_question_is_answered_once_from_the_command_line(capsys):
    # Written as copies (urgency, urgency-2, urgency-3), only 3 of the 9 rows were answerable.
    for impact in ("low", "medium", "high"):
        argv = ["--library", str(ITIL), "triage", "itil-tree", "--answer", f"impact={impact}"]
        assert main([*argv, "--answer", "urgency=high"]) == 0
        assert ITIL_PUBLISHED[impact, "high"] in capsys.readouterr().out


def test_a_table_keeps_the_frameworks_own_question_order(libraries):
    library = libraries[SSVC].library
    table = library.type("ssvc-table").triage
    order = [q.id for q in table.questions]
    written = paths(flow(table))
    assert table.order == "written" and flow(table).nodes[flow(table).start].question.id == "exploitation"
    for path in written:
        asked = [q for q, _ in path.steps]
        assert asked == sorted(asked, key=order.index)
    # A question that cannot change the outcome any more is skipped, not asked for form's sake:
    # no exploitation, not automatable, partial impact is Track whatever the mission.
    assert (("exploitation", "none"), ("automatable", "no"), ("technical-impact", "partial")) in {
        p.steps for p in written
    }
    # Left to itself the compiler finds a shorter tree in another order (SSVC's 20 paths).
    fewest = paths(flow(attrs.evolve(table, order="fewest")))
    assert len(fewest) == 20 < len(written) == 31
    assert any([q for q, _ in p.steps] != sorted((q for q, _ in p.steps), key=order.index) for p in fewest)


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_export_offers_every_row_as_well_as_the_compiled_paths(libraries, root, table, tree):
    library = libraries[root].library
    incident = library.type(table)
    rows = export(incident, library, "csv-rows").splitlines()
    questions = [q.id for q in incident.triage.questions]
    assert rows[0] == ",".join([*questions, "outcome"])
    body = [line.split(",") for line in rows[1:]]
    assert len(body) == len(published(root)) and all(all(cells) for cells in body)
    assert {tuple(zip(questions, cells[:-1], strict=True)): cells[-1] for cells in body} == published(root)


def test_the_compiled_paths_of_ssvc_leave_cells_empty_for_any_answer(libraries):
    library = libraries[SSVC].library
    incident = library.type("ssvc-table")
    incident = attrs.evolve(incident, triage=attrs.evolve(incident.triage, order="fewest"))
    lines = export(incident, library, "csv").splitlines()
    assert len(lines) == 21 and any(",," in line or line.startswith(",") for line in lines[1:])


def test_walk_answers_any_questions_not_known_answer_by_the_generic_word(libraries):
    library = libraries[SSVC].library
    walk = Walk.start(library.type("ssvc-tree"), library).answer("unknown")
    assert walk.answered[0][1].id == "unsure" and walk.answered[0][1].unknown
    assert walk.question.id == "automatable"


@pytest.mark.parametrize("count", range(1, 3))
def test_every_ordering_of_unknowns_settles_on_the_most_severe(libraries, count):
    library = libraries[SSVC].library
    for incident_id in ("ssvc-table", "ssvc-tree"):
        incident = library.type(incident_id)
        for unknown in itertools.combinations(("exploitation", "automatable"), count):
            walk = Walk.start(incident, library)
            while not walk.done:
                walk = walk.answer("unknown" if walk.question.id in unknown else walk.question.known_answers[-1].id)
            assert walk.severity == "ACT"


def test_the_label_numbers_agree_with_the_keys(libraries):
    library = libraries[ITIL].library
    question = library.type("itil-table").triage.question("impact")
    shown = [(digit, answer.label) for digit, answer in question.keyed]
    assert [d for d, _ in shown] == [1, 2, 3, 4]
    for digit, label in shown[:3]:
        assert re.match(rf"{digit} - ", label)


@pytest.mark.parametrize(("root", "table", "tree"), FRAMEWORKS)
def test_the_pocket_card_and_the_handbook_draw_both_forms_alike(libraries, root, table, tree):
    from datetime import date

    from playbook.handbook import cards, first_questions, handbook

    library = libraries[root].library
    as_table, as_tree = library.type(table), library.type(tree)
    # A question asked at several nodes is one question on the card.
    asked = [q.id for q in first_questions(as_tree.triage)]
    assert asked == [q.id for q in first_questions(as_table.triage)] and len(asked) == len(set(asked))

    def drawn(incident) -> str:
        text = handbook(library, [incident], printed=date(2026, 12, 1))
        return text[text.index('<ul class="tree">') : text.index("If an answer is not known")]

    assert drawn(as_table) == drawn(as_tree)
    card = cards(library, [as_tree], printed=date(2026, 12, 1))
    assert all(card.count(f"<li>{q.ask}</li>") == 1 for q in first_questions(as_tree.triage))
