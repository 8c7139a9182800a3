"""Whether a playbook is overdue for review: the one check that depends on today, so a load
runs it on every type, cached or not (see library.load)."""

from __future__ import annotations

from datetime import date

from playbook.model import IncidentType, Library
from playbook.problems import Problem


def stale_problems(incident: IncidentType, library: Library, today: date) -> list[Problem]:
    """P503: nobody has reviewed the playbook within the library's review period."""
    try:
        reviewed = date.fromisoformat(incident.reviewed)
    except ValueError:  # the schema reports a malformed date
        return []
    age = (today - reviewed).days
    if age <= library.limits.review_days:
        return []
    return [
        incident.document.problem(
            ("reviewed",),
            "P503",
            f"last reviewed {incident.reviewed}, {age} days ago; the library asks for a review every "
            f"{library.limits.review_days} days",
        )
    ]
