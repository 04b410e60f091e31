from django.apps import AppConfig


class AftercareConfig(AppConfig):
    name = "lont.aftercare"
    label = "aftercare"
    verbose_name = "Nazorg"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory as C
        from lont.networks.choices import Role
        from lont.subjects import expiry

        from . import models as m
        from .demo import load_demo

        # A1: plans and their rows are analyses of groups; a row that names the plan, a person or
        # a tip is shown no further than its least visible end.
        named = {
            m.AftercarePlan: ("situation",),
            m.PlanTask: ("plan",),
            m.PersonPerspective: ("plan", "person"),
        }
        summaries = {
            m.AftercarePlan: ("status", "level_at_start", "created_at"),
            m.PlanTask: ("organisation", "due_date", "status"),
            m.PersonPerspective: ("kind", "due_date", "status"),
        }
        for model in (m.AftercarePlan, m.PlanTask, m.PersonPerspective):
            visibility.register(
                model,
                category=C.GROUP_ANALYSIS.value,
                related=named[model],
                summary_fields=summaries[model],
            )
        # Care for a tipster: only the partner that holds the tip, whatever the covenant says.
        visibility.register(
            m.TipsterCare, category=C.TIP.value, shared=False, related=("plan", "signal")
        )
        # A2: a staff member's exposure report — the reporter and their own organisation's
        # coordinator only (not the director, not other partners, not the privacy officer).
        visibility.register(
            m.ExposureReport,
            category=C.INCIDENT.value,
            shared=False,
            readers=("reporter",),
            reader_roles=(Role.COORDINATOR,),
        )
        visibility.register(
            m.ExposureCheckIn,
            category=C.INCIDENT.value,
            shared=False,
            readers=("report__reporter",),
            reader_roles=(Role.COORDINATOR,),
            related=("report",),
        )
        # Directories without personal data: every member of the network reads them.
        for directory in (m.SupportPointer, m.StressorSurvey, m.Prebunk):
            visibility.register(
                directory, category=None, owner_field=None, personal_data=False, case_content=False
            )
        # A3: evaluations and their lessons feed the next cycle (the covenant's evaluations).
        visibility.register(
            m.Evaluation,
            category=C.EVALUATION.value,
            related=("situation",),
            summary_fields=("status", "created_at"),
        )
        visibility.register(
            m.EvaluationAnswer,
            category=C.EVALUATION.value,
            related=("evaluation",),
            summary_fields=("organisation",),
        )
        visibility.register(
            m.Lesson,
            category=C.EVALUATION.value,
            related=("evaluation",),
            summary_fields=("kind", "status"),
        )
        visibility.register(
            m.AdvisoryMember, category=C.CONTACTS.value, summary_fields=("represents", "since")
        )
        # A4: rumours around an incident, their reach and their debunks.
        visibility.register(
            m.Rumour,
            category=C.INCIDENT.value,
            related=("situation",),
            summary_fields=("status", "created_at"),
        )
        visibility.register(
            m.RumourReach,
            category=C.INCIDENT.value,
            related=("rumour",),
            summary_fields=("observed_on", "reach"),
        )
        visibility.register(
            m.Debunk,
            category=C.INCIDENT.value,
            related=("rumour", "messenger"),
            summary_fields=("status",),
        )
        # Principle 9: a person's perspective row is only about them.
        expiry.register("aftercare.PersonPerspective", "person", expiry.DELETE)
        # An incident that enters *nazorg* opens its aftercare plan (lont.crisis).
        from . import receivers

        receivers.connect()
        demo.register(70, load_demo)
