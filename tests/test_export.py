"""Exports other tools can read: DOT and Mermaid that parse back to the same tree, whatever
the labels say; CSV decision tables that give the triage's outcome; Markdown that prints."""

from __future__ import annotations

import csv
import io
import itertools
import re

import networkx as nx
import pytest

from playbook.export import dot, export, markdown, mermaid
from playbook.library import load
from playbook.triage import graph, matching_rows
from tests.test_triage_checks import TEXT, TRIAGE
from tests.test_triage_walk import LIBRARY, OUTAGE, PRIORITY

# Labels an author (or an attacker) could write; the loader refuses control characters.
HOSTILE = {
    "label: All customers": 'label: \'All "customers" \\" \\n ]; q9 -> s0 [label=x] {}\'',
    "label: No customers": "label: 'No | pipe |\"| --> <b>bold</b> #quot; end'",
    "ask: Are customers affected?": "ask: 'Are \"customers\" affected? }]) graph G {'",
}


@pytest.fixture
def hostile(library_dir):
    text = TEXT["outage.yaml"]
    for old, new in HOSTILE.items():
        text = text.replace(old, new, 1)
    loaded = load(library_dir({"outage.yaml": text}, base=TRIAGE))
    assert loaded.problems == ()
    return loaded.library, loaded.library.type("outage")


# --- DOT: a small reader for the subset the exporter writes, strict about quoting -----------

_STRING = r'"((?:[^"\\]|\\.)*)"'
_NODE = re.compile(rf"^    {_STRING} \[label={_STRING}(, shape=ellipse)?\];$")
_EDGE = re.compile(rf"^    {_STRING} -> {_STRING} \[label={_STRING}\];$")


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text)


def read_dot(text: str) -> nx.MultiDiGraph:
    lines = text.splitlines()
    assert re.fullmatch(rf"digraph {_STRING} \{{", lines[0]) and lines[-1] == "}"
    assert lines[1:3] == ["    rankdir=TB;", "    node [shape=box];"]
    read = nx.MultiDiGraph()
    for line in lines[3:-1]:
        if node := _NODE.match(line):
            read.add_node(_unquote(node[1]), label=_unquote(node[2]), outcome=bool(node[3]))
        else:
            edge = _EDGE.match(line)
            assert edge, f"not a statement the exporter writes: {line!r}"
            read.add_edge(_unquote(edge[1]), _unquote(edge[2]), label=_unquote(edge[3]))
    return read


def labelled(tree: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    label = nx.get_node_attributes(tree, "label")
    return {(label[a], label[b], data["label"]) for a, b, data in tree.edges(data=True)}


def expected_edges(incident, library) -> set[tuple[str, str, str]]:
    triage = incident.triage
    asks = {q.id: q.ask for q in triage.questions}
    names = {s.id: f"{s.id} {s.name}" for s in library.severities}
    return {
        (asks[a], asks.get(b) or names[b], triage.question(a).answer(answer).label)
        for a, b, data in graph(triage).edges(data=True)
        for answer in data["answers"]
    }


def test_dot_reads_back_as_the_same_tree(hostile):
    library, incident = hostile
    read = read_dot(dot(incident, library))
    assert labelled(read) == expected_edges(incident, library)
    assert 'All "customers" \\" \\n ]; q9 -> s0 [label=x] {}' in {d["label"] for *_, d in read.edges(data=True)}
    assert sum(outcome for _, outcome in read.nodes(data="outcome")) == 4
    assert nx.is_directed_acyclic_graph(read)


def test_dot_of_a_table_is_its_compiled_tree():
    read = read_dot(dot(PRIORITY, LIBRARY))
    label = nx.get_node_attributes(read, "label")
    assert sorted(label[n] for n in read if not read.nodes[n]["outcome"]) == [
        "How much of the business is hit?",
        "How soon does it hurt?",
        "How soon does it hurt?",
    ]
    assert read.number_of_edges() == 7


# --- Mermaid ----------------------------------------------------------------------------------

_M_NODE = re.compile(r'^    (q\d+|s\d+)(?:\["([^"]*)"\]|\(\["([^"]*)"\]\))$')
_M_EDGE = re.compile(r'^    (q\d+) -->\|"([^"|]*)"\| ([qs]\d+)$')


def _entities(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), text)


