"""The library on paper: a handbook for the grab binder, and one pocket card per incident type.

Both are HTML with a print stylesheet (`playbook.pdf` turns them into PDF). The same library and
the same printed date give the same bytes, so a binder can be reprinted and compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from playbook.html import document, esc, role_name, roles_section, scale_section, severity_mark
from playbook.model import IncidentType, Library, Question, Step, Triage
from playbook.timebox import duration, grouped
from playbook.triage import flow

CARD_STYLE = """
@page { size: A6; margin: 7mm 7mm 9mm 7mm;
  @bottom-left { content: none; } @bottom-right { content: none; }
  @bottom-center { content: "%s"; font-size: 6pt; } }
html { font-size: 7pt; line-height: 1.25; }
h1 { font-size: 11pt; margin: 0 0 1.5mm 0; }
h4 { font-size: 7pt; margin: 1.8mm 0 0.6mm 0; }
ul { padding-left: 3.5mm; margin: 0; }
.card { break-before: page; }
.card:first-child { break-before: auto; }
.step { margin: 0 0 0.8mm 0; padding-left: 3.5mm; text-indent: -3.5mm; }
"""

FIRST_MINUTES = 15  # what a pocket card covers: the first moves, not the whole response
CARD_CUES = 4  # recognition cues on a card
CARD_QUESTIONS = 3


def handbook(library: Library, types: Sequence[IncidentType], *, printed: date, paper: str = "a4") -> str:
    """The whole binder: cover, contents, severity scale, roles, then each type on its own pages."""
    front = f'<div class="front">{scale_section(library)}{roles_section(library)}</div>'
    parts = [_cover(library, types, printed), _contents(types), front]
    parts += [_incident(library, incident) for incident in types]
    footer = f"{library.name} · version {library.version} · printed {printed.isoformat()}"
    return document(f"{library.name}: handbook", "\n".join(parts), paper=paper, footer=footer)


def cards(library: Library, types: Sequence[IncidentType], *, printed: date) -> str:
    """One A6 card per type: recognise it, the first triage questions, the first 15 minutes."""
    body = "\n".join(_card(library, incident) for incident in types)
    footer = f"{library.name} {library.version} · printed {printed.isoformat()}"
    style = CARD_STYLE % "".join(c if c.isalnum() or c in " .-·" else " " for c in footer)
    return document(f"{library.name}: cards", body, paper="a4", footer="", extra_style=style)


def selection(library: Library, ids: Sequence[str] = (), category: str | None = None) -> list[IncidentType]:
    """The types to print, in the library's order; unknown ids raise KeyError with the first."""
    for type_id in ids:
        if library.type(type_id) is None:
            raise KeyError(type_id)
    chosen = [t for t in library.types if (not ids or t.id in ids) and (category is None or t.category == category)]
    return sorted(chosen, key=lambda t: (t.category, t.title))


# --- The front matter ------------------------------------------------------------------------


def _cover(library: Library, types: Sequence[IncidentType], printed: date) -> str:
    return (
        '<section class="cover">'
        f"<h1>{esc(library.name)}</h1>"
        f'<p class="sub">Version {esc(library.version)} · printed {printed.isoformat()} · '
        f"{len(types)} incident type{'s' * (len(types) != 1)}</p>"
        f"<p>{esc(library.description)}</p>"
        "<p>Keep this binder where you can reach it when the systems are down. Check the printed "
        "date against the library's version before you rely on it.</p></section>"
    )


def _contents(types: Sequence[IncidentType]) -> str:
    items = "".join(f'<li><a href="#type-{esc(t.id)}">{esc(t.title)}</a></li>' for t in types)
    return f'<section class="contents"><h2>Contents</h2><ul class="toc">{items}</ul></section>'


# --- One incident type -----------------------------------------------------------------------


def _incident(library: Library, incident: IncidentType) -> str:
    category = library.category(incident.category)
    out = [f'<section class="type" id="type-{esc(incident.id)}">', f"<h1>{esc(incident.title)}</h1>"]
    out.append(
        f'<p class="meta">{esc(category.name if category else incident.category)} · version '
        f"{esc(incident.version)} · {esc(incident.status)}, last reviewed {esc(incident.reviewed)}</p>"
    )
    out.append(f"<p>{esc(incident.summary)}</p>")
    out.append("<h2>Recognise it</h2>" + _list(incident.recognise))
    out.append("<h2>When this response does not apply</h2>")
    out.append(
        _list(
            f'<span class="label">{esc(i.when)}</span>: {esc(i.instead)}'
            + (f" (see {esc(_title(library, i.see))})" if i.see else "")
            for i in incident.does_not_apply
        )
        if incident.does_not_apply
        else "<p>None stated.</p>"
    )
    out.append("<h2>Triage</h2>" + _tree(library, incident.triage))
    out.append("<h2>Response</h2>")
    for response in sorted(incident.responses, key=lambda r: library.rank(r.severity)):
        out.append(_response(library, response.severity, response.steps))
    if incident.clocks:
        out.append("<h2>Legal and regulatory clocks</h2>" + "".join(_clock(c) for c in incident.clocks))
    if incident.lessons:
        out.append("<h2>Lessons learned</h2>" + "".join(_lesson(lesson) for lesson in incident.lessons))
    out.append("</section>")
    return "\n".join(out)


