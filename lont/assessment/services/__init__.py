"""All writes of the assessment app (keyword-only, validated, atomic, audited)."""

from .meetings import (
    action_create,
    action_update,
    actions_remind,
    dissent_add,
    item_decide,
    item_judge,
    item_picture,
    meeting_add_item,
    meeting_close,
    meeting_create,
    meeting_may_write,
)
from .situations import (
    dashboard_visit,
    parameters_create,
    recompute_later,
    situation_autolink_undo,
    situation_create,
    situation_follow,
    situation_link_signals,
    situation_recompute,
    situation_update,
)

__all__ = [
    "action_create",
    "action_update",
    "actions_remind",
    "dashboard_visit",
    "dissent_add",
    "item_decide",
    "item_judge",
    "item_picture",
    "meeting_add_item",
    "meeting_close",
    "meeting_create",
    "meeting_may_write",
    "parameters_create",
    "recompute_later",
    "situation_autolink_undo",
    "situation_create",
    "situation_follow",
    "situation_link_signals",
    "situation_recompute",
    "situation_update",
]
