"""An incident type in formats other tools read: Markdown to print, Mermaid and Graphviz DOT
for the triage tree, CSV for its decision table.

All text comes from untrusted YAML, so every format escapes it for its own syntax: nothing an
author writes can end a label, add a node, run HTML, or start a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import re

from playbook.model import IncidentType, Library, Question
from playbook.timebox import duration, grouped
from playbook.triage import Flow, analyse, decision_rows, flow


def export(incident: IncidentType, library: Library, form: str) -> str:
    # the formats of `playbook export`
    writers = {"md": markdown, "mermaid": mermaid, "dot": dot, "csv": decision_csv, "csv-rows": rows_csv}
    return writers[form](incident, library)


# --- The triage as a graph -------------------------------------------------------------------


def _graph_parts(plan: Flow, library: Library):
    """Nodes (id, label, is_outcome) and edges (source, target, answer label) with short ids
    of our own, so no author id can clash with a keyword of the target syntax."""
    keys = sorted(plan.nodes, key=plan.order.__getitem__)
    severities = {target for key in keys for _, target in plan.nodes[key].leads if target not in plan.nodes}
    if plan.start not in plan.nodes:  # a table with one outcome whatever the answers
        severities.add(plan.start)
    levels = sorted(severities, key=lambda s: (library.rank(s), s))
    ids = {key: f"q{i}" for i, key in enumerate(keys)} | {s: f"s{i}" for i, s in enumerate(levels)}
    nodes = [(ids[key], plan.nodes[key].question.ask, False) for key in keys]
    nodes += [(ids[s], _severity_label(s, library), True) for s in levels]
    edges = [
        (ids[key], ids[target], plan.nodes[key].question.answer(answer_id).label)
        for key in keys
        for answer_id, target in plan.nodes[key].leads
    ]
    return nodes, edges


def _severity_label(severity: str, library: Library) -> str:
    level = library.severity(severity)
    return f"{severity} {level.name}" if level else severity


_MERMAID_SAFE = re.compile(r"[A-Za-z0-9 ,.?!:;'()/+=-]")


def _mermaid_text(text: str) -> str:
    # Mermaid entity codes (#35;) for everything else: quotes, brackets, pipes, markup.
    return "".join(c if _MERMAID_SAFE.fullmatch(c) else f"#{ord(c)};" for c in " ".join(text.split()))


def mermaid(incident: IncidentType, library: Library) -> str:
    """The triage as a Mermaid flowchart (renders on GitHub, GitLab and most wikis)."""
    nodes, edges = _graph_parts(flow(incident.triage), library)
    lines = ["flowchart TD"]
    for node_id, label, is_outcome in nodes:
        lines.append(
            f'    {node_id}(["{_mermaid_text(label)}"])' if is_outcome else f'    {node_id}["{_mermaid_text(label)}"]'
        )
    for source, target, label in edges:
        lines.append(f'    {source} -->|"{_mermaid_text(label)}"| {target}')
    return "\n".join(lines) + "\n"


def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as \\n."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"\r\n|\r|\n", r"\\n", text) + '"'


def dot(incident: IncidentType, library: Library) -> str:
    """The triage as a Graphviz digraph: questions are boxes, severities are ovals."""
    nodes, edges = _graph_parts(flow(incident.triage), library)
    lines = [f"digraph {dot_quote(incident.id)} {{", "    rankdir=TB;", "    node [shape=box];"]
    for node_id, label, is_outcome in nodes:
        shape = ", shape=ellipse" if is_outcome else ""
        lines.append(f"    {dot_quote(node_id)} [label={dot_quote(label)}{shape}];")
    for source, target, label in edges:
        lines.append(f"    {dot_quote(source)} -> {dot_quote(target)} [label={dot_quote(label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- The decision table ----------------------------------------------------------------------


def decision_csv(incident: IncidentType, library: Library) -> str:
    """One row per path: the answer id to each question (empty: any answer) and the outcome.
    The same shape as a table-form triage, so a spreadsheet can be turned back into one.
    Only ids are written, and their schema patterns cannot start a spreadsheet formula."""
    questions = [q.id for q in incident.triage.questions]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*questions, "outcome"])
    for path in analyse(incident, library).paths:
        given = path.answers()
        writer.writerow([*(given.get(q, "") for q in questions), path.outcome])
    return buffer.getvalue()


def rows_csv(incident: IncidentType, library: Library) -> str:
    """One row per combination of known answers, every cell filled: the whole table, to compare
    row by row with a published one, and what `playbook import-table` reads back unchanged."""
    questions = [q.id for q in incident.triage.questions]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*questions, "outcome"])
    for combo, outcome in decision_rows(incident.triage):
        writer.writerow([*combo, outcome])
    return buffer.getvalue()


# --- The whole incident type as Markdown -----------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


_MD_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(text: str) -> str:
    """Author text as literal Markdown: one line, every markup character escaped, and nothing
    at its start that would open a list or a heading underline."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _MD_BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def markdown(incident: IncidentType, library: Library) -> str:
    category = library.category(incident.category)
    out = [f"# {md(incident.title)}", ""]
    out.append(
        f"*{md(category.name if category else incident.category)} · version {md(incident.version)} · "
        f"{md(incident.status)} · reviewed {md(incident.reviewed)}*"
    )
    out += ["", "Mentors: " + "; ".join(md(str(m)) for m in incident.mentors), "", md(incident.summary)]
    out += ["", "## Recognise it", ""] + [f"- {md(cue)}" for cue in incident.recognise]
    out += ["", "## When this response does not apply", ""]
    for item in incident.does_not_apply:
        see = f" (see `{item.see}`)" if item.see else ""
        out.append(f"- **{md(item.when)}**: {md(item.instead)}{see}")
    out += ["", *_triage_markdown(incident, library)]
    out += ["", "## Response", ""]
    for response in sorted(incident.responses, key=lambda r: library.rank(r.severity)):
        level = library.severity(response.severity)
        out += [f"### {md(_severity_label(response.severity, library))}", ""]
        if level:
            out += [f"*{md(level.definition)}* First action within {duration(level.first_action_within)}.", ""]
        for box, steps in grouped(response.steps):
            out += [f"**{box.capitalize()}**", ""]
            for step in steps:
                role = library.role(step.owner)
                owner = md(role.name if role else step.owner)
                out.append(f"- [ ] {md(step.do)} — {owner}, within {duration(step.within)}")
                if step.why:
                    out.append(f"  *Why:* {md(step.why)}")
                out += [f"  *Tip:* {md(tip)}" for tip in step.tips]
            out.append("")
    out += _optional_sections(incident)
    return "\n".join(out).rstrip("\n") + "\n"


