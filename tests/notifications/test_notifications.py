"""In-app notifications: given members of two networks, when notifications are sent, then each
member reads only their own in the current network, and marking read touches only their own."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from factories import network_factory

from lont.audit.models import ChangeLogEntry
from lont.notifications import selectors, services
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_send_is_change_logged_and_the_inbox_shows_only_own_notifications_in_this_network(
    make_member, client_for, viewer_for
):
    member = make_member()
    other = make_member()
    elsewhere = network_factory(name="Ander netwerk", slug="ander")
    services.notification_send(user=member.user, text="Actie #1 is uiterlijk morgen af.", url="/x/")
    services.notification_send(user=member.user, text="Zonder netwerk")
    services.notification_send(user=member.user, text="Uit een ander netwerk", network=elsewhere)
    services.notification_send(user=other.user, text="Voor iemand anders", network=member.network)
    # the first was sent without a network: give it this one, as the apps do
    Notification.objects.filter(text__startswith="Actie").update(network=member.network)

    texts = {n.text for n in selectors.notifications(viewer_for(member))}
    assert texts == {"Actie #1 is uiterlijk morgen af.", "Zonder netwerk"}
    assert ChangeLogEntry.objects.filter(object_type="notifications.notification").count() == 4

    page = client_for(member).get(reverse("notifications:inbox"))
    assert page.status_code == 200
    assert "Actie #1 is uiterlijk morgen af." in page.content.decode()
    assert "Voor iemand anders" not in page.content.decode()
    assert "Uit een ander netwerk" not in page.content.decode()


def test_marking_all_read_marks_only_own_and_nobody_marks_anothers(make_member, client_for):
    member = make_member()
    other = make_member()
    own = services.notification_send(user=member.user, text="Eigen", network=member.network)
    theirs = services.notification_send(user=other.user, text="Andere", network=member.network)

    response = client_for(member).post(reverse("notifications:inbox"))

    assert response.status_code == 302
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.read_at is not None
    assert theirs.read_at is None
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(user=member.user, notification=theirs)


def test_signal_register_keeps_its_old_service_names():
    """Callers written against ``signalregister.services`` keep working after the move."""
    from lont.signalregister import services as signal_services

    assert signal_services.notification_create is services.notification_send
    assert signal_services.notification_mark_read is services.notification_mark_read
