"""The guide catalogue: counts, fidelity to the seed text, and validation of malformed data."""

import copy
import json
import re
from pathlib import Path

import pytest

from lont.knowledge import catalogue
from lont.knowledge.catalogue import (
    CatalogueError,
    load_guide,
    load_indicators,
    load_lists,
    parse_guide,
    parse_indicators,
    parse_lists,
)

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared/seed"
SEED_FILES = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
needs_seed = pytest.mark.skipif(
    not SEED_FILES, reason=f"seed text not available at {SEED_DIR} (shared/seed is absent)"
)


def norm(text: str) -> str:
    """Whitespace- and hyphenation-normalise text for comparison with the extracted seed."""
    text = text.replace("\u00ad", "")
    text = re.sub(
        r"(\w)-\s+(\w)", r"\1-\2", text
    )  # "deur-in-het- gezicht" -> "deur-in-het-gezicht"
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed() -> str:
    return norm("\n".join(p.read_text(encoding="utf-8") for p in SEED_FILES))


ONLINE_CODES = [
    "online.content_change",
    "online.rival_collaboration",
    "online.network_visible",
    "online.poster_intent",
    "online.support_reach",
    "online.emotional_history",
    "online.reputation_family",
    "online.group_pressure",
    "online.time_place",
    "online.engagement",
]


# ------------------------------------------------------------------------ recommendations


def test_21_recommendations_with_per_phase_counts():
    guide = load_guide()
    assert len(guide.recommendations) == 21
    assert [r.code for r in guide.by_phase("peacetime")] == [f"V{i}" for i in range(1, 13)]
    assert [r.code for r in guide.by_phase("crisis")] == [f"C{i}" for i in range(1, 6)]
    assert [r.code for r in guide.by_phase("aftercare")] == [f"N{i}" for i in range(1, 5)]


def test_every_recommendation_has_points_and_capabilities():
    for rec in load_guide().recommendations:
        assert rec.points, rec.code
        assert "X8" in rec.capabilities, rec.code
        assert rec.explanation
        for p in rec.points:
            for ref in p.references:
                assert ref in rec.references


PRIMARY_CAPABILITY = {
    **{f"V{n}": f"P{n}" for n in range(1, 13)},
    **{f"C{n}": f"C{n}" for n in range(1, 6)},
    **{f"N{n}": f"A{n}" for n in range(1, 5)},
}


def test_primary_capability_is_the_one_citing_the_heading():
    guide = load_guide()
    for rec in guide.recommendations:
        assert rec.capabilities[0] == PRIMARY_CAPABILITY[rec.code], rec.code
    assert guide.get("V5").heading.startswith("Deel relevante signalen")
    assert guide.get("V12").heading.startswith("Investeer in het vergroten van bewustwording")
    assert [r.code for r in guide.for_capability("A4")] == ["N4"]


def test_references_are_extracted_per_point():
    guide = load_guide()
    assert guide.get("V1").point(3).references == (
        "Praktijkonderzoek H3.8",
        "Praktijkonderzoek H4.4",
        "Literatuurreview H1",
        "Literatuurreview H3",
    )
    assert guide.get("V7").point(1).references == ("Literatuurreview H3 Tabel 3",)
    assert guide.get("V12").point(1).references == ()


@needs_seed
def test_headings_appear_verbatim_in_seed(seed):
    for rec in load_guide().recommendations:
        # each heading appears twice: in the overview and above its section
        assert seed.count(norm(rec.heading)) == 2, rec.code


@needs_seed
def test_points_and_explanations_come_from_seed(seed):
    for rec in load_guide().recommendations:
        assert norm(rec.explanation)[:60] in seed, rec.code
        if rec.question:
            assert norm(rec.question) in seed, rec.code
        for p in rec.points:
            assert norm(p.text)[:40] in seed, (rec.code, p.number)
            assert f"{p.number}. {norm(p.text)[:40]}" in seed, (rec.code, p.number)


@needs_seed
def test_sublists_are_quoted_from_seed(seed):
    for rec in load_guide().recommendations:
        for name, items in rec.sublists.items():
            for item in items:
                assert norm(item) in seed, (rec.code, name, item)


@needs_seed
def test_guide_intro_is_from_seed(seed):
    for para in load_guide().intro.split("\n\n"):
        assert norm(para) in seed


# ------------------------------------------------------------------------ indicators


def test_indicator_codes_and_refs():
    indicators = {i.code: i for i in load_indicators()}
    for code in ONLINE_CODES:
        assert code in indicators
        assert indicators[code].guide_ref.recommendation == "V5"
    assert indicators["online.emotional_history"].default_weight_class == "strong"
    assert indicators["online.time_place"].default_weight_class == "strong"
    assert indicators["online.time_place"].guide_ref.point == 7
    for code in ("drill.conflict_history", "drill.personal_attacks", "drill.weapons_members"):
        assert indicators[code].guide_ref.recommendation == "V9"
    for code in ("request.foot_in_door", "request.door_in_face", "request.low_ball"):
        assert indicators[code].guide_ref.recommendation == "V7"
    for code in ("calendar.anniversary", "calendar.sentence", "calendar.release"):
        assert indicators[code].guide_ref.recommendation == "V6"


