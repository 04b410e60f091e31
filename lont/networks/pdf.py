"""The covenant annex as a PDF (reportlab: no browser or system libraries needed)."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import annex
from .choices import Access, InformationCategory, LegalPower, PartnerType

ACCESS_SHORT = {Access.FULL: "volledig", Access.SUMMARY: "samenvatting", Access.NONE: "—"}


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)


def covenant_annex_pdf(*, version: Any, organisations: list[Any]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=f"Convenant {version.network.name} v{version.number}",
        author="Lont",
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8)
    story: list[Any] = [
        _p(f"Bijlage bij het convenant — {version.network.name}", styles["Title"]),
        _p(
            f"Versie {version.number}, vastgesteld {version.created_at:%d-%m-%Y %H:%M}. "
            f"Reden: {version.reason}",
            styles["BodyText"],
        ),
        _p(
            "Netwerkregisseur: "
            f"{version.director or '—'} ({version.director_organisation or '—'}); "
            f"FG: {version.privacy_officer or '—'}",
            styles["BodyText"],
        ),
        *[_p(citation, styles["BodyText"]) for citation in annex.citations(version)],
        Spacer(1, 0.4 * cm),
        _p("Partners en bevoegdheden", styles["Heading2"]),
    ]
    for org in organisations:
        powers = ", ".join(str(LegalPower(p).label) for p in org.legal_powers) or "geen bijzondere"
        story.append(
            _p(f"{org.name} ({PartnerType(org.partner_type).label}) — {powers}", styles["BodyText"])
        )
    story += [Spacer(1, 0.4 * cm), _p("Deelafspraken en bewaartermijnen", styles["Heading2"])]
    header = ["Categorie", *[str(p.label) for p in PartnerType], "Dagen"]
    rows = [[_p(h, small) for h in header]]
    for category in InformationCategory:
        row = version.sharing.get(category.value, {})
        rows.append(
            [_p(str(category.label), small)]
            + [_p(ACCESS_SHORT[Access(row.get(p.value, 0))], small) for p in PartnerType]
            + [_p(str(version.retention_days.get(category.value, "")), small)]
        )
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
    story += [table, Spacer(1, 0.4 * cm), _p("Taakverdeling", styles["Heading2"])]
    for ptype, tasks in version.tasks.items():
        if tasks:
            story.append(_p(f"{PartnerType(ptype).label}: " + "; ".join(tasks), styles["BodyText"]))
    story += [Spacer(1, 0.4 * cm), _p("Opschalingsniveaus", styles["Heading2"])]
    for level in version.escalation_levels:
        informed = ", ".join(str(PartnerType(p).label) for p in level.get("informed", []))
        story.append(
            _p(
                f"{level['label']}: {level['criteria']} Geïnformeerd: {informed}.",
                styles["BodyText"],
            )
        )
    wm = version.working_method
    story += [
        Spacer(1, 0.4 * cm),
        _p("Online werkwijze", styles["Heading2"]),
        _p(
            f"Online-affiene persoon per team: {'ja' if wm.get('online_affine_person_per_team') else 'nee'}; "
            f"alleen professionele accounts: {'ja' if wm.get('professional_accounts_only') else 'nee'}; "
            f"DPIA: {'uitgevoerd ' + str(wm.get('dpia_date') or '') if wm.get('dpia_done') else 'niet uitgevoerd'}; "
            f"FG aangesteld: {'ja' if wm.get('fg_appointed') else 'nee'}; "
            f"bewaarde kopie van gemelde berichten: "
            f"{'toegestaan' if wm.get('preserved_copies') else 'niet toegestaan'}. "
            f"Bereikbaarheid buiten kantoortijd: {wm.get('out_of_hours_availability') or '—'}",
            styles["BodyText"],
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
