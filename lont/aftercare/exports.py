"""A debunk for publication: schema.org ``ClaimReview`` JSON-LD (as fact-checkers publish) and
plain text. Only what the network publishes: the claim, the facts, the verdict; no people."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .models import Debunk


def claim_review(debunk: Debunk, *, url: str) -> dict[str, Any]:
    rumour = debunk.rumour
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "datePublished": debunk.updated_at.date().isoformat(),
        "inLanguage": "nl",
        "claimReviewed": rumour.claim,
        "reviewBody": debunk.text,
        "author": {"@type": "Organization", "name": debunk.network.name},
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": rumour.created_at.date().isoformat(),
            "appearance": {"@type": "CreativeWork", "description": rumour.where},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": _("Onjuist"),
        },
    }


def plain_text(debunk: Debunk) -> str:
    lines = [
        debunk.text.strip(),
        "",
        _("De feiten: %(facts)s") % {"facts": debunk.facts.strip()},
        "",
        _("Gerucht dat hier wordt ontkracht: %(claim)s") % {"claim": debunk.rumour.claim.strip()},
        _("Beoordeling: onjuist."),
    ]
    return "\n".join(lines) + "\n"
