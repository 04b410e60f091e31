from django.apps import AppConfig


class SignalRegisterConfig(AppConfig):
    name = "lont.signalregister"
    label = "signalregister"
    verbose_name = "Signalenregister"

    def ready(self) -> None:
        from lont.core import demo, visibility

        from . import models as m
        from .demo import load_demo

        # The signal carries its category; every child row follows its signal's row.
        visibility.register(m.Signal, category_field="category")
        for child in (
            m.SignalPerson,
            m.SignalGroup,
            m.SignalIndicator,
            m.EngagementObservation,
            m.SignalRequest,
            m.SignalAttachment,
            m.ContextNote,
            m.SignalVersion,
        ):
            visibility.register(child, category_field="category", owner_field="signal_organisation")
        # Orders and guard events name a person: criminal-law data, owned by the recording
        # organisation (the FG's report counts them through its own selector, without content).
        visibility.register(m.ProsecutorOrder, category="criminal")
        visibility.register(m.GuardEvent, category="criminal")
        # After the subjects demo (40) and the social map (50): signals point at their groups.
        demo.register(60, load_demo)
        # Principle 9: what a person's expiry does with the links to them.
        from .expiry_rules import register as register_expiry

        register_expiry()
