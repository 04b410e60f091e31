"""Factories for the signal-register tests (named so it never shadows ``tests/factories.py``)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from subjects.subjects_factories import person_factory

from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.choices import Role
from lont.networks.models import Membership
from lont.signalregister import services
from lont.signalregister.choices import SourceType


def indicator_factory(network: Any, code: str = "threat.explicit", **fields: Any) -> Indicator:
    fields.setdefault("label_nl", f"Indicator {code}")
    fields.setdefault("label_en", f"Indicator {code}")
    fields.setdefault("phase", "peacetime")
    fields.setdefault("category", "online")
    fields.setdefault("weight_class", "strong")
    fields.setdefault("default_weight_class", fields["weight_class"])
    indicator, _ = Indicator.objects.get_or_create(network=network, code=code, defaults=fields)
    return indicator


def signal_factory(
    member: Membership,
    *,
    people: list[tuple[Any, str]] | None = None,
    groups: list[Any] | None = None,
    indicators: list[Any] | None = None,
    attachments: list[Any] | None = None,
    **fields: Any,
) -> Any:
    fields.setdefault("observed_at", timezone.now() - dt.timedelta(days=1))
    fields.setdefault("source_type", SourceType.OPEN_ONLINE)
    fields.setdefault("platform", "Instagram")
    fields.setdefault("description", "Fictieve beschrijving")
    return services.signal_create(
        viewer=Viewer(member),
        fields=fields,
        parts=services.SignalParts(
            people=people or [],
            groups=groups or [],
            indicators=indicators or [],
            attachments=attachments or [],
        ),
    )


def image_bytes(fmt: str = "PNG", *, gps: bool = False, size: tuple[int, int] = (8, 6)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "FictiefMerk"  # camera make
        gps_ifd = {1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (5.0, 7.0, 0.0)}
        exif[0x8825] = gps_ifd
        image.save(out, format=fmt, exif=exif.tobytes())
    else:
        image.save(out, format=fmt)
    return out.getvalue()


def upload(data: bytes, name: str = "schermafdruk.png", content_type: str = "image/png") -> Any:
    return SimpleUploadedFile(name, data, content_type=content_type)


def at_guard_threshold(make_member: Any, partner_type: str, alias: str = "Zino") -> tuple:
    """A member, their coordinator and a person with two online signals of the member's
    organisation in the last 30 days: the next online signal about them crosses the
    systematic-observation guard's frequency threshold."""
    member = make_member(partner_type)
    coordinator = make_member(partner_type, role=Role.COORDINATOR)
    person = person_factory(member.organisation, alias=alias)
    for days in (20, 3):
        signal_factory(
            member,
            observed_at=timezone.now() - dt.timedelta(days=days),
            people=[(person, "involved")],
        )
    return member, coordinator, person


def signal_form_data(people: Sequence[tuple[Any, str]] = (), **fields: Any) -> dict[str, Any]:
    """What the signal form posts for a plain offline signal; ``people`` are (person, role)
    rows of the people formset, ``fields`` add to or replace the rest."""
    rows: dict[str, str] = {}
    for index, (person, role) in enumerate(people):
        rows[f"people-{index}-person"] = str(person.pk)
        rows[f"people-{index}-role"] = role
    return {
        "observed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "source_type": "own_offline",
        "description": "Ruzie bij de kooi",
        "people-TOTAL_FORMS": str(len(people)),
        "people-INITIAL_FORMS": "0",
        "drill_weapons_shown": "0",
        "drill_members_shown": "0",
        "drill_personal_attacks": "0",
        "request_outcome": "asked",
        **rows,
        **fields,
    }