def _title(library: Library, type_id: str) -> str:
    other = library.type(type_id)
    return other.title if other else type_id


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _response(library: Library, severity: str, steps: Sequence[Step]) -> str:
    level = library.severity(severity)
    out = [f"<h3>{severity_mark(library, severity)}</h3>"]
    if level:
        out.append(f'<p class="muted">First action within {duration(level.first_action_within)}.</p>')
    for box, boxed in grouped(steps):
        out.append(f"<h4>{esc(box.capitalize())}</h4>")
        out += [_step(library, step) for step in boxed]
    return "\n".join(out)


def _step(library: Library, step: Step) -> str:
    """A step, its reason and its 'not when' in one block that a page break never splits."""
    out = [
        f'<div class="step"><span class="box">☐</span> <span class="do">{esc(step.do)}</span>'
        f" <em>({role_name(library, step.owner)}, within {duration(step.within)})</em>"
    ]
    if step.why:
        out.append(f'<p class="why"><span class="label">Why:</span> {esc(step.why)}</p>')
    if step.not_when:
        out.append(f'<p class="notwhen"><span class="label">Not when:</span> {esc(step.not_when)}</p>')
    out += [f'<p class="tip"><span class="label">Tip:</span> {esc(tip)}</p>' for tip in step.tips]
    return "".join(out) + "</div>"


def _clock(clock) -> str:
    return (
        f'<div class="clock"><span class="label">{esc(clock.what)}</span>: {esc(clock.deadline)}.'
        f"{f' To: {esc(clock.recipient)}.' if clock.recipient else ''} "
        f"{esc(clock.jurisdiction)}. Source: {esc(clock.source)}.</div>"
    )


def _lesson(lesson) -> str:
    story = f"<br>{esc(lesson.story)}" if lesson.story else ""
    return (
        f'<div class="lesson"><span class="label">What went wrong:</span> {esc(lesson.mistake)}<br>'
        f'<span class="label">Instead:</span> {esc(lesson.instead)}{story}</div>'
    )


# --- The triage as a tree --------------------------------------------------------------------


def _tree(library: Library, triage: Triage) -> str:
    """The triage drawn as nested branches: each question once, numbered; a branch that joins a
    question already drawn points to its number instead of drawing it again."""
    plan = flow(triage)
    numbers = {key: i + 1 for i, key in enumerate(sorted(plan.nodes, key=plan.order.__getitem__))}
    drawn: set[str] = set()

    def branch(target: str) -> str:
        node = plan.nodes.get(target)
        if node is None:
            return f"<strong>{severity_mark(library, target)}</strong>"
        if target in drawn:
            return f"continue at Q{numbers[target]}"
        drawn.add(target)
        arms = "".join(
            f'<li><span class="a">{esc(node.question.answer(answer_id).label)}</span>: {branch(following)}</li>'
            for answer_id, following in node.leads
        )
        return f'<span class="q">Q{numbers[target]}. {esc(node.question.ask)}</span><ul>{arms}</ul>'

    unknown = (
        '<p class="muted">If an answer is not known yet, follow every branch it leaves open and act on the '
        "most severe.</p>"
    )
    return f'<ul class="tree"><li>{branch(plan.start)}</li></ul>{unknown}'


# --- The pocket card -------------------------------------------------------------------------


def first_questions(triage: Triage, count: int = CARD_QUESTIONS) -> list[Question]:
    """The questions a leader meets first: the triage's order from its first question."""
    plan = flow(triage)
    keys = sorted(plan.nodes, key=plan.order.__getitem__)
    # One question may be asked at several places (a compiled table, a tree of nodes): once here.
    questions = {plan.nodes[key].question.id: plan.nodes[key].question for key in keys}
    return list(questions.values())[:count]


def first_moves(library: Library, incident: IncidentType) -> list[Step]:
    """The steps due within the first 15 minutes at any severity, most severe response first,
    each step once."""
    seen: dict[str, Step] = {}
    for response in sorted(incident.responses, key=lambda r: library.rank(r.severity)):
        for step in response.steps:
            if step.within <= FIRST_MINUTES and step.id not in seen:
                seen[step.id] = step
    return sorted(seen.values(), key=lambda s: s.within)


def _card(library: Library, incident: IncidentType) -> str:
    questions = "".join(f"<li>{esc(q.ask)}</li>" for q in first_questions(incident.triage))
    moves = (
        "".join(
            f'<div class="step">☐ {esc(s.do)} <em>({role_name(library, s.owner)}, {duration(s.within)})</em></div>'
            for s in first_moves(library, incident)
        )
        or "<p>No step is due within 15 minutes: triage first.</p>"
    )
    caution = incident.does_not_apply[0] if incident.does_not_apply else None
    not_apply = f"<h4>Not this card if</h4><p>{esc(caution.when)}: {esc(caution.instead)}</p>" if caution else ""
    return (
        f'<section class="card" id="card-{esc(incident.id)}"><h1>{esc(incident.title)}</h1>'
        f"<h4>Recognise it</h4>{_list(esc(c) for c in incident.recognise[:CARD_CUES])}"
        f"<h4>Triage</h4><ol>{questions}</ol>"
        f"<h4>First {FIRST_MINUTES} minutes</h4>{moves}{not_apply}</section>"
    )