def test_mermaid_encodes_every_label_and_reads_back(hostile):
    library, incident = hostile
    lines = mermaid(incident, library).splitlines()
    assert lines[0] == "flowchart TD"
    labels, edges = {}, set()
    for line in lines[1:]:
        if node := _M_NODE.match(line):
            labels[node[1]] = _entities(node[2] if node[2] is not None else node[3])
        else:
            edge = _M_EDGE.match(line)
            assert edge, f"not a statement the exporter writes: {line!r}"
            edges.add((edge[1], edge[3], _entities(edge[2])))
    assert {(labels[a], labels[b], label) for a, b, label in edges} == expected_edges(incident, library)
    assert "<b>" not in "\n".join(lines) and "end" not in labels  # no HTML, no keyword ids


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize("incident", [OUTAGE, PRIORITY], ids=["tree", "table"])
def test_csv_gives_the_outcome_of_every_combination(incident):
    rows = list(csv.reader(io.StringIO(export(incident, LIBRARY, "csv"))))
    header, body = rows[0], rows[1:]
    questions = incident.triage.questions
    assert header == [*(q.id for q in questions), "outcome"]
    for combo in itertools.product(*([a.id for a in q.known_answers] for q in questions)):
        hits = [
            row[-1] for row in body if all(cell in ("", answer) for cell, answer in zip(row[:-1], combo, strict=True))
        ]
        assert len(hits) == 1, combo  # each combination on exactly one row
        if incident.triage.is_table:
            assert {r.outcome for r in matching_rows(incident.triage)[combo]} == {hits[0]}


def test_csv_of_the_outage_tree():
    assert export(OUTAGE, LIBRARY, "csv").splitlines() == [
        "customers,internal,data,outcome",
        "none,no,,SEV4",
        "none,yes,,SEV3",
        "some,,no,SEV3",
        "some,,yes,SEV2",
        "all,,,SEV1",
    ]


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_has_every_part_a_reader_needs():
    text = markdown(OUTAGE, LIBRARY)
    assert text.startswith("# Service outage\n")
    for heading in ("## Recognise it", "## Triage", "## Response", "### SEV1 Critical", "### SEV4 Minor"):
        assert f"\n{heading}\n" in text
    assert "At most 2 questions, 1.8 on average." in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table) == 2 + 5  # header, rule, and one row per path
    assert "| Some customers |  | Yes | SEV2 Major |" in table
    assert "- [ ] Convene the crisis team — Incident commander, within 10 minutes" in text


def test_markdown_shows_author_text_literally(hostile):
    from markdown_it import MarkdownIt  # ships with rich, which textual needs

    library, incident = hostile
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown(incident, library))
    kinds = [t.type for t in tokens]
    assert not {"html_block", "html_inline"} & {t.type for t in tokens for t in [t, *(t.children or [])]}
    assert kinds.count("table_open") == 1 and kinds.count("tr_open") == 1 + 5
    cells = [
        "".join(child.content for child in t.children)  # the text a reader sees
        for i, t in enumerate(tokens)
        if t.type == "inline" and kinds[i - 1] in ("th_open", "td_open")
    ]
    assert len(cells) == 6 * 4  # escaped pipes add no columns
    assert 'No | pipe |"| --> <b>bold</b> #quot; end' in cells  # the label, word for word


def test_the_bundled_library_exports_in_every_format(bundled):
    for incident in bundled.library.types:
        for form in ("md", "mermaid", "dot", "csv"):
            assert export(incident, bundled.library, form).strip()
        if not incident.triage.is_table:
            assert labelled(read_dot(dot(incident, bundled.library))) == expected_edges(incident, bundled.library)
