"""The situation report as a PDF (reportlab), at the reader's access level: a summary reader
gets title, status, level and times; rows beside the incident only as the covenant allows."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from lont.networks.choices import Access

from .models import CHECKLIST, DIMENSIONS, label


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _when(value: Any) -> str:
    return f"{timezone.localtime(value):%d-%m-%Y %H:%M}" if value else "—"


def situation_report_pdf(*, incident: Any, full: bool, picture: Any, removals: list[Any]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Situatierapport {incident.title}",
        author="Lont",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
    )
    styles = getSampleStyleSheet()
    body, h2 = styles["BodyText"], styles["Heading2"]
    story: list[Any] = [
        _p(f"Situatierapport: {incident.title}", styles["Title"]),
        _p(
            f"Status: {incident.get_state_display()} · niveau: {incident.get_level_display()} · "
            f"geopend: {_when(incident.opened_at)} · confrontatie: {_when(incident.occurred_at)} · "
            f"afgedrukt: {_when(timezone.now())}",
            body,
        ),
        Spacer(1, 0.3 * cm),
    ]
    if not full:
        story.append(_p("U ziet dit incident volgens het convenant als samenvatting.", body))
    else:
        if incident.location:
            story.append(_p(f"Locatie: {incident.location}", body))
        story.append(_p("Informatiechecklist", h2))
        for name in CHECKLIST:
            note = getattr(incident, f"{name}_note")
            shown = getattr(incident, f"get_{name}_display")()
            story.append(_p(f"{label(name)} {shown}{'. ' + note if note else ''}", body))
        story.append(_p("Actieplan (veiligheid voorop)", h2))
        for name in DIMENSIONS:
            choice = getattr(incident, f"get_{name}_display")() if getattr(incident, name) else "—"
            reason = getattr(incident, f"{name}_reason")
            story.append(_p(f"{label(name)}: {choice}{'. ' + reason if reason else ''}", body))
        if incident.spot_evaluation:
            story.append(_p(f"Evaluatie ter plaatse: {incident.spot_evaluation}", body))
    story.append(_p("Taken en posities", h2))
    for task in picture.tasks:
        done = f"bevestigd {_when(task.confirmed_at)}" if task.confirmed_at else "open"
        if task.done_at:
            done = f"afgerond {_when(task.done_at)}" + (f": {task.result}" if task.result else "")
        story.append(
            _p(
                f"{task.organisation.name} — {task.get_kind_display()}: {task.description} ({done})",
                body,
            )
        )
    story.append(_p("Benaderde contacten", h2))
    for row in picture.outreach:
        line = (
            f"{row.organisation.name} — {row.get_channel_display()} {_when(row.at)}: "
            f"{row.get_outcome_display()}"
        )
        if getattr(row, "lont_access", Access.NONE) == Access.FULL:
            group = f" voor {row.group.name}" if row.group else ""
            line += f". {row.contact.name_and_kind()}{group}; "
            line += f"vraag: {row.ask}" + (f"; {row.outcome_note}" if row.outcome_note else "")
        story.append(_p(line, body))
    story.append(_p("Gemelde berichten", h2))
    for row in removals:
        median = f"{row.median_minutes:.0f} min" if row.median_minutes is not None else "—"
        story.append(
            _p(
                f"{row.platform}: {row.reported} gemeld, {row.removed} verwijderd, mediaan {median}",
                body,
            )
        )
    story.append(_p("Log", h2))
    for entry in picture.log:
        story.append(
            _p(
                f"{_when(entry.at)} {entry.organisation.name} — {entry.get_kind_display()}: {entry.text}",
                body,
            )
        )
    doc.build(story)
    return buffer.getvalue()
