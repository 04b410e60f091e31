"""A user with memberships in two networks switches between them; their data never mixes."""

import pytest
from django.urls import reverse
from factories import member_factory, network_factory

from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def test_switching_networks_changes_what_is_shown(network, make_member, client_for):
    noord = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    zuid = network_factory("Voorbeeldstad Zuid", "zuid")
    member_factory(zuid, partner_type=PartnerType.POLICE, user=noord.user, role=Role.PROFESSIONAL)
    stranger = member_factory(zuid, partner_type=PartnerType.YOUTH_WORK)
    client = client_for(noord)

    home = client.get(reverse("core:home")).content.decode()
    assert "Voorbeeldstad Test" in home and 'name="network"' in home
    assert stranger.user.full_name not in client.get(reverse("networks:members")).content.decode()

    client.post(reverse("core:switch_network"), {"network": zuid.pk})
    members = client.get(reverse("networks:members")).content.decode()
    assert stranger.user.full_name in members
    assert client.get(reverse("networks:covenant_edit")).status_code == 403  # professional in Zuid


def test_cannot_switch_to_a_network_without_membership(network, make_member, client_for):
    member = make_member()
    other = network_factory("Elders", "elders")
    client = client_for(member)
    client.post(reverse("core:switch_network"), {"network": other.pk})
    assert "Voorbeeldstad Test" in client.get(reverse("core:home")).content.decode()


def test_switch_redirect_stays_on_this_site(network, make_member, client_for):
    client = client_for(make_member())
    response = client.post(
        reverse("core:switch_network"), {"network": network.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
