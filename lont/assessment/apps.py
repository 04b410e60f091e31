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
        # An agenda item names its meeting and situation; dissents and actions name their item,
        # so another partner's dissent is shown only to who may see it *and* its item.
        named = {m.AgendaItem: ("meeting", "situation"), m.Dissent: ("item",), m.Action: ("item",)}
        # A summary of a situation is its title and level; of an action, who does it by when.
        summaries = {
            m.Situation: ("kind", "title", "level", "score", "computed_at"),
            m.Action: ("organisation", "due_date", "mode", "status"),
            m.AgendaItem: ("meeting", "situation", "order", "stage", "computed_level"),
        }
        for model in (m.Situation, m.CaseMeeting, m.AgendaItem, m.Dissent, m.Action):
            visibility.register(
                model,
                category=C.GROUP_ANALYSIS.value,
                related=named.get(model, ()),
                summary_fields=summaries.get(model, ()),
            )
        triggers.connect()
        # Meetings and action due dates in each member's calendar feed (the risk calendar).
        from lont.riskcalendar import feed

        from .calendar_feed import action_items, meeting_items

        feed.register_source("actions", action_items)
        feed.register_source("meetings", meeting_items)
        from lont.signalregister import hooks

        from .autolink import link_signal
        from .notify import register_events

        register_events()
        hooks.register_on_saved(link_signal)
        install_guide()
        demo.register(50, load_demo)
