"""`playbook triage ID`: ask the triage questions in a plain terminal and print the severity,
its definition and the first steps of the response."""

from __future__ import annotations

import argparse
import json
import sys

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.common import add_format, find_type, usable_library

HELP = "answer an incident type's triage questions and get the severity and first steps"
FIRST_STEPS = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the incident type's id (see `playbook list`)")
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=ANSWER",
        help="answer a question without being asked (once per question); ANSWER is the answer's id, "
        "or `unknown` for its 'not known yet' answer whatever the file calls it",
    )
    parser.add_argument(
        "--analyse",
        action="store_true",
        help="instead of asking, print how many questions the triage asks (worst case, mean) and its decision table",
    )
    add_format(parser, "text", "json")


def run(args: argparse.Namespace) -> int:
    from playbook.triage import Walk

    library = usable_library(args)
    incident = find_type(library, args.id)
    if args.analyse:
        print(_analysis(incident, library, args.format), end="")
        return EXIT_OK
    given = _given_answers(args.answer, incident)
    interactive = args.format == "text" and sys.stdin.isatty()
    walk = Walk.start(incident, library)
    while not walk.done:
        question = walk.question
        if question.id in given:
            walk = walk.answer(given[question.id])
        elif interactive:
            walk = _ask(walk)
        else:
            ids = ", ".join(a.id for a in question.known_answers) + (", unknown" if question.unknown_answer else "")
            raise UsageError(
                f"question '{question.id}' is still open: {question.ask} "
                f"(answer with --answer {question.id}=ANSWER, one of {ids})"
            )
    if walk.answered and interactive:
        print()  # set the result apart from the last question
    unused = _unused(given, walk)
    print(
        _json(walk, incident, library, unused) if args.format == "json" else _text(walk, incident, library, unused),
        end="",
    )
    return EXIT_OK


def _given_answers(pairs: list[str], incident) -> dict[str, str]:
    from playbook.model import UNKNOWN

    given: dict[str, str] = {}
    for pair in pairs:
        question_id, sep, answer_id = pair.partition("=")
        if not sep:
            raise UsageError(f"--answer takes QUESTION=ANSWER, not '{pair}'")
        question = incident.triage.question(question_id)
        if question is None:
            known = ", ".join(q.id for q in incident.triage.questions)
            raise UsageError(f"'{incident.id}' has no question '{question_id}' (one of {known})")
        if question_id in given:  # the last one winning silently hides a typo in a script
            raise UsageError(
                f"--answer {question_id} is given twice ('{given[question_id]}' and '{answer_id}'): give it once"
            )
        if question.given(answer_id) is None:
            known = ", ".join(a.id for a in question.known_answers)
            if answer_id == UNKNOWN:
                raise UsageError(f"question '{question_id}' has no 'not known' answer: answer one of {known}")
            more = f", or {UNKNOWN}" if question.unknown_answer else ""
            raise UsageError(f"question '{question_id}' has no answer '{answer_id}' (one of {known}{more})")
        given[question_id] = answer_id
    return given


def _unused(given: dict[str, str], walk) -> list[tuple[str, str]]:
    """Answers given on the command line that this walk never needed: listed, not dropped."""
    asked = {question.id for question, _ in walk.answered}
    return [(q, a) for q, a in given.items() if q not in asked]


def _answer_id(answer) -> str:
    """An answer as a script gives it back: `unknown` for any question's 'not known' answer."""
    from playbook.model import UNKNOWN

    return UNKNOWN if answer.unknown else answer.id


