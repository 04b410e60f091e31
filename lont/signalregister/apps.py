from django.apps import AppConfig

# What a summary-level reader sees of a child row (besides nothing at all for most of them).
SUMMARY_FIELDS = {"ContextNote": ("organisation", "adjustment", "created_at")}


class SignalRegisterConfig(AppConfig):
    name = "lont.signalregister"
    label = "signalregister"
    verbose_name = "Signalenregister"

    def ready(self) -> None:
        from lont.core import demo, visibility

        from . import models as m
        from . import summaries
        from .demo import load_demo

        # The signal carries its category; every child row follows its signal's row, and is
        # shown only as far as the viewer also sees what it names (a tipster, a group).
        visibility.register(
            m.Signal,
            category_field="category",
            summary_fields=("organisation", "observed_at", "status"),
            summary=summaries.summary_for,
            label=summaries.label_for,
        )
        names = {
            m.SignalPerson: ("signal", "person"),
            m.SignalGroup: ("signal", "group"),
            m.SignalRequest: ("signal", "requester_person", "requester_group", "target_person"),
        }
        for child in (
            m.SignalPerson,
            m.SignalGroup,
            m.SignalIndicator,
            m.EngagementObservation,
            m.SignalRequest,
            m.SignalAttachment,
            m.ContextNote,
            m.SignalVersion,
            m.SignalProposal,
        ):
            visibility.register(
                child,
                category_field="category",
                owner_field="signal_organisation",
                related=names.get(child, ("signal",)),
                summary_fields=SUMMARY_FIELDS.get(child.__name__, ()),
            )
        # Orders and guard events name a person: criminal-law data, owned by the recording
        # organisation (the FG's report counts them through its own selector, without content).
        visibility.register(m.ProsecutorOrder, category="criminal", related=("person",))
        visibility.register(m.GuardEvent, category="criminal", related=("person",))
        from django.utils.translation import gettext_lazy as _

        from lont.notifications import events

        events.register("guard.event", label=_("Grens stelselmatige observatie bereikt"))
        # After the subjects demo (40) and the social map (50): signals point at their groups.
        demo.register(60, load_demo)
        # Principle 9: what a person's expiry does with the links to them.
        from .expiry_rules import register as register_expiry

        register_expiry()
