"""PDFs in plain Dutch: the access report for the person, and the register with the DPIA annex
(reportlab, as the covenant annex)."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .register import Register
from .selectors import AccessReport

KIND_WORDS = {"read": "bekeken", "shared": "gedeeld (export of pdf)", "changed": "gewijzigd"}


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="Lont", leftMargin=2 * cm, rightMargin=2 * cm
    )


def _table(rows: list[list[Any]]) -> Table:
    table = Table(rows, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe5f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def access_report_pdf(report: AccessReport) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    request = report.request
    story: list[Any] = [
        _p("Overzicht van uw gegevens", styles["Title"]),
        _p(
            f"U vroeg op {request.received_on:%d-%m-%Y} welke gegevens het netwerk "
            f"{request.network.name} over u heeft en wie die heeft bekeken, gedeeld of gewijzigd. "
            f"Dit overzicht is gemaakt op {report.produced_at:%d-%m-%Y}.",
            body,
        ),
        _p(
            "Per gegeven ziet u welke organisatie het heeft, om welk soort gegeven het gaat, op "
            "welke wettelijke grond het is vastgelegd, en wie het wanneer heeft ingezien en "
            "waarom. Namen van medewerkers staan er niet in; hun organisatie en rol wel.",
            body,
        ),
        Spacer(1, 0.3 * cm),
    ]
    for number, record in enumerate(report.records, start=1):
        story.append(
            _p(f"{number}. {record.label.capitalize()} ({record.description})", styles["Heading3"])
        )
        facts = [
            f"Soort gegeven: {record.category_label}.",
            f"Organisatie die het heeft: {record.partner or 'het netwerk'}"
            + (f" ({record.partner_type_label})." if record.partner_type_label else "."),
        ]
        if record.via:
            facts.append(f"Dit gegeven hoort bij {record.via} hierboven.")
        if record.legal_basis:
            facts.append(f"Wettelijke grond: {record.legal_basis}.")
        if record.created_at:
            facts.append(f"Vastgelegd op {record.created_at:%d-%m-%Y}.")
        for fact in facts:
            story.append(_p(fact, body))
        for exception in record.exceptions:
            story.append(_p(f"Uitzondering: {exception}.", body))
        for outcome in record.outcomes:
            line = f"Uw verzoek voor dit gegeven: {outcome.get_outcome_display().lower()}"
            if outcome.exception:
                line += f" ({outcome.get_exception_display()})"
            story.append(_p(line + (f": {outcome.reason}" if outcome.reason else "."), body))
        if record.events:
            rows = [[_p(h, small) for h in ("Wanneer", "Wat", "Organisatie en rol", "Waarom")]]
            for event in record.events:
                what = KIND_WORDS[event.kind]
                if event.kind != "changed" and event.summary_only:
                    what += " (alleen een samenvatting)"
                who = ", ".join(part for part in (event.organisation, event.role) if part)
                rows.append(
                    [
                        _p(f"{event.at:%d-%m-%Y %H:%M}", small),
                        _p(what, small),
                        _p(who or "het systeem", small),
                        _p(event.purpose or "—", small),
                    ]
                )
            story += [Spacer(1, 0.1 * cm), _table(rows)]
        else:
            story.append(_p("Niemand heeft dit gegeven bekeken, gedeeld of gewijzigd.", body))
    story += [
        Spacer(1, 0.4 * cm),
        _p(
            "Klopt er iets niet, of wilt u dat gegevens worden verwijderd? Neem contact op met de "
            "functionaris gegevensbescherming van het netwerk. U kunt ook een klacht indienen bij "
            "de Autoriteit Persoonsgegevens.",
            body,
        ),
    ]
    buffer = io.BytesIO()
    _document(buffer, f"Overzicht van uw gegevens — verzoek {request.pk}").build(story)
    return buffer.getvalue()


def register_pdf(register: Register, dpia: Any) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=7, leading=9)
    version = register.version
    story: list[Any] = [
        _p(f"Verwerkingsregister en DPIA-bijlage — {version.network.name}", styles["Title"]),
        _p(
            f"Gebaseerd op convenant versie {version.number} ({version.created_at:%d-%m-%Y}).", body
        ),
        _p("Doeleinden", styles["Heading2"]),
        *[_p(f"• {p}", body) for p in register.purposes],
        _p("Betrokkenen", styles["Heading2"]),
        *[_p(f"• {d}", body) for d in register.data_subjects],
        _p("Categorieën, ontvangers en bewaartermijnen", styles["Heading2"]),
    ]
    rows = [[_p(h, small) for h in ("Categorie", "Volledig", "Samenvatting", "Bewaren (dagen)")]]
    for row in register.categories:
        label = row.label + (f" ({row.legal_note})" if row.legal_note else "")
        rows.append(
            [
                _p(label, small),
                _p(", ".join(row.full) or "—", small),
                _p(", ".join(row.summary) or "—", small),
                _p(str(row.retention_days or "—"), small),
            ]
        )
    story += [_table(rows), _p("Grondslag per soort partner", styles["Heading2"])]
    story += [_p(f"{ptype}: {basis}", body) for ptype, basis in register.legal_bases]
    story.append(_p("Beveiligingsmaatregelen", styles["Heading2"]))
    story += [_p(f"• {m}", body) for m in register.security]
    story.append(_p("Waarborgen tegen stelselmatige observatie", styles["Heading2"]))
    thresholds = register.thresholds
    story.append(
        _p(
            "Lont waarschuwt wanneer signalen over één persoon stelselmatig worden: "
            f"{thresholds.get('count_30_days', '—')} signalen in 30 dagen, over "
            f"{thresholds.get('span_weeks', '—')} weken, of {thresholds.get('total', '—')} in totaal.",
            body,
        )
    )
    story.append(_p("DPIA: risico's en maatregelen", styles["Heading2"]))
    risks = list(dpia.risks.all()) if dpia is not None else []
    if risks:
        risk_rows = [[_p(h, small) for h in ("Risico", "Kans", "Impact", "Maatregel")]]
        for risk in risks:
            risk_rows.append(
                [
                    _p(risk.risk, small),
                    _p(risk.get_likelihood_display(), small),
                    _p(risk.get_impact_display(), small),
                    _p(risk.measure, small),
                ]
            )
        story.append(_table(risk_rows))
    else:
        story.append(_p("Nog geen risico's vastgelegd.", body))
    if dpia is not None:
        story.append(_p(f"Status: {dpia.get_status_display()}.", body))
        if dpia.signed_at:
            story.append(
                _p(f"Vastgesteld door {dpia.signed_by} op {dpia.signed_at:%d-%m-%Y}.", body)
            )
        if dpia.review_reason:
            story.append(_p(dpia.review_reason, body))
    buffer = io.BytesIO()
    _document(buffer, f"Verwerkingsregister {version.network.name}").build(story)
    return buffer.getvalue()