def _ask(walk):
    """One question with numbered answers; a number or an answer id picks, `b` goes back.
    Each answer is shown with the digit that picks it (its own `key`, if it has one)."""
    question = walk.question
    print(f"\n{question.ask}")
    if question.help:
        print(f"  ({question.help})")
    digits = [digit for digit, _ in question.keyed]
    for digit, answer in question.keyed:
        print(f"  {digit}. {answer.label}")
    back = ", b to go back" if walk.answered else ""
    in_a_row = digits == list(range(digits[0], digits[-1] + 1))
    choices = f"{digits[0]}-{digits[-1]}" if in_a_row else "/".join(map(str, digits))
    retry = f"a number from {digits[0]} to {digits[-1]}" if in_a_row else f"one of {', '.join(map(str, digits))}"
    while True:
        try:
            reply = input(f"Answer {choices}{back}: ").strip()
        except EOFError:
            raise UsageError(f"no answer given to '{question.id}'") from None
        if reply.lower() == "b" and walk.answered:
            return walk.back()
        if reply.isdigit() and (answer := question.by_key(int(reply))) is not None:
            return walk.answer(answer.id)
        if question.given(reply) is not None:
            return walk.answer(reply)
        print(f"  Please type {retry}.")


def _first_steps(incident, severity: str):
    response = incident.response(severity)
    steps = sorted(response.steps, key=lambda s: s.within) if response else []
    return steps[:FIRST_STEPS]


def _text(walk, incident, library, unused: list[tuple[str, str]]) -> str:
    import textwrap

    from playbook.timebox import duration

    def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
        return textwrap.wrap(text, 78, initial_indent=indent if first is None else first, subsequent_indent=indent)

    level = library.severity(walk.severity)
    out = [f"{incident.title}: {walk.severity} {level.name}", *wrap(level.definition), ""]
    if walk.unsure:
        out += [*wrap(f"Not known yet, so acting on the most severe possible: {', '.join(walk.possible)}."), ""]
    out.append("Path:")
    for question, answer in walk.answered:
        out += wrap(f"{question.ask} {answer.label}", "    ", "  ")
    if unused:
        out += wrap("Not needed for this result: " + ", ".join(f"{q}={a}" for q, a in unused), "    ", "  ")
    steps = _first_steps(incident, walk.severity)
    out += [
        "",
        f"First steps (first action within {duration(level.first_action_within)}):"
        if steps
        else f"No response is written for {walk.severity}.",
    ]
    for step in steps:
        role = library.role(step.owner)
        out += wrap(f"[{duration(step.within)}] {step.do} ({role.name if role else step.owner})", "    ", "  ")
    return "\n".join(out) + "\n"


def _json(walk, incident, library, unused: list[tuple[str, str]]) -> str:
    level = library.severity(walk.severity)
    data = {
        "incident": incident.id,
        "severity": walk.severity,
        "name": level.name,
        "definition": level.definition,
        "possible": list(walk.possible),
        "unsure": walk.unsure,
        # `answer` is what --answer takes back (`unknown` for any 'not known'); `answer_id` the file's id.
        "path": [
            {
                "question": q.id,
                "ask": q.ask,
                "answer": _answer_id(a),
                "answer_id": a.id,
                "label": a.label,
                "unknown": a.unknown,
            }
            for q, a in walk.answered
        ],
        "unused": [{"question": q, "answer": a} for q, a in unused],
        "first_steps": [
            {"id": s.id, "do": s.do, "owner": s.owner, "within": s.within}
            for s in _first_steps(incident, walk.severity)
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _analysis(incident, library, form: str) -> str:
    from playbook.triage import analyse

    analysis = analyse(incident, library)
    if form == "json":
        data = {
            "incident": incident.id,
            "worst_case": analysis.worst_case,
            "mean": round(analysis.mean, 3),
            "paths": [
                {"path": [{"question": q, "answer": a} for q, a in p.steps], "outcome": p.outcome}
                for p in analysis.paths
            ],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out = [
        f"{incident.title}: at most {analysis.worst_case} questions, {analysis.mean:.1f} on average, {len(analysis.paths)} paths",
        "",
    ]
    for path in analysis.paths:
        out.append(f"  {path.outcome:<6} " + ", ".join(f"{q}={a}" for q, a in path.steps))
    return "\n".join(out) + "\n"
