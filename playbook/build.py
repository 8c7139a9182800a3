"""Build frozen model objects from schema-valid data. Runs only after the schema passed."""

from __future__ import annotations

from typing import Any

from playbook import model
from playbook.source import Document


def library(data: dict[str, Any], root: str = "") -> model.Library:
    limits = data.get("limits", {})
    return model.Library(
        name=data["name"],
        version=data["version"],
        description=data.get("description", ""),
        severities=[
            model.Severity(
                id=s["id"],
                name=s["name"],
                definition=s["definition"],
                first_action_within=s["first_action_within"],
                notify=s["notify"],
                update_every=s["update_every"],
                rank=rank,
            )
            for rank, s in enumerate(data["severities"])
        ],
        roles=[model.Role(**r) for r in data["roles"]],
        categories=[model.Category(**c) for c in data["categories"]],
        limits=model.Limits(**limits),
        criteria=[model.Criterion(**c) for c in data.get("criteria", ())],
        suppress=[model.Suppression(**s) for s in data.get("suppress", ())],
        root=root,
    )


def incident_type(document: Document) -> model.IncidentType:
    data = document.data
    return model.IncidentType(
        id=data["id"],
        title=data["title"],
        category=data["category"],
        version=data["version"],
        status=data["status"],
        reviewed=data["reviewed"],
        mentors=[model.Mentor(**m) for m in data["mentors"]],
        summary=data["summary"],
        recognise=data["recognise"],
        does_not_apply=[model.NotApplicable(**n) for n in data["does_not_apply"]],
        triage=triage(data["triage"]),
        responses=[
            model.Response(severity=severity, steps=[model.Step(**s) for s in steps])
            for severity, steps in data["responses"].items()
        ],
        tags=data.get("tags", ()),
        synonyms=data.get("synonyms", ()),
        related=data.get("related", ()),
        references=[model.Reference(**r) for r in data.get("references", ())],
        clocks=[model.Clock(**c) for c in data.get("clocks", ())],
        lessons=[model.Lesson(**lesson) for lesson in data.get("lessons", ())],
        drills=[_drill(d) for d in data.get("drills", ())],
        path=document.path,
        source=document,
    )


def triage(data: dict[str, Any]) -> model.Triage:
    questions = [
        model.Question(
            id=question_id,
            ask=q["ask"],
            help=q.get("help", ""),
            ordered=q.get("ordered", True),
            answers=[model.Answer(**a) for a in q["answers"]],
        )
        for question_id, q in data["questions"].items()
    ]
    table = None
    if "table" in data:
        table = tuple(
            model.TableRow(when=tuple(row["when"].items()), outcome=row["outcome"], index=index)
            for index, row in enumerate(data["table"])
        )
    nodes = None
    if "nodes" in data:
        nodes = tuple(
            model.TreeNode(id=node_id, question=node["question"], answers=tuple(node["answers"].items()))
            for node_id, node in data["nodes"].items()
        )
    return model.Triage(
        questions=questions,
        start=data.get("start"),
        table=table,
        nodes=nodes,
        order=data.get("order", model.ORDER_FEWEST),
    )


def _drill(data: dict[str, Any]) -> model.Drill:
    expect = data["expect"]
    return model.Drill(
        id=data["id"],
        title=data["title"],
        briefing=data["briefing"],
        duration=data.get("duration"),
        facilitator_notes=data.get("facilitator_notes", ""),
        questions=data.get("questions", ()),
        injects=[
            model.Inject(
                id=i["id"],
                at=i["at"],
                message=i["message"],
                reveals=tuple(i.get("reveals", {}).items()),
                twist=i.get("twist", False),
                facilitator=i.get("facilitator", ""),
            )
            for i in data["injects"]
        ],
        expect=model.Expectation(
            severity=expect["severity"],
            classify_within=expect.get("classify_within"),
            objectives=[
                model.Objective(
                    id=o["id"],
                    goal=o["goal"],
                    steps=[model.ExpectedStep(**s) for s in o["steps"]],
                )
                for o in expect["objectives"]
            ],
        ),
    )