def test_every_guide_ref_resolves():
    guide = load_guide()
    for ind in load_indicators():
        rec = guide.get(ind.guide_ref.recommendation)
        if ind.guide_ref.point is not None:
            assert rec.point(ind.guide_ref.point)


def test_23_nonverbal_indicators_in_four_classes():
    nonverbal = [i for i in load_indicators() if i.category == "nonverbal"]
    assert [i.code for i in nonverbal] == [f"nonverbal.{n:02d}" for n in range(1, 24)]
    classes = [i.default_weight_class for i in nonverbal]
    assert classes == ["strong"] * 2 + ["fairly_strong"] * 3 + ["somewhat"] * 13 + ["weak"] * 5
    assert all(i.phase == "crisis" and i.guide_ref.recommendation == "C4" for i in nonverbal)
    assert "‘Zwakke indicatoren’" in nonverbal[-1].description_nl


def test_five_provocation_signs():
    signs = [i for i in load_indicators() if i.category == "provocation"]
    assert [i.code for i in signs] == [f"provocation.{n}" for n in range(1, 6)]


@needs_seed
def test_nonverbal_labels_are_in_seed(seed):
    for ind in load_indicators():
        if ind.category == "nonverbal":
            n = int(ind.code.split(".")[1])
            assert f"{n}. {ind.label_nl.lower()}" in seed.lower(), ind.code


# ------------------------------------------------------------------------ lists

LIST_COUNTS = {
    "vision_questions": 5,
    "online_working_method": 9,
    "platform_aspects": 9,
    "formation_stages": 5,
    "group_core_purpose": 2,
    "seven_step_model": 7,
    "shortlist_types": 3,
    "drill_red_flags": 3,
    "realistic_threat_interventions": 5,
    "symbolic_threat_interventions": 2,
    "request_techniques": 3,
    "calendar_windows": 3,
    "awareness_measures": 7,
    "incident_information": 5,
    "action_plan_dimensions": 6,
    "person_role_types": 6,
    "conflict_stages": 3,
    "deescalation_tactics": 8,
    "joint_reporting_steps": 3,
    "aftercare_steps": 7,
    "work_stressors": 4,
    "organisational_stressors": 10,
    "evaluation_questions": 3,
    "debunk_rules": 6,
}


@pytest.mark.parametrize(("key", "count"), sorted(LIST_COUNTS.items()))
def test_list_counts(key, count):
    assert len(load_lists()[key].items) == count


def test_formation_stage_order_and_domain_lists_marked():
    lists = load_lists()
    assert [i.code for i in lists["formation_stages"].items] == [
        "forming",
        "storming",
        "norming",
        "performing",
        "adjourning",
    ]
    assert "niet geverifieerd" in lists["seven_step_model"].source
    assert "DOMAIN.md" in lists["shortlist_types"].source
    assert lists["debunk_rules"].source == "guide"


@needs_seed
def test_guide_list_texts_are_quoted_from_seed(seed):
    for lst in load_lists().values():
        if lst.source != "guide":
            continue
        for item in lst.items:
            assert norm(item.text_nl)[:40] in seed, (lst.key, item.code)
            if item.advice_nl and lst.key != "person_role_types":
                assert norm(item.advice_nl) in seed, (lst.key, item.code)


# ------------------------------------------------------------------------ validation


def raw(name):
    return json.loads((catalogue.DATA_DIR / name).read_text(encoding="utf-8"))


def test_duplicate_recommendation_code_is_rejected():
    data = raw("guide.json")
    data["recommendations"][1]["code"] = "V1"
    with pytest.raises(CatalogueError, match="duplicate recommendation code 'V1'"):
        parse_guide(data)


def test_unknown_weight_class_is_rejected():
    data = raw("indicators.json")
    data[0]["default_weight_class"] = "huge"
    with pytest.raises(CatalogueError, match="unknown weight class 'huge'"):
        parse_indicators(data, load_guide())


def test_duplicate_indicator_code_is_rejected():
    data = raw("indicators.json")
    data.append(copy.deepcopy(data[0]))
    with pytest.raises(CatalogueError, match="duplicate indicator code"):
        parse_indicators(data, load_guide())


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ({"recommendation": "V99", "point": 1}, "unknown recommendation 'V99'"),
        ({"recommendation": "V5", "point": 42}, "V5 point 42 does not exist"),
        ({"recommendation": "V10", "point": 1}, "V10 point 1 is ambiguous"),
    ],
)
def test_broken_guide_ref_is_rejected(ref, message):
    data = raw("indicators.json")
    data[0]["guide_ref"] = ref
    with pytest.raises(CatalogueError, match=message):
        parse_indicators(data, load_guide())


def test_duplicate_list_item_code_is_rejected():
    data = raw("lists.json")
    data[0]["items"][1]["code"] = data[0]["items"][0]["code"]
    with pytest.raises(CatalogueError, match="duplicate list vision_questions item code"):
        parse_lists(data, load_guide())


def test_loaders_are_cached():
    assert load_guide() is load_guide()
    assert load_lists() == load_lists()
