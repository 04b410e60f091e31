"""Given the demo network, a school mentor — whose partner type may not see identifying data of
other partners' records — opens the network graph, filters it, and opens a person: only the alias
shows, on the page, in the title and in the graph's JSON."""

from __future__ import annotations

import pytest
from browser_support import assert_accessible, login

from lont.networks.demo import load_demo
from lont.subjects.models import Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MENTOR = "mentor@hetbaken.voorbeeldstad.test"


def test_graph_filters_and_a_person_shows_only_the_alias(page, live_server):
    load_demo()
    person = (
        Person.objects.filter(network__slug="voorbeeldstad-noord")
        .exclude(organisation__name="Het Baken College")
        .order_by("pk")
        .first()
    )
    real_name = person.real_name
    assert real_name and real_name != person.alias

    login(page, live_server, MENTOR)
    page.goto(f"{live_server.url}/doelgroepen/graph/")
    page.locator("#lont-graph canvas").first.wait_for()
    assert page.locator("#lont-graph-status").inner_text() == ""
    assert_accessible(page)

    page.get_by_label("Soort relatie").select_option("rivaliteit")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**kind=rivaliteit**")
    page.locator("#lont-graph canvas").first.wait_for()
    data = page.request.get(f"{live_server.url}/doelgroepen/graph/data/?kind=rivaliteit").json()
    kinds = {edge["data"].get("kind") for edge in data["elements"]["edges"]}
    assert kinds <= {"rivaliteit", "afgeschermd"} and "rivaliteit" in kinds
    full = page.request.get(f"{live_server.url}/doelgroepen/graph/data/").text()
    assert real_name not in full

    page.goto(f"{live_server.url}/doelgroepen/personen/{person.pk}/")
    assert person.alias in page.get_by_role("heading", level=1).inner_text()
    assert real_name not in page.content()
    assert real_name not in page.title()
    assert_accessible(page)
