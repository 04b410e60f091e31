"""Writes of the incident room. Every write checks the viewer (``core.guards``), runs in a
transaction with ``full_clean()`` and leaves a line in the incident's append-only log."""

from .incidents import (
    incident_open,
    incident_plan,
    incident_set_level,
    incident_transition,
    incident_update,
    log_add,
)
from .outreach import outreach_add, outreach_outcome
from .rows import (
    message_check,
    message_mark_ready,
    message_save,
    post_add,
    post_outcome,
    post_report,
    preserved_copies_allowed,
    task_add,
    task_confirm,
    task_done,
)
from .watch import person_add, reading_add, tactic_check

__all__ = [
    "incident_open",
    "incident_plan",
    "incident_set_level",
    "incident_transition",
    "incident_update",
    "log_add",
    "message_check",
    "message_mark_ready",
    "message_save",
    "outreach_add",
    "outreach_outcome",
    "person_add",
    "post_add",
    "post_outcome",
    "post_report",
    "preserved_copies_allowed",
    "reading_add",
    "tactic_check",
    "task_add",
    "task_confirm",
    "task_done",
]
