"""A4: the debunk check follows the guide's rules; a ready debunk passes them; exports as
schema.org ClaimReview JSON-LD and plain text."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from socialmap.socialmap_factories import contact_factory

from lont.aftercare import services
from lont.aftercare.debunk import check_debunk, reading_ease
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db

CLAIM = "Bij de kooi is gisteren iemand neergestoken door de jongens van West."
MYTH_FIRST = "Bij de kooi is gisteren iemand neergestoken door de jongens van West. Dat klopt niet."
FACTS_FIRST = "Niemand is gewond geraakt bij de kooi. Het gerucht over een steekpartij klopt niet."
FACTS = "Niemand is gewond. Er was ruzie. Die is gestopt."


def _rules(text: str, **kw):
    values = {
        "claim": CLAIM,
        "facts": FACTS,
        "text": text,
        "audience": "jongeren",
        "has_messenger": True,
    }
    values.update(kw)
    return {r.rule: r.ok for r in check_debunk(**values)}


def test_opening_with_the_myth_is_flagged_and_the_rewrite_passes():
    assert _rules(MYTH_FIRST)["no_myth_first"] is False
    assert all(_rules(FACTS_FIRST).values())


def test_facts_harder_or_longer_than_the_myth_are_flagged():
    hard = (
        "Overeenkomstig de waarnemingen van de aanwezige functionarissen is er geconstateerd dat "
        "er geenszins sprake was van letselveroorzakende handelingen of onrechtmatigheden. "
    ) * 2
    assert reading_ease(hard) < reading_ease(CLAIM)
    assert _rules(FACTS_FIRST, facts=hard)["simple_facts"] is False


def test_discrepancy_messenger_and_audience_are_checked():
    result = _rules("Niemand is gewond geraakt.", audience="", has_messenger=False)
    assert result["discrepancy"] is False and result["audience"] is False
    assert result["messenger"] is False


@pytest.fixture
def youth(make_member):
    return make_member(PartnerType.YOUTH_WORK)


def _rumour(youth):
    return services.rumour_create(viewer=Viewer(youth), data={"claim": CLAIM, "where": "TikTok"})


def test_ready_needs_every_rule_and_the_page_shows_the_check(youth, client_for):
    rumour = _rumour(youth)
    messenger = contact_factory(youth.organisation, kind="credible_messenger")
    url = reverse("aftercare:debunk_create", args=[rumour.pk])
    data = {
        "facts": FACTS,
        "text": MYTH_FIRST,
        "audience": "jongeren",
        "messenger": messenger.pk,
        "status": "ready",
    }
    page = client_for(youth).post(url, data)
    body = page.content.decode()
    assert page.status_code == 400 and "herhaalt grotendeels het gerucht" in body
    assert MYTH_FIRST in body  # what was typed stays
    page = client_for(youth).post(url, {**data, "text": FACTS_FIRST})
    assert page.status_code == 302
    debunk = rumour.debunks.for_viewer(Viewer(youth)).get()
    assert debunk.status == "ready" and debunk.messenger == messenger
    with pytest.raises(ValidationError):
        services.debunk_save(
            viewer=Viewer(youth),
            rumour=rumour,
            debunk=debunk,
            data={**data, "messenger": messenger},
        )


def test_exports_claim_review_and_plain_text(youth, client_for):
    rumour = _rumour(youth)
    debunk = services.debunk_save(
        viewer=Viewer(youth),
        rumour=rumour,
        data={"facts": FACTS, "text": FACTS_FIRST, "audience": "jongeren"},
    )
    response = client_for(youth).get(reverse("aftercare:debunk_jsonld", args=[debunk.pk]))
    data = json.loads(response.content)
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == CLAIM and data["reviewBody"] == FACTS_FIRST
    assert data["reviewRating"]["ratingValue"] == 1
    text = (
        client_for(youth).get(reverse("aftercare:debunk_text", args=[debunk.pk])).content.decode()
    )
    assert FACTS_FIRST in text and CLAIM in text


def test_other_partner_without_sharing_cannot_export(youth, make_member, client_for):
    housing = make_member(PartnerType.HOUSING)
    debunk = services.debunk_save(
        viewer=Viewer(youth), rumour=_rumour(youth), data={"facts": FACTS, "text": FACTS_FIRST}
    )
    assert (
        client_for(housing).get(reverse("aftercare:debunk_jsonld", args=[debunk.pk])).status_code
        == 404
    )
