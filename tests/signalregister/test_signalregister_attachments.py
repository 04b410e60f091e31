"""Attachments: type by content, size, corrupt files, metadata stripped, served only in full."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image
from signalregister.signals_factories import (
    image_bytes,
    signal_factory,
    signal_form_data,
    upload,
)

from lont.audit.models import AccessLogEntry
from lont.networks.choices import PartnerType
from lont.signalregister.attachments import clean_image
from lont.signalregister.models import Signal, SignalAttachment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LONT_UPLOAD_MAX_BYTES = 50_000


def _post(client, data: dict, file) -> object:
    payload = signal_form_data(
        source_type="open_online",
        platform="Instagram",
        description="Schermafdruk van een fictief bericht",
        **data,
    )
    if file is not None:
        payload["attachment"] = file
    return client.post(reverse("signalregister:create"), payload)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 fictief", "geen geldige afbeelding"),  # wrong type
        (b"GIF89a" + image_bytes("GIF")[6:], "Alleen afbeeldingen in PNG, JPEG of WebP"),
        (image_bytes("PNG")[:40], "geen geldige afbeelding"),  # corrupt (truncated)
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 60_000, "te groot"),  # oversized
    ],
)
def test_bad_files_give_a_dutch_error_and_nothing_is_saved(make_member, client_for, data, message):
    # given a youth worker on the create form
    member = make_member()
    client = client_for(member)
    # when they upload a bad file with an otherwise valid signal
    response = _post(client, {}, upload(data, "bestand.png"))
    # then the form comes back with a clear error, what they typed kept, and nothing saved
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Schermafdruk van een fictief bericht" in response.content.decode()
    assert Signal.objects.count() == 0 and SignalAttachment.objects.count() == 0


def test_exif_gps_is_stripped(settings):
    # given a JPEG with EXIF GPS and camera data
    original = image_bytes("JPEG", gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825)
    # when it is cleaned
    clean = clean_image(upload(original, "foto.jpg", "image/jpeg"))
    # then the stored bytes hold no EXIF at all
    stored = Image.open(io.BytesIO(clean.content.read()))
    assert not stored.getexif()
    assert "exif" not in stored.info and "icc_profile" not in stored.info
    assert clean.content_type == "image/jpeg"


def test_upload_stored_with_random_name_and_served_only_in_full(make_member, client_for, settings):
    # given a youth worker's online signal with a screenshot
    owner = make_member()
    response = _post(client_for(owner), {}, upload(image_bytes("PNG", gps=False), "jayden.png"))
    assert response.status_code == 302
    attachment = SignalAttachment.objects.get()
    assert "jayden" not in attachment.file.name
    assert str(settings.MEDIA_ROOT) in attachment.file.path
    url = reverse("signalregister:attachment", args=[attachment.pk])
    # when the owner and a partner with full access download it, then they get it and it is logged
    assert client_for(owner).get(url).status_code == 200
    police = make_member(PartnerType.POLICE)
    assert client_for(police).get(url).status_code == 200
    assert AccessLogEntry.objects.filter(object_type="signalregister.signalattachment").count() == 2
    # and a partner with only a summary (education: summary of online signals) gets a 404
    teacher = make_member(PartnerType.EDUCATION)
    assert client_for(teacher).get(url).status_code == 404
    housing = make_member(PartnerType.HOUSING)
    assert client_for(housing).get(url).status_code == 404


def test_attachment_of_a_signal_made_with_the_factory(make_member):
    owner = make_member()
    signal = signal_factory(
        owner, attachments=[upload(image_bytes("WEBP"), "a.webp", "image/webp")]
    )
    assert signal.attachments.get().content_type == "image/webp"
