from typing import Any

from django.apps import AppConfig


class RiskCalendarConfig(AppConfig):
    name = "lont.riskcalendar"
    label = "riskcalendar"
    verbose_name = "Risicokalender"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from lont.analyser.web.selectors import register_school_holidays
        from lont.core import demo, navigation, visibility
        from lont.subjects import expiry

        from .demo import load_demo
        from .models import CalendarEvent, RiskWindow
        from .selectors import school_holidays

        # An incident is incident information; a court date or a release criminal data: the
        # category is stored per row (``choices.EVENT_CATEGORY``), a window takes its event's.
        # A window that names its event or situation is shown only as far as those are.
        # A summary says what kind of window it is and when: never the title or the notes.
        # "Kalender" in the main menu, between Acties and Doelgroepen (issue 9's order).
        navigation.register(
            "calendar", 60, "riskcalendar:month", _("Kalender"), permission="case.read"
        )
        visibility.register(
            CalendarEvent,
            category_field="category",
            related=("situation",),
            summary_fields=("kind", "occurred_at", "lower_than_expected", "area"),
            summary=_event_summary,
        )
        visibility.register(
            RiskWindow,
            category_field="category",
            related=("event", "situation"),
            summary_fields=("kind", "starts_on", "ends_on", "peak_on", "flagged", "area"),
            summary=_window_summary,
        )
        # Principle 9: a link to an expired person goes; the event or window stays.
        expiry.register("riskcalendar.CalendarEvent_people", "person", expiry.DELETE)
        expiry.register("riskcalendar.RiskWindow_people", "person", expiry.DELETE)
        # After the subjects loader (40: the groups), before the assessment loader (50), which
        # computes the demo situations' levels with the open windows.
        demo.register(45, load_demo)
        # "na de zomervakantie" in the text analyser: the network's school holidays (dates only).
        register_school_holidays(
            lambda network_id, start, end: school_holidays(network_id, start=start, end=end)
        )


def _window_summary(viewer: Any, obj: Any) -> str:
    return f"{obj.get_kind_display()} {obj.starts_on:%d-%m-%Y} – {obj.ends_on:%d-%m-%Y}"


def _event_summary(viewer: Any, obj: Any) -> str:
    return f"{obj.get_kind_display()} {obj.occurred_at:%d-%m-%Y}"
