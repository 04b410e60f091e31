"""Minutes of a case meeting as a PDF (reportlab), at the reader's access level."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .choices import DecisionKind, LevelCode, Stage


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def minutes_pdf(*, meeting: Any, items: list[Any], lines: dict[int, list[dict[str, Any]]]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Verslag casusoverleg {meeting.date:%d-%m-%Y}",
        author="Lont",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
    )
    styles = getSampleStyleSheet()
    body, h2, h3 = styles["BodyText"], styles["Heading2"], styles["Heading3"]
    participants = ", ".join(o.name for o in meeting.participants.all())
    story: list[Any] = [
        _p(f"Verslag casusoverleg {meeting.date:%d-%m-%Y}", styles["Title"]),
        _p(f"Voorzitter: {meeting.chair.full_name}. Deelnemende partners: {participants}.", body),
        Spacer(1, 0.3 * cm),
    ]
    for item in items:
        situation = item.situation
        story.append(_p(f"Situatie #{situation.pk}: {situation.title}", h2))
        story.append(_p("Beeldvorming", h3))
        story.append(_p(f"Berekend niveau: {item.computed_level or situation.level}", body))
        for line in lines.get(item.pk, []):
            story.append(_p(f"+{line['amount']:.2f} — {line['text']}", body))
        if item.unknowns:
            story.append(_p(f"Wat we niet weten: {item.unknowns}", body))
        if item.causality_answer:
            story.append(_p(f"Causaliteit: {item.causality_answer}", body))
        story.append(_p("Oordeelsvorming", h3))
        if item.judged_level:
            story.append(_p(f"Beoordeeld niveau: {LevelCode(item.judged_level).label}", body))
        for label, value in (("Onderbouwing", item.rationale), ("Zorgen", item.concerns)):
            if value:
                story.append(_p(f"{label}: {value}", body))
        for dissent in item.dissents.all():
            story.append(_p(f"Afwijkende mening {dissent.organisation.name}: {dissent.text}", body))
        story.append(_p("Besluitvorming", h3))
        if item.decision:
            story.append(
                _p(f"Besluit: {DecisionKind(item.decision).label}. {item.decision_reason}", body)
            )
        elif item.stage != Stage.DONE:
            story.append(_p("Nog geen besluit.", body))
        for action in item.actions.all():
            story.append(
                _p(
                    f"Actie: {action.description} — {action.organisation.name}, {action.owner.full_name}, "
                    f"uiterlijk {action.due_date:%d-%m-%Y}, {action.get_mode_display()}, "
                    f"{action.get_status_display()}",
                    body,
                )
            )
    doc.build(story)
    return buffer.getvalue()
