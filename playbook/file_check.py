"""Every check of one incident file read afresh: the schema, the build, then the checks of the
type against its library (references, triage, calibration, lint).

Its own module because the triage and lint checks need networkx (about 15 MiB and a tenth of a
second to import): a load that finds every file unchanged in the cache never imports it.
"""

from __future__ import annotations

from playbook import build, calibration, checks, lint, triage_checks
from playbook.model import IncidentType, Library
from playbook.problems import Problem
from playbook.source import Document
from playbook.validate import schema_problems


def checked(
    document: Document | None, problems: list[Problem], library: Library
) -> tuple[IncidentType | None, list[Problem]]:
    """The type a parsed file makes, if it has no errors, and every problem found in it, after
    the `problems` its reading found."""
    if document is None:
        return None, problems
    problems += schema_problems(document, "incident-type")
    if any(p.is_error for p in problems):
        return None, problems
    incident = build.incident_type(document)
    problems += checks.reference_problems(incident, library)
    problems += triage_checks.triage_problems(incident, library)
    problems += calibration.calibration_problems(incident, library)
    problems += lint.incident_problems(incident, library)
    return incident, problems
