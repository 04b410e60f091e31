"""The rules of the subjects services: principle 9, kept-apart people, write rights, expiry."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from subjects.subjects_factories import (
    REAL_NAME,
    group_factory,
    membership_factory,
    person_factory,
    person_relation_factory,
)

from lont.audit.models import ChangeLogEntry
from lont.networks.choices import PartnerType, Role
from lont.subjects import services
from lont.subjects.models import (
    GroupMembership,
    Person,
    PersonJustification,
    PersonRelation,
)
from lont.subjects.tasks import expire_persons

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(make_member, viewer_for):
    return viewer_for(make_member(PartnerType.POLICE))


@pytest.mark.parametrize("basis", ["familie", "family", "", "verzonnen"])
def test_family_ties_alone_never_link_a_person_to_a_group(police, basis):
    # Given a group, and a person whose only known tie to it is family
    group = group_factory(police.organisation)
    cousin = person_factory(police.organisation, alias="Neef")
    member = person_factory(police.organisation, alias="Lid")
    membership_factory(group, member)
    person_relation_factory(cousin, member, kind="familie")
    # When someone links the cousin to the group on that basis
    with pytest.raises(ValidationError) as error:
        services.membership_create(
            viewer=police,
            data={"group": group, "person": cousin, "role": "follower", "basis": basis},
        )
    # Then it is refused with a clear reason and nothing is stored
    assert "familiebanden" in str(error.value)
    assert not GroupMembership.objects.filter(person=cousin).exists()


def test_a_link_on_an_observed_basis_is_accepted(police):
    group = group_factory(police.organisation)
    person = person_factory(police.organisation)
    membership = services.membership_create(
        viewer=police,
        data={"group": group, "person": person, "role": "leader", "basis": "waarneming"},
    )
    assert membership.organisation == police.organisation
    assert ChangeLogEntry.objects.filter(event="subjects.membership_created").exists()


def test_other_basis_needs_an_explanation(police):
    group, person = group_factory(police.organisation), person_factory(police.organisation)
    with pytest.raises(ValidationError):
        services.membership_create(
            viewer=police,
            data={
                "group": group,
                "person": person,
                "role": "follower",
                "basis": "anders",
                "basis_note": " ",
            },
        )


@pytest.mark.parametrize("involvement", ["slachtoffer", "tipgever"])
def test_victims_and_tipsters_get_no_group_membership(police, involvement):
    group = group_factory(police.organisation)
    person = person_factory(police.organisation, involvement=involvement)
    with pytest.raises(ValidationError):
        services.membership_create(
            viewer=police,
            data={"group": group, "person": person, "role": "follower", "basis": "waarneming"},
        )


def test_observer_cannot_write(make_member, viewer_for):
    observer = viewer_for(make_member(PartnerType.MUNICIPALITY, role=Role.OBSERVER))
    with pytest.raises(PermissionDenied):
        services.group_create(viewer=observer, data={"name": "X"})


def test_only_the_recording_partner_deletes(police, make_member, viewer_for):
    group = group_factory(police.organisation)
    youth = viewer_for(make_member(PartnerType.YOUTH_WORK))  # full group-analysis access
    with pytest.raises(PermissionDenied):
        services.group_delete(viewer=youth, group=group)
    services.group_delete(viewer=police, group=group)


def test_descriptive_type_needs_a_partners_rationale(police):
    group = group_factory(police.organisation)
    with pytest.raises(ValidationError):
        services.assessment_create(viewer=police, group=group, data={"shortlist_type": "crimineel"})
    assessment = services.assessment_create(
        viewer=police,
        group=group,
        data={
            "shortlist_type": "overlastgevend",
            "shortlist_rationale": "Eigen waarneming, drie meldingen.",
            "shortlist_by": police.organisation,
        },
    )
    assert assessment.steps.count() == 7
    assert assessment.steps.get(number=1).status == "bezig"


@time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
def test_review_date_defaults_to_the_covenants_identifying_retention(police):
    person = services.person_create(viewer=police, data={"alias": "Nieuw"})
    assert person.review_date == dt.date(2026, 6, 1) + dt.timedelta(days=365)


@time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC))
def test_justification_moves_the_review_date_within_the_retention(police):
    person = person_factory(police.organisation, review_date=dt.date(2026, 6, 10))
    with pytest.raises(ValidationError):
        services.person_justify(
            viewer=police, person=person, reason="", new_review_date=dt.date(2026, 9, 1)
        )
    with pytest.raises(ValidationError):
        services.person_justify(
            viewer=police, person=person, reason="Nog actief", new_review_date=dt.date(2028, 1, 1)
        )
    services.person_justify(
        viewer=police,
        person=person,
        reason="Nog actief in de vete",
        new_review_date=dt.date(2026, 12, 1),
    )
    assert Person.objects.get(pk=person.pk).review_date == dt.date(2026, 12, 1)
    assert PersonJustification.objects.filter(person=person).count() == 1


def test_expiry_deletes_everything_about_expired_people_and_logs_counts_only(police):
    # Given one expired person with a membership, a relation and a justification, and one current
    group = group_factory(police.organisation)
    expired = person_factory(
        police.organisation, alias="Verlopen Alias", review_date=dt.date(2026, 1, 1)
    )
    current = person_factory(police.organisation, alias="Actueel", review_date=dt.date(2027, 1, 1))
    membership_factory(group, expired)
    person_relation_factory(expired, current)
    PersonJustification.objects.create(
        network=police.network,
        organisation=police.organisation,
        person=expired,
        reason="Oude reden",
        new_review_date=dt.date(2026, 1, 1),
    )
    before = set(ChangeLogEntry.objects.values_list("pk", flat=True))

    # When the expiry job runs after the review date
    counts = services.persons_expire(today=dt.date(2026, 2, 1))

    # Then the person and everything hanging on them is gone, the current one stays
    assert counts == {
        "persons": 1,
        "failed": 0,
        "subjects.GroupMembership.person": 1,
        "subjects.PersonRelation.person_a": 1,
        "subjects.PersonJustification.person": 1,
    }
    assert list(Person.objects.values_list("alias", flat=True)) == ["Actueel"]
    assert not GroupMembership.objects.exists() and not PersonRelation.objects.exists()
    # and the log holds counts and ids, never the alias, name or reason
    new = ChangeLogEntry.objects.exclude(pk__in=before)
    event = new.get(event="subjects.persons_expired")
    assert event.after == {key: n for key, n in counts.items() if n}
    for entry in new:
        text = f"{entry.object_repr} {entry.before} {entry.after}"
        assert "Verlopen Alias" not in text and REAL_NAME not in text and "Oude reden" not in text


def test_expiry_task_and_command_run_the_same_service(police, capsys):
    person_factory(police.organisation, review_date=dt.date(2000, 1, 1))
    result = expire_persons.enqueue()
    assert result.return_value["persons"] == 1
    person_factory(police.organisation, review_date=dt.date(2000, 1, 1))
    call_command("expire_persons")
    assert "1 personen" in capsys.readouterr().out
    assert not Person.objects.exists()
