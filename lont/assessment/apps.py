from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "lont.assessment"
    label = "assessment"
    verbose_name = "Situaties, niveaus en casusoverleg"

    def ready(self) -> None:
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory as C

        from . import models as m
        from . import triggers
        from .demo import load_demo
        from .guide import install_guide

        # Situations, meetings and actions are analyses of groups and their conflicts.
        for model in (m.Situation, m.CaseMeeting, m.AgendaItem, m.Dissent, m.Action):
            visibility.register(model, category=C.GROUP_ANALYSIS.value)
        triggers.connect()
        install_guide()
        demo.register(50, load_demo)
