from django.apps import AppConfig


class SubjectsConfig(AppConfig):
    name = "lont.subjects"
    label = "subjects"
    verbose_name = "Doelgroepen, personen en rivaliteiten"

    def ready(self) -> None:
        from django.db.models import Model

        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory as C

        from . import models as m
        from .demo import load_demo

        # Groups, analyses and relations are about (mostly young) people: group-analysis
        # category, and every read is access-logged.
        group_analysis_models: tuple[type[Model], ...] = (
            m.Group,
            m.GroupAssessment,
            m.AssessmentStep,
            m.AssessmentContribution,
            m.GroupRelation,
            m.ConflictEvent,
            m.GroupMembership,
            m.PersonRelation,
            m.PersonJustification,
        )
        # Rows that name other registered objects are shown only as far as both ends are.
        named: dict[type[Model], tuple[str, ...]] = {
            m.GroupAssessment: ("group",),
            m.AssessmentStep: ("assessment",),
            m.AssessmentContribution: ("assessment",),
            m.GroupRelation: ("group_a", "group_b"),
            m.ConflictEvent: ("relation",),
            m.GroupMembership: ("group", "person"),
            m.PersonRelation: ("person_a", "person_b"),
            m.PersonJustification: ("person",),
        }
        # What a summary-level reader sees (the API and pages show these fields, nothing else).
        summaries: dict[type[Model], tuple[str, ...]] = {
            m.Group: ("name", "other_names", "areas", "size_estimate", "age_min", "age_max"),
            m.GroupMembership: ("group", "person", "role"),
            m.PersonRelation: ("person_a", "person_b", "kind"),
            m.GroupRelation: ("group_a", "group_b", "kind", "since"),
            m.ConflictEvent: ("relation", "date"),
            m.GroupAssessment: ("group", "started_on", "steps"),
        }
        for model in group_analysis_models:
            visibility.register(
                model,
                category=C.GROUP_ANALYSIS.value,
                related=named.get(model, ()),
                summary_fields=summaries.get(model, ()),
            )
        # Person rows: category per row (group analysis, or tips for tipsters); the identifying
        # fields are gated separately (see Person's docstring).
        visibility.register(
            m.Person,
            category_field="category",
            summary_fields=("alias", "age_band", "area", "involvement"),
        )
        demo.register(40, load_demo)
