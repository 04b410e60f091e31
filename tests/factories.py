"""Factories for the foundation's models. Every test builds the world it needs; no shared fixtures."""

from __future__ import annotations

from typing import Any

import factory
import pyotp

from lont.accounts import totp
from lont.accounts.models import User
from lont.networks import services
from lont.networks.choices import PartnerType, Role
from lont.networks.models import Membership, Network, Organisation

PASSWORD = "Correct-Horse-Battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@voorbeeldstad.test")
    full_name = factory.Sequence(lambda n: f"Testpersoon {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def with_totp(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        self.save()
        if extracted is not False:
            self.totp_secret = pyotp.random_base32()
            totp.set_known_secret(self, self.totp_secret)


def network_factory(
    name: str = "Voorbeeldstad Test", slug: str = "test", *, covenant: bool = True
) -> Network:
    network = services.network_create(name=name, slug=slug)
    if covenant:
        municipality = organisation_factory(network, "Gemeente Test", PartnerType.MUNICIPALITY)
        services.covenant_version_create(
            network=network, actor=None, reason="Test", director_organisation=municipality
        )
    return network


def organisation_factory(
    network: Network,
    name: str | None = None,
    partner_type: str = PartnerType.YOUTH_WORK,
    **kwargs: Any,
) -> Organisation:
    existing = Organisation.objects.filter(network=network, name=name).first() if name else None
    if existing:
        return existing
    name = name or f"{PartnerType(partner_type).label} {Organisation.objects.count() + 1}"
    return services.organisation_create(
        network=network, name=name, partner_type=partner_type, **kwargs
    )


def member_factory(
    network: Network,
    *,
    partner_type: str = PartnerType.YOUTH_WORK,
    role: str = Role.PROFESSIONAL,
    organisation: Organisation | None = None,
    user: User | None = None,
) -> Membership:
    organisation = organisation or organisation_factory(
        network, f"{PartnerType(partner_type).label} ({network.slug})", partner_type
    )
    return Membership.objects.create(
        user=user or UserFactory(), network=network, organisation=organisation, role=role
    )
