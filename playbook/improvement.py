"""A drill's improvement plan (HSEEP IP) kept in the journal: each corrective action with its
owner, due date and status, recorded when the drill ends and shown until it is closed.

Entries, on the drill's journal incident:
  improvement-plan    items[{n, objective, issue, action, owner, due}] (due: YYYY-MM-DD)
  improvement-status  item (n), status, note: a new status for one item; the latest counts
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs

from playbook.debrief import IMPROVEMENT_DAYS, ImprovementItem
from playbook.journal import Draft, Entry, JournalStore, draft

PLAN, STATUS = "improvement-plan", "improvement-status"
STATUSES = ("open", "in progress", "done", "dropped")
CLOSED = ("done", "dropped")


class PlanError(Exception):
    """No such drill or item, or a status the plan does not know."""


@attrs.frozen
class PlanItem:
    drill: str
    n: int
    objective: str
    issue: str
    action: str
    owner: str
    due: date
    status: str = "open"
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED


def plan(drill_id: str, items: Iterable[ImprovementItem], by: str, now: datetime) -> Draft:
    """The plan as the drill ends: every item open, due a month after the drill."""
    due = (now.date() + timedelta(days=IMPROVEMENT_DAYS)).isoformat()
    data = [
        {"n": n, "objective": i.objective, "issue": i.issue, "action": i.action, "owner": i.owner, "due": due}
        for n, i in enumerate(items, 1)
    ]
    return draft(drill_id, PLAN, by, now, {"items": data})


def plan_of(entries: Iterable[Entry]) -> tuple[PlanItem, ...]:
    """The plan of one drill, folded from its entries (the latest status of each item counts)."""
    items: dict[int, PlanItem] = {}
    for entry in entries:
        if entry.kind == PLAN and not items:
            for i in entry.data["items"]:
                items[i["n"]] = PlanItem(
                    entry.incident,
                    i["n"],
                    i["objective"],
                    i["issue"],
                    i["action"],
                    i["owner"],
                    date.fromisoformat(i["due"]),
                )
        elif entry.kind == STATUS and entry.data["item"] in items:
            items[entry.data["item"]] = attrs.evolve(
                items[entry.data["item"]], status=entry.data["status"], note=entry.data.get("note", "")
            )
    return tuple(items.values())


def open_items(journal: JournalStore) -> tuple[PlanItem, ...]:
    """Every item not yet done or dropped, across every drill, the earliest due first."""
    drills = {e.incident for e in journal.entries_of_kind(PLAN, "drill")}
    found = [i for d in sorted(drills) for i in plan_of(journal.entries(d)) if i.is_open]
    return tuple(sorted(found, key=lambda i: (i.due, i.drill, i.n)))


def set_status(
    journal: JournalStore, drill_id: str, n: int, status: str, by: str, now: datetime, note: str = ""
) -> Entry:
    if status not in STATUSES:
        raise PlanError(f"a status is one of {', '.join(STATUSES)}, not '{status}'")
    if not by.strip():
        raise PlanError("say who changes the status")
    items = {i.n: i for i in plan_of(journal.entries(drill_id))}
    if not items:
        raise PlanError(f"drill '{drill_id}' has no improvement plan (it has not ended, or needed none)")
    if n not in items:
        raise PlanError(f"drill '{drill_id}' has no item {n} (it has {', '.join(map(str, items))})")
    return journal.append(draft(drill_id, STATUS, by.strip(), now, {"item": n, "status": status, "note": note.strip()}))
