"""The access report as machine-readable JSON (in the spirit of the *Logboek Dataverwerkingen*:
per record who processed it, when, how and for what purpose)."""

from __future__ import annotations

from typing import Any

from .selectors import AccessReport

SCHEMA = "lont.access-report/1"


def report_json(report: AccessReport) -> dict[str, Any]:
    request = report.request
    return {
        "schema": SCHEMA,
        "request": {
            "id": request.pk,
            "kind": request.kind,
            "received_on": request.received_on.isoformat(),
            "deadline": request.deadline.isoformat(),
        },
        "network": request.network.name,
        "produced_at": report.produced_at.isoformat(),
        "records": [
            {
                "type": record.object_type,
                "type_label": record.label,
                "id": record.object_id,
                "description": record.description,
                "refers_to": record.via or None,
                "category": record.category,
                "category_label": record.category_label,
                "holder": {
                    "organisation": record.partner,
                    "partner_type": record.partner_type,
                },
                "legal_basis": record.legal_basis,
                "created_at": record.created_at.isoformat() if record.created_at else None,
                "exceptions": record.exceptions,
                "outcomes": [
                    {
                        "outcome": outcome.outcome,
                        "exception": outcome.exception,
                        "reason": outcome.reason,
                        "decided_at": outcome.decided_at.isoformat(),
                    }
                    for outcome in record.outcomes
                ],
                "processing": [
                    {
                        "at": event.at.isoformat(),
                        "kind": event.kind,
                        "action": event.action,
                        "organisation": event.organisation,
                        "role": event.role,
                        "via": event.via,
                        "purpose": event.purpose,
                        "summary_only": event.summary_only,
                    }
                    for event in record.events
                ],
            }
            for record in report.records
        ],
    }
