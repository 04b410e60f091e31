from django.apps import AppConfig


class SubjectsConfig(AppConfig):
    name = "lont.subjects"
    label = "subjects"
    verbose_name = "Doelgroepen, personen en rivaliteiten"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory as C

        from . import models as m
        from .demo import load_demo

        group_analysis = C.GROUP_ANALYSIS.value
        # Groups and their analyses are case content about groups, not about a named person.
        for model in (
            m.Group,
            m.GroupAssessment,
            m.AssessmentStep,
            m.AssessmentContribution,
            m.GroupRelation,
            m.ConflictEvent,
        ):
            visibility.register(model, category=group_analysis, personal_data=False)
        # Person rows: category per row (group analysis, or tips for tipsters); the identifying
        # fields are gated separately (see Person's docstring).
        visibility.register(m.Person, category_field="category")
        for model in (m.GroupMembership, m.PersonRelation, m.PersonJustification):
            visibility.register(model, category=group_analysis)
        demo.register(40, load_demo)