def _triage_markdown(incident: IncidentType, library: Library) -> list[str]:
    triage = incident.triage
    analysis = analyse(incident, library)
    out = ["## Triage", ""]
    out.append(
        f"At most {analysis.worst_case} question{'s' * (analysis.worst_case != 1)}, "
        f"{analysis.mean:.1f} on average. If an answer is not known yet, every branch it leaves "
        "open is followed and the most severe possible outcome is acted on."
    )
    out.append("")
    for question in triage.questions:
        out.append(f"- **{md(question.ask)}**" + (f" {md(question.help)}" if question.help else ""))
        for answer in question.answers:
            out.append(f"  - {md(answer.label)}{_leads(triage, answer, library)}")
    questions = triage.questions
    out += ["", "Decision table (an empty cell matches any answer):", ""]
    out.append("| " + " | ".join(md(q.ask) for q in questions) + " | Severity |")
    out.append("|" + " --- |" * (len(questions) + 1))
    for path in analysis.paths:
        given = path.answers()
        cells = [_label(q, given.get(q.id)) for q in questions]
        out.append("| " + " | ".join(cells) + f" | {md(_severity_label(path.outcome, library))} |")
    return out


def _label(question: Question, answer_id: str | None) -> str:
    return md(question.answer(answer_id).label) if answer_id else ""


def _leads(triage, answer, library: Library) -> str:
    if answer.unknown:
        return " → follow every branch, act on the most severe"
    if answer.outcome:
        return f" → **{md(_severity_label(answer.outcome, library))}**"
    if answer.next:
        following = triage.question(answer.next)
        return f" → {md(following.ask) if following else md(answer.next)}"
    return ""  # table form: the decision table below gives the outcome


def _optional_sections(incident: IncidentType) -> list[str]:
    out: list[str] = []
    if incident.clocks:
        out += ["## Deadlines (jurisdiction-specific)", ""]
        for clock in incident.clocks:
            out.append(f"- {md(clock.sentence())}")
        out.append("")
    if incident.lessons:
        out += ["## Lessons learned", ""]
        for lesson in incident.lessons:
            out.append(f"- **Mistake:** {md(lesson.mistake)} **Instead:** {md(lesson.instead)}")
            if lesson.story:
                out.append(f"  {md(lesson.story)}")
        out.append("")
    if incident.drills:
        out += ["## Drills", ""] + [f"- **{md(d.title)}**: {md(d.briefing)}" for d in incident.drills] + [""]
    if incident.related:
        out += ["Related: " + ", ".join(f"`{r}`" for r in incident.related), ""]
    if incident.references:
        out += ["## References", ""]
        for ref in incident.references:
            url = ref.url if re.fullmatch(r"https?://[^\s<>()]+", ref.url) else md(ref.url)
            out.append(f"- [{md(ref.title)}](<{url}>)" if url == ref.url else f"- {md(ref.title)}: {url}")
        out.append("")
    return out
