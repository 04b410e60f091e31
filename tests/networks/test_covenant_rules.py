"""The covenant's rules as plain Python: defaults respect the law; the law caps every grant."""

import pytest

from lont.networks import covenant_rules as rules
from lont.networks.choices import Access, InformationCategory, LegalPower, PartnerType

C, P = InformationCategory, PartnerType


def test_the_default_covenant_is_lawful_and_complete():
    assert rules.validate_sharing(rules.DEFAULT_SHARING) == []
    assert rules.retention_problems(rules.DEFAULT_RETENTION_DAYS) == []


@pytest.mark.parametrize("ptype", [p for p in P if p not in rules.CARE_PARTNER_TYPES])
def test_care_data_stays_with_care_partners_by_default(ptype):
    assert rules.DEFAULT_SHARING[C.CARE][ptype] == Access.NONE


@pytest.mark.parametrize("ptype", list(P))
def test_criminal_data_in_full_only_with_that_power(ptype):
    powers = rules.DEFAULT_POWERS.get(ptype, frozenset())
    if LegalPower.CRIMINAL_DATA not in powers:
        assert rules.DEFAULT_SHARING[C.CRIMINAL][ptype] < Access.FULL


def test_schools_and_housing_get_no_blanket_access():
    for category in (C.TIP, C.CRIMINAL, C.CARE):
        assert rules.DEFAULT_SHARING[category][P.EDUCATION] == Access.NONE
        assert rules.DEFAULT_SHARING[category][P.HOUSING] == Access.NONE


@pytest.mark.parametrize(
    ("category", "ptype", "powers", "ceiling"),
    [
        (C.CRIMINAL, P.POLICE, {LegalPower.CRIMINAL_DATA}, Access.FULL),
        (C.CRIMINAL, P.MUNICIPALITY, set(), Access.SUMMARY),
        (C.CARE, P.YOUTH_WORK, set(), Access.NONE),
        (C.CARE, P.CARE, set(), Access.FULL),
        (C.CARE, P.OTHER, {LegalPower.HEALTH_DATA}, Access.FULL),
        (C.ONLINE_OPEN_SOURCE, P.BUSINESS, set(), Access.FULL),
    ],
)
def test_legal_ceiling(category, ptype, powers, ceiling):
    assert rules.legal_ceiling(category, ptype, powers) == ceiling


def test_an_unlawful_grant_is_refused_with_a_dutch_reason():
    sharing = {c: dict(row) for c, row in rules.DEFAULT_SHARING.items()}
    sharing[C.CARE][P.EDUCATION] = Access.FULL
    sharing[C.CRIMINAL][P.YOUTH_WORK] = Access.FULL
    problems = rules.validate_sharing(sharing)
    assert {p.field for p in problems} == {"care.onderwijs", "criminal.jongerenwerk"}
    assert any("Zorggegevens blijven bij zorgpartners" in p.message for p in problems)


def test_missing_category_and_bad_values_are_reported():
    sharing = {c: dict(row) for c, row in rules.DEFAULT_SHARING.items() if c != C.TIP}
    sharing[C.INCIDENT][P.POLICE] = 7
    fields = {p.field for p in rules.validate_sharing(sharing)}
    assert "tip" in fields and "incident.politie" in fields


def test_effective_access_takes_the_lower_of_covenant_and_law():
    sharing = {C.CRIMINAL: {P.MUNICIPALITY: Access.FULL}}
    level = rules.effective_access(
        sharing, category=C.CRIMINAL, partner_type=P.MUNICIPALITY, powers=[]
    )
    assert level == Access.SUMMARY


def test_diff_lists_changed_cells_only():
    old = {"tip": {"politie": 2, "gemeente": 2}}
    new = {"tip": {"politie": 1, "gemeente": 2}}
    assert rules.diff_matrix(old, new) == [("tip", "politie", 2, 1)]
