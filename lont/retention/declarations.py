"""The retention rule of every registered model, per owning app (loaded in ``apps.ready``).

Kept in one place so a reviewer sees the whole retention policy at once; a model registered with
the visibility layer and missing here fails ``tests/retention/test_retention_registry.py``.
"""

from __future__ import annotations

from .rules import (
    ANONYMISE,
    DELETE,
    ELSEWHERE,
    EXEMPT,
    WITH_PARENT,
    register,
    register_bulk_context,
)


def declare() -> None:
    # --- signal register: the signal goes with all of its rows (and attachment files). Its
    # situations lose the link and are recomputed (assessment.triggers). The stored
    # ``retain_until`` wins; without one the covenant's days count from the registration.
    register("signalregister.Signal", DELETE, since="registered_at", until="retain_until")
    from lont.assessment.triggers import signals_in_bulk

    register_bulk_context("signalregister.Signal", signals_in_bulk)
    for child in (
        "SignalPerson",
        "SignalGroup",
        "SignalIndicator",
        "EngagementObservation",
        "SignalRequest",
        "SignalAttachment",
        "ContextNote",
        "SignalVersion",
        "SignalProposal",
    ):
        register(f"signalregister.{child}", WITH_PARENT, parent="signal")
    register("signalregister.ProsecutorOrder", DELETE, since="issued_on")
    # The FG's count of guard crossings stays; who it was about and the handover note go.
    register(
        "signalregister.GuardEvent",
        ANONYMISE,
        since="created_at",
        clear={"person": None, "handover_note": ""},
    )

    # --- subjects: people expire by their review date (principle 9), and what is only about
    # one person goes with them; groups and their analyses by the covenant's group-analysis days.
    register(
        "subjects.Person",
        ELSEWHERE,
        until="review_date",  # counted in the dry run
        reason="herbeoordelingsdatum (subjects.expiry, manage.py expire_persons)",
    )
    for child in ("PersonJustification", "GroupMembership"):
        register(f"subjects.{child}", WITH_PARENT, parent="person")
    register("subjects.PersonRelation", WITH_PARENT, parent="person_a")
    register("subjects.Group", DELETE, since="updated_at")
    register("subjects.GroupAssessment", DELETE, since="updated_at")
    register("subjects.AssessmentStep", WITH_PARENT, parent="assessment")
    register("subjects.AssessmentContribution", WITH_PARENT, parent="assessment")
    register("subjects.GroupRelation", DELETE, since="updated_at")
    register("subjects.ConflictEvent", DELETE, since="date")

    # --- assessment: a situation stays while a case meeting's agenda still names it (PROTECT).
    register("assessment.Situation", DELETE, since="updated_at")
    register("assessment.CaseMeeting", DELETE, since="date")
    register("assessment.AgendaItem", WITH_PARENT, parent="meeting")
    register("assessment.Dissent", WITH_PARENT, parent="item")
    # An action goes with its meeting, or by its own age (an action from an evaluation's lesson
    # has no agenda item).
    register("assessment.Action", DELETE, since="created_at")

    # --- aftercare: a plan goes with its tasks, perspectives and tipster care; a staff report
    # with its check-ins; an evaluation with its answers and lessons (the work they became —
    # an action, a covenant version — stays); a rumour with its reach and debunks.
    register("aftercare.AftercarePlan", DELETE, since="updated_at")
    for child in ("PlanTask", "PersonPerspective", "TipsterCare"):
        register(f"aftercare.{child}", WITH_PARENT, parent="plan")
    register("aftercare.ExposureReport", DELETE, since="updated_at")
    register("aftercare.ExposureCheckIn", WITH_PARENT, parent="report")
    register("aftercare.Evaluation", DELETE, since="updated_at")
    for child in ("EvaluationAnswer", "Lesson"):
        register(f"aftercare.{child}", WITH_PARENT, parent="evaluation")
    register("aftercare.AdvisoryMember", DELETE, since="updated_at")
    register("aftercare.Rumour", DELETE, since="updated_at")
    for child in ("RumourReach", "Debunk"):
        register(f"aftercare.{child}", WITH_PARENT, parent="rumour")
    for label, what in (
        ("SupportPointer", "steunpunten"),
        ("StressorSurvey", "stressorenpeiling: alleen anonieme tellingen"),
        ("Prebunk", "prebunkbibliotheek"),
    ):
        register(f"aftercare.{label}", EXEMPT, reason=f"{what}: geen persoonsgegevens")

    # --- crisis: an incident and everything beside it go together, counted from its closing
    # (an open incident is held: ``retention.holds`` provider "incident").
    register("crisis.Incident", DELETE, since="closed_at")
    for child in (
        "IncidentLogEntry",
        "IncidentTask",
        "IncidentMessage",
        "ReportedPost",
        "IncidentPerson",
        "EscalationReading",
        "TacticCheck",
    ):
        register(f"crisis.{child}", WITH_PARENT, parent="incident")
    register("crisis.PostReport", WITH_PARENT, parent="post")
    # Outreach goes with its incident (and with its contact, by cascade, when the social map
    # deletes the contact).
    register("crisis.Outreach", WITH_PARENT, parent="incident")
    # --- risk calendar: an event stays while its windows can still open (two years after an
    # incident), counted by the covenant's days from its last change; a window from its end.
    register("riskcalendar.CalendarEvent", DELETE, since="updated_at")
    register("riskcalendar.RiskWindow", DELETE, since="ends_on")

    # --- social map
    register("socialmap.Contact", DELETE, since="updated_at")
    register("socialmap.ContactReach", WITH_PARENT, parent="contact")
    register("socialmap.ContactPersonLink", WITH_PARENT, parent="contact")

    # --- professional online presence (P3): contact counts and activities name a group
    register("presence.ContactLog", DELETE, since="on")
    register("presence.PositiveActivity", DELETE, since="planned_on")

    # --- no case content about people
    register(
        "networks.Membership",
        EXEMPT,
        reason="ledenlijst: vervalt met het lidmaatschap (beheer door coördinator)",
    )
    register("networks.Organisation", EXEMPT, reason="partnerorganisatie: geen persoonsgegevens")
    register("analyser.GazetteerPlace", EXEMPT, reason="plaatsnamenlijst: geen persoonsgegevens")
    register("analyser.LexiconEntry", EXEMPT, reason="woordenlijst: geen persoonsgegevens")
    register("presence.Platform", EXEMPT, reason="platformregister: geen persoonsgegevens")
    register("presence.PlatformReview", EXEMPT, reason="platformscan: geen persoonsgegevens")
    register(
        "presence.ProfessionalAccount",
        EXEMPT,
        reason="werkaccounts van de organisatie: beheer door de organisatie (niet meer in gebruik)",
    )
    register("peacetime.VisionVersion", EXEMPT, reason="visie van organisatie of netwerk: beleid")
    register("peacetime.StigmaLabel", EXEMPT, reason="termenlijst: geen persoonsgegevens")
    register("peacetime.Source", EXEMPT, reason="bronnenlijst: geen persoonsgegevens")
    register(
        "peacetime.AwarenessActivity", EXEMPT, reason="bewustwording: aantallen, geen personen"
    )
    register(
        "peacetime.DigitalProfile",
        EXEMPT,
        reason="online specialist per organisatie: vervalt met het lidmaatschap",
    )
