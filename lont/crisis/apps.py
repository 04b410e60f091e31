from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "lont.crisis"
    label = "crisis"
    verbose_name = "Crisis: de incidentkamer"

    def ready(self) -> None:
        from . import events

        events.register_notices()
        from lont.core import demo, visibility
        from lont.networks.choices import InformationCategory as C

        from . import models as m
        from .demo import load_demo

        # Incident information; every row beside the incident names it, so another partner's
        # task, message or log line is shown only to who may see it *and* the incident.
        named = {
            m.IncidentLogEntry: ("incident",),
            m.IncidentTask: ("incident",),
            m.IncidentMessage: ("incident",),
            m.ReportedPost: ("incident",),
            m.PostReport: ("post",),
            m.IncidentPerson: ("incident", "person"),
            m.EscalationReading: ("incident",),
            m.TacticCheck: ("incident",),
            # Social-map data: never shown beyond the least visible of incident and contact.
            m.Outreach: ("incident", "contact", "group"),
        }
        # A summary says what is going on without case content: title, status and level of the
        # incident; of a task, which partner has which position; of a post, platform and outcome.
        summaries = {
            m.Incident: ("title", "state", "level", "opened_at", "occurred_at"),
            m.IncidentLogEntry: ("at", "kind", "from_state", "to_state"),
            m.IncidentTask: ("kind", "confirmed_at"),
            m.IncidentMessage: ("status",),
            m.ReportedPost: ("platform", "outcome", "first_reported_at", "removed_at"),
            m.PostReport: ("reported_at",),
            m.IncidentPerson: ("role_type",),
            m.EscalationReading: ("at", "stage"),
            m.TacticCheck: ("tactic", "at"),
            m.Outreach: ("channel", "at", "outcome"),
        }
        for model in (
            m.Incident,
            m.IncidentLogEntry,
            m.IncidentTask,
            m.IncidentMessage,
            m.ReportedPost,
            m.PostReport,
            m.IncidentPerson,
            m.EscalationReading,
            m.TacticCheck,
        ):
            visibility.register(
                model,
                category=C.INCIDENT.value,
                related=named.get(model, ()),
                summary_fields=summaries[model],
            )
        # Outreach names a contact: it follows the social map's category (CONTACTS), as the
        # social map registers its own rows, capped by the incident and the contact it names.
        visibility.register(
            m.Outreach,
            category=C.CONTACTS.value,
            related=named[m.Outreach],
            summary_fields=summaries[m.Outreach],
        )
        # After the assessment loader (50): the demo incident is opened from its situation.
        demo.register(60, load_demo)
        # Principle 9: a person's role in an incident goes when the person expires.
        from lont.subjects import expiry

        expiry.register("crisis.IncidentPerson", "person", expiry.DELETE)
