"""The guide "Interventies in de cyclus van online aangejaagd geweld" as structured data.

Pure Python (no Django): loads and validates the JSON files in ``data/``:

- ``guide.json``: the 21 recommendations (vredestijd V1-V12, crisis C1-C5, nazorg N1-N4),
- ``indicators.json``: the indicator catalogue seeded from the guide (defaults a network can edit),
- ``lists.json``: the guide's other structured lists (and two lists from DOMAIN.md, marked as such).

Every loader is cached and raises :class:`CatalogueError` with a clear message on malformed data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

PHASES = ("peacetime", "crisis", "aftercare")
PHASE_LETTERS = {"peacetime": "V", "crisis": "C", "aftercare": "N"}
WEIGHT_CLASSES = ("strong", "fairly_strong", "somewhat", "weak")
CATEGORIES = ("online", "drill", "request", "calendar", "nonverbal", "provocation")
CAPABILITY_RE = re.compile(r"^[XPCA]\d{1,2}$")


class CatalogueError(ValueError):
    """The knowledge data is malformed."""


@dataclass(frozen=True)
class GuidePoint:
    number: int
    text: str
    references: tuple[str, ...] = ()
    section: str | None = None


@dataclass(frozen=True)
class Recommendation:
    code: str
    phase: str
    slug: str
    heading: str
    explanation: str
    question: str | None
    points: tuple[GuidePoint, ...]
    references: tuple[str, ...]
    capabilities: tuple[str, ...]
    sublists: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def point(self, number: int, section: str | None = None) -> GuidePoint:
        """The point with this number (and section, where numbering restarts per section)."""
        found = [
            p
            for p in self.points
            if p.number == number and (section is None or p.section == section)
        ]
        if len(found) != 1:
            raise KeyError(f"{self.code}: point {number} (section {section!r}) is not unique")
        return found[0]


@dataclass(frozen=True)
class Phase:
    code: str
    label_nl: str
    label_en: str
    core_nl: str
    focus_nl: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    title: str
    intro: str
    core_label_nl: str
    core_text_nl: str
    phases: tuple[Phase, ...]
    recommendations: tuple[Recommendation, ...]

    def get(self, code: str) -> Recommendation:
        for rec in self.recommendations:
            if rec.code == code:
                return rec
        raise KeyError(code)

    def by_phase(self, phase: str) -> tuple[Recommendation, ...]:
        return tuple(r for r in self.recommendations if r.phase == phase)

    def for_capability(self, capability: str) -> tuple[Recommendation, ...]:
        return tuple(r for r in self.recommendations if capability in r.capabilities)


@dataclass(frozen=True)
class GuideRef:
    recommendation: str
    point: int | None


@dataclass(frozen=True)
class Indicator:
    code: str
    label_nl: str
    label_en: str
    description_nl: str
    phase: str
    category: str
    default_weight_class: str
    guide_ref: GuideRef


@dataclass(frozen=True)
class ListItem:
    code: str
    label_nl: str
    text_nl: str
    advice_nl: str | None = None
    label_en: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class GuideList:
    key: str
    title_nl: str
    recommendation: str
    items: tuple[ListItem, ...]
    source: str = "guide"
    intro_nl: str | None = None
    note_nl: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, code: str) -> ListItem:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)


# --------------------------------------------------------------------------- helpers


def _read(name: str) -> Any:
    path = DATA_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogueError(f"{path}: file missing") from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: invalid JSON: {exc}") from exc


def _req(obj: Mapping[str, Any], key: str, where: str, typ: type | tuple[type, ...] = str) -> Any:
    if not isinstance(obj, Mapping):
        raise CatalogueError(f"{where}: expected an object, got {type(obj).__name__}")
    if key not in obj:
        raise CatalogueError(f"{where}: missing field {key!r}")
    value = obj[key]
    if not isinstance(value, typ) or (isinstance(value, str) and not value.strip()):
        raise CatalogueError(f"{where}: field {key!r} must be a non-empty {typ}")
    return value


def _opt_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise CatalogueError(f"{where}: field {key!r} must be a string or null")
    return value


def _str_tuple(values: Any, where: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise CatalogueError(f"{where}: expected a list of non-empty strings")
    return tuple(values)


def _unique(codes: list[str], what: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CatalogueError(f"duplicate {what} code {code!r}")
        seen.add(code)


# --------------------------------------------------------------------------- parsing


def parse_guide(data: Any) -> Guide:
    """Build and validate a :class:`Guide` from the decoded ``guide.json``."""
    if not isinstance(data, Mapping):
        raise CatalogueError("guide.json: expected a top-level object")
    phases = []
    for i, ph in enumerate(_req(data, "phases", "guide", list)):
        where = f"guide.phases[{i}]"
        phases.append(
            Phase(
                code=_req(ph, "code", where),
                label_nl=_req(ph, "label_nl", where),
                label_en=_req(ph, "label_en", where),
                core_nl=_req(ph, "core_nl", where),
                focus_nl=_str_tuple(_req(ph, "focus_nl", where, list), where),
            )
        )
    if tuple(p.code for p in phases) != PHASES:
        raise CatalogueError(f"guide.phases must be {PHASES}")

    recs = []
    for i, r in enumerate(_req(data, "recommendations", "guide", list)):
        where = f"guide.recommendations[{i}]"
        code = _req(r, "code", where)
        where = f"recommendation {code}"
        phase = _req(r, "phase", where)
        if phase not in PHASES:
            raise CatalogueError(f"{where}: unknown phase {phase!r}")
        if not re.fullmatch(PHASE_LETTERS[phase] + r"[1-9]\d?", code):
            raise CatalogueError(f"{where}: code does not match phase {phase!r}")
        points = []
        for j, p in enumerate(_req(r, "points", where, list)):
            pw = f"{where}.points[{j}]"
            number = _req(p, "number", pw, int)
            if isinstance(number, bool) or number < 1:
                raise CatalogueError(f"{pw}: number must be a positive integer")
            points.append(
                GuidePoint(
                    number=number,
                    text=_req(p, "text", pw),
                    references=_str_tuple(p.get("references", []), pw),
                    section=_opt_str(p, "section", pw),
                )
            )
        keys = [(p.section, p.number) for p in points]
        if len(set(keys)) != len(keys):
            raise CatalogueError(f"{where}: duplicate point number")
        caps = _str_tuple(_req(r, "capabilities", where, list), where)
        for cap in caps:
            if not CAPABILITY_RE.match(cap):
                raise CatalogueError(f"{where}: invalid capability id {cap!r}")
        sub = r.get("sublists", {})
        if not isinstance(sub, Mapping):
            raise CatalogueError(f"{where}: sublists must be an object")
        recs.append(
            Recommendation(
                code=code,
                phase=phase,
                slug=_req(r, "slug", where),
                heading=_req(r, "heading", where),
                explanation=_req(r, "explanation", where),
                question=_opt_str(r, "question", where),
                points=tuple(points),
                references=_str_tuple(r.get("references", []), where),
                capabilities=caps,
                sublists=MappingProxyType(
                    {k: _str_tuple(v, f"{where}.sublists.{k}") for k, v in sub.items()}
                ),
            )
        )
    _unique([r.code for r in recs], "recommendation")
    _unique([r.slug for r in recs], "recommendation slug")
    # within a phase, codes run 1..n in order
    for phase in PHASES:
        codes = [r.code for r in recs if r.phase == phase]
        expected = [f"{PHASE_LETTERS[phase]}{n}" for n in range(1, len(codes) + 1)]
        if codes != expected:
            raise CatalogueError(f"guide: {phase} codes {codes} are not {expected}")
    core = _req(data, "core", "guide", Mapping)
    return Guide(
        title=_req(data, "title", "guide"),
        intro=_req(data, "intro", "guide"),
        core_label_nl=_req(core, "label_nl", "guide.core"),
        core_text_nl=_req(core, "text_nl", "guide.core"),
        phases=tuple(phases),
        recommendations=tuple(recs),
    )


def _check_ref(
    guide: Guide, rec_code: Any, point: Any, where: str, section: str | None = None
) -> None:
    try:
        rec = guide.get(rec_code)
    except KeyError:
        raise CatalogueError(f"{where}: unknown recommendation {rec_code!r}") from None
    if point is None:
        return
    if not isinstance(point, int) or isinstance(point, bool):
        raise CatalogueError(f"{where}: point must be an integer or null")
    matches = [
        p for p in rec.points if p.number == point and (section is None or p.section == section)
    ]
    if len(matches) != 1:
        raise CatalogueError(
            f"{where}: {rec_code} point {point} "
            + ("does not exist" if not matches else "is ambiguous")
        )


def parse_indicators(data: Any, guide: Guide) -> list[Indicator]:
    """Build and validate the indicator catalogue from the decoded ``indicators.json``."""
    if not isinstance(data, list):
        raise CatalogueError("indicators.json: expected a list")
    out = []
    for i, d in enumerate(data):
        code = _req(d, "code", f"indicators[{i}]")
        where = f"indicator {code}"
        category = _req(d, "category", where)
        if category not in CATEGORIES:
            raise CatalogueError(f"{where}: unknown category {category!r}")
        if not code.startswith(category + "."):
            raise CatalogueError(f"{where}: code must start with its category {category!r}")
        weight = _req(d, "default_weight_class", where)
        if weight not in WEIGHT_CLASSES:
            raise CatalogueError(f"{where}: unknown weight class {weight!r}")
        phase = _req(d, "phase", where)
        if phase not in PHASES:
            raise CatalogueError(f"{where}: unknown phase {phase!r}")
        ref = _req(d, "guide_ref", where, Mapping)
        rec_code = _req(ref, "recommendation", f"{where}.guide_ref")
        point = ref.get("point")
        _check_ref(guide, rec_code, point, f"{where}.guide_ref")
        out.append(
            Indicator(
                code=code,
                label_nl=_req(d, "label_nl", where),
                label_en=_req(d, "label_en", where),
                description_nl=_req(d, "description_nl", where),
                phase=phase,
                category=category,
                default_weight_class=weight,
                guide_ref=GuideRef(recommendation=rec_code, point=point),
            )
        )
    _unique([i.code for i in out], "indicator")
    return out


_ITEM_FIELDS = {"code", "label_nl", "text_nl", "advice_nl", "label_en"}
_LIST_FIELDS = {"key", "title_nl", "recommendation", "items", "source", "intro_nl", "note_nl"}


def parse_lists(data: Any, guide: Guide) -> dict[str, GuideList]:
    """Build and validate the guide's lists from the decoded ``lists.json``."""
    if not isinstance(data, list):
        raise CatalogueError("lists.json: expected a list")
    out: dict[str, GuideList] = {}
    for i, d in enumerate(data):
        key = _req(d, "key", f"lists[{i}]")
        where = f"list {key}"
        if key in out:
            raise CatalogueError(f"duplicate list key {key!r}")
        rec_code = _req(d, "recommendation", where)
        _check_ref(guide, rec_code, None, where)
        items = []
        for j, it in enumerate(_req(d, "items", where, list)):
            iw = f"{where}.items[{j}]"
            if "guide_ref" in it:
                ref = _req(it, "guide_ref", iw, Mapping)
                _check_ref(guide, ref.get("recommendation"), ref.get("point"), f"{iw}.guide_ref")
            if "guide_point" in it:
                _check_ref(
                    guide, rec_code, it["guide_point"], f"{iw}.guide_point", it.get("guide_section")
                )
            items.append(
                ListItem(
                    code=_req(it, "code", iw),
                    label_nl=_req(it, "label_nl", iw),
                    text_nl=_req(it, "text_nl", iw),
                    advice_nl=_opt_str(it, "advice_nl", iw),
                    label_en=_opt_str(it, "label_en", iw),
                    extra=MappingProxyType({k: v for k, v in it.items() if k not in _ITEM_FIELDS}),
                )
            )
        if not items:
            raise CatalogueError(f"{where}: no items")
        _unique([it.code for it in items], f"{where} item")
        out[key] = GuideList(
            key=key,
            title_nl=_req(d, "title_nl", where),
            recommendation=rec_code,
            items=tuple(items),
            source=d.get("source", "guide"),
            intro_nl=_opt_str(d, "intro_nl", where),
            note_nl=_opt_str(d, "note_nl", where),
            extra=MappingProxyType({k: v for k, v in d.items() if k not in _LIST_FIELDS}),
        )
    return out


# --------------------------------------------------------------------------- loaders


@cache
def load_guide() -> Guide:
    return parse_guide(_read("guide.json"))


@cache
def _indicators() -> tuple[Indicator, ...]:
    return tuple(parse_indicators(_read("indicators.json"), load_guide()))


def load_indicators() -> list[Indicator]:
    return list(_indicators())


@cache
def _lists() -> Mapping[str, GuideList]:
    return MappingProxyType(parse_lists(_read("lists.json"), load_guide()))


def load_lists() -> dict[str, GuideList]:
    return dict(_lists())
