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
    if "modules" in data:
        modules = [
            model.Module(
                title=m["title"],
                at=m.get("at", 0),
                minutes=m["minutes"],
                jump=m.get("jump", ""),
                questions=m.get("questions", ()),
                injects=[_inject(i) for i in m["injects"]],
            )
            for m in data["modules"]
        ]
    else:  # old style: one module of every inject, as long as the drill
        injects = [_inject(i) for i in data["injects"]]
        last = max(i.at for i in injects)
        modules = [
            model.Module(title=data["title"], at=0, minutes=max(data.get("duration", 0), last, 1), injects=injects)
        ]
    return model.Drill(
        id=data["id"],
        title=data["title"],
        briefing=data["briefing"],
        duration=data.get("duration"),
        facilitator_notes=data.get("facilitator_notes", ""),
        questions=data.get("questions", ()),
        injects=[i for m in modules for i in m.injects],
        modules=modules,
        expect=model.Expectation(
            severity=expect["severity"],
            classify_within=expect.get("classify_within"),
            objectives=[
                model.Objective(
                    id=o["id"],
                    goal=o["goal"],
                    steps=[model.ExpectedStep(**s) for s in o["steps"]],
                    guide=model.Guide(**o["guide"]) if "guide" in o else None,
                )
                for o in expect.get("objectives", ())
            ],
            novel=_novel(expect["novel"]) if "novel" in expect else None,
        ),
    )


def _novel(data: dict[str, Any]) -> model.Novel:
    def found(items: list[dict[str, Any]], said: str) -> list[model.Finding]:
        return [model.Finding(id=i["id"], said=i[said], keywords=i["keywords"]) for i in items]

    return model.Novel(
        clocks=found(data["clocks"], "clock"),
        decisions=found(data["decisions"], "decision"),
        coach_within=data.get("coach_within", 60),
    )


def _inject(data: dict[str, Any]) -> model.Inject:
    return model.Inject(
        id=data["id"],
        at=data["at"],
        message=data["message"],
        reveals=tuple(data.get("reveals", {}).items()),
        twist=_twist(data.get("twist", False)),
        facilitator=data.get("facilitator", ""),
    )


def _twist(data: bool | dict[str, Any]) -> model.Twist | None:
    if data is True:
        return model.Twist()
    if not data:
        return None
    return model.Twist(
        gets_wrong=data["gets_wrong"],
        voids=data.get("voids", ()),
        adaptations=[
            model.Adaptation(id=a["id"], did=a["did"], keywords=a["keywords"], step=a.get("step"))
            for a in data["adaptations"]
        ],
        questions=data.get("questions", ()),
        objective=data.get("objective"),
        weight=data.get("weight", 3),
    )
