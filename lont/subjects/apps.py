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
        for model in group_analysis_models:
            visibility.register(model, category=C.GROUP_ANALYSIS.value)
        # Person rows: category per row (group analysis, or tips for tipsters); the identifying
        # fields are gated separately (see Person's docstring).
        visibility.register(m.Person, category_field="category")
        demo.register(40, load_demo)
