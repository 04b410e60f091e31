"""All writes of aftercare (keyword-only, validated, atomic, audited)."""

from .evaluation import (
    advisory_add,
    answer_save,
    evaluation_merge,
    evaluation_start,
    lesson_add,
    lesson_adopt,
    lesson_decline,
)
from .plan import (
    perspective_add,
    plan_close,
    plan_open,
    task_assign,
    task_update,
    tasks_remind,
    tipster_care_open,
    tipster_care_update,
)
from .rumours import debunk_save, prebunk_save, reach_add, rumour_create, rumour_update
from .staff import (
    checkin_plan,
    checkin_record,
    checkins_remind,
    report_close,
    report_create,
    support_create,
    survey_answer,
    survey_create,
)

__all__ = [
    "advisory_add",
    "answer_save",
    "checkin_plan",
    "checkin_record",
    "checkins_remind",
    "debunk_save",
    "evaluation_merge",
    "evaluation_start",
    "lesson_add",
    "lesson_adopt",
    "lesson_decline",
    "perspective_add",
    "plan_close",
    "plan_open",
    "prebunk_save",
    "reach_add",
    "report_close",
    "report_create",
    "rumour_create",
    "rumour_update",
    "support_create",
    "survey_answer",
    "survey_create",
    "task_assign",
    "task_update",
    "tasks_remind",
    "tipster_care_open",
    "tipster_care_update",
]
