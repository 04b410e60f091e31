"""A world of canaries for the canary matrix, built from the visibility registry alone.

For every registered model one row (and, for rows other rows name, one per information
category) owned by one partner organisation, with a unique canary (``CNRY0001Z``) in every text
field. Foreign keys are filled generically: the network, the owning organisation, its member and
user, the canary row of a registered model, or a plain row of anything else. A new registered
model is covered without writing anything here.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from lont.core.visibility import is_registered, registered_models, registration_for
from lont.networks.choices import InformationCategory
from lont.networks.models import Membership, Network, Organisation

CANARY_PATTERN = r"cnry\d{5}z"  # searched in lower case: templates may change the case
STREAM = re.compile(rb"stream\r?\n(.*?)\s*endstream", re.S)


@dataclass(frozen=True)
class Canary:
    model: type[models.Model]
    pk: Any
    field: str


@dataclass
class World:
    network: Network
    owner: Membership
    canaries: dict[str, Canary] = field(default_factory=dict)
    rows: dict[type[models.Model], list[models.Model]] = field(default_factory=dict)
    plain: dict[type[models.Model], models.Model] = field(default_factory=dict)
    variants: set[type[models.Model]] = field(default_factory=set)
    _seq: Any = field(default_factory=lambda: itertools.count(1))

    def canary(self, model: type[models.Model], name: str) -> str:
        text = f"CNRY{next(self._seq):05d}Z"
        self.canaries[text.lower()] = Canary(model, None, name)
        return text

    def base(self, model: type[models.Model]) -> models.Model:
        if model not in self.rows:
            self.rows[model] = [build(self, model)]
        return self.rows[model][0]


def _is_text(f: models.Field) -> bool:
    return isinstance(f, models.CharField | models.TextField) and not f.choices


def _text_value(world: World, model: type[models.Model], f: models.Field) -> str | None:
    max_length = getattr(f, "max_length", None) or 10_000
    key = world.canary(model, f.name)
    text = key
    if isinstance(f, models.URLField):
        text = f"https://voorbeeld.test/{key}"
    elif isinstance(f, models.EmailField):
        text = f"{key}@voorbeeld.test"
    if len(text) > max_length:
        world.canaries.pop(key.lower())
        return None
    return text


def _json_value(world: World, model: type[models.Model], f: models.Field) -> Any:
    default = f.get_default()
    if isinstance(default, list):
        return [world.canary(model, f.name)]
    if isinstance(default, dict):
        return {"platform": world.canary(model, f.name)}
    return default


def _fk_value(world: World, model: type[models.Model], f: models.ForeignKey) -> Any:
    target = f.related_model
    if target is Network:
        return world.network
    if target is Organisation:
        return world.owner.organisation
    if target is Membership:
        return world.owner
    if target is get_user_model():
        return world.owner.user
    if target is model:
        return None
    if is_registered(target) and _has_category(target):
        return world.base(target)
    if f.null:
        return None
    if target not in world.plain:
        world.plain[target] = build(world, target, canaries=False)
    return world.plain[target]


def _value(world: World, model: type[models.Model], f: models.Field, canaries: bool) -> Any:
    if isinstance(f, models.ForeignKey):
        return _fk_value(world, model, f)
    if isinstance(f, models.FileField):
        return ContentFile(b"\x89PNG canary-free bytes", name="bijlage.png")
    if canaries and _is_text(f):
        return _text_value(world, model, f)
    if f.has_default():
        return f.get_default()
    if f.choices:
        return f.choices[0][0]
    if isinstance(f, models.DateTimeField):
        return timezone.now() - dt.timedelta(days=1)
    if isinstance(f, models.DateField):
        return timezone.localdate() + dt.timedelta(days=30)
    if isinstance(f, models.CharField | models.TextField):
        return f"plain-{next(world._seq)}"[: f.max_length or 100]
    if isinstance(f, models.IntegerField | models.FloatField):
        return 1
    if f.null:
        return None
    raise NotImplementedError(f"{model.__name__}.{f.name}: no generic value for {type(f)}")


def build(
    world: World, model: type[models.Model], *, canaries: bool = True, **overrides: Any
) -> models.Model:
    obj = model()
    json_fields = []
    for f in model._meta.concrete_fields:
        if f.primary_key or (not f.editable and not isinstance(f, models.ForeignKey)):
            continue
        if f.name in overrides:
            value = overrides[f.name]
        elif canaries and isinstance(f, models.JSONField):
            # Only where the model validates the shape (its own clean()): otherwise keep empty.
            has_clean = "clean" in model.__dict__
            value = _json_value(world, model, f) if has_clean else f.get_default()
            json_fields.append(f.name)
        else:
            value = _value(world, model, f, canaries)
        if value is None and not f.null:
            value = f.get_default() if f.has_default() else ""
        setattr(obj, f.name, value)
    _drop_invalid_json(obj, json_fields)
    obj.save()
    for m2m in model._meta.many_to_many:
        if is_registered(m2m.related_model) and _has_category(m2m.related_model):
            getattr(obj, m2m.name).add(world.base(m2m.related_model))
        elif m2m.related_model is Organisation:
            getattr(obj, m2m.name).add(world.owner.organisation)
    if canaries:
        for text, canary in list(world.canaries.items()):
            if canary.pk is None and canary.model is model:
                world.canaries[text] = Canary(model, obj.pk, canary.field)
    return obj


def _drop_invalid_json(obj: models.Model, names: list[str]) -> None:
    """Keep a JSON canary only where the model's clean() accepts its shape (clean() may stop at
    the first problem, so try again until it passes)."""
    remaining = list(names)
    while remaining:
        try:
            obj.clean()
            return
        except ValidationError as error:
            bad = set(getattr(error, "error_dict", {})) & set(remaining) or set(remaining)
        except Exception:
            bad = set(remaining)
        for name in bad:
            setattr(obj, name, obj._meta.get_field(name).get_default())
            remaining.remove(name)


def _has_category(model: type[models.Model]) -> bool:
    reg = registration_for(model)
    return bool(reg.category or reg.category_field)


def _named_targets() -> set[type[models.Model]]:
    targets = set()
    for model in registered_models():
        for name in registration_for(model).related:
            targets.add(model._meta.get_field(name).related_model)
    return targets


def build_world(network: Network, owner: Membership) -> World:
    world = World(network=network, owner=owner)
    # A network directory (no category: every member reads it in full) holds no canaries.
    models_ = [
        m
        for m in registered_models()
        if hasattr(m, "_meta")
        and (registration_for(m).category or registration_for(m).category_field)
    ]
    for model in models_:
        world.base(model)
    # Rows other rows name, once per information category (a tipster is a person in "tips"),
    # and every naming row once per such variant: the related-row rule is exercised per category.
    variants: dict[type[models.Model], list[models.Model]] = {}
    for target in _named_targets():
        reg = registration_for(target)
        if not reg.category_field:
            continue
        base = world.base(target)
        for category in InformationCategory.values:
            if category == getattr(base, reg.category_field):
                continue
            row = build(world, target)
            target._default_manager.filter(pk=row.pk).update(**{reg.category_field: category})
            row.refresh_from_db()
            world.rows[target].append(row)
            variants.setdefault(target, []).append(row)
            world.variants.add(target)
    for model in models_:
        for name in registration_for(model).related:
            target = model._meta.get_field(name).related_model
            for variant in variants.get(target, []):
                world.rows[model].append(build(world, model, **{name: variant}))
    return world


def pdf_text(data: bytes) -> bytes:
    parts = [data]
    for raw in STREAM.findall(data):
        for decode in (
            lambda r: zlib.decompress(r),
            lambda r: zlib.decompress(base64.a85decode(r.strip().removesuffix(b"~>"))),
        ):
            try:
                parts.append(decode(raw))
                break
            except Exception:  # noqa: S112 - not this encoding; try the next
                continue
    return b"\n".join(parts)


def response_text(response: Any) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data.startswith(b"%PDF"):
        data = pdf_text(data)
    elif data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"\n".join(archive.read(n) for n in archive.namelist())
    return data.decode("utf-8", "ignore").lower()
