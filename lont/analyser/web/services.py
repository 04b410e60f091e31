"""Writes of the analyser app: a network's places and lexicon entries, one by one or by CSV import.

Every write checks ``analyser.manage``, validates with ``full_clean`` and records an explicit
audit event in the same transaction; the gazetteer and lexicon caches notice the change by
their fingerprint (see :mod:`.selectors`) and are also dropped in this process on commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.models import Network

from . import selectors
from .csv_io import LexiconRow, PlaceRow
from .models import GazetteerPlace, LexiconEntry


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def _require_manage(viewer: Viewer) -> None:
    if not viewer.can("analyser.manage"):
        raise PermissionDenied


def _require_own(viewer: Viewer, obj: GazetteerPlace | LexiconEntry) -> None:
    if obj.network_id != viewer.network.pk:
        raise PermissionDenied


def _clean_aliases(aliases: Sequence[str]) -> list[str]:
    return [alias.strip() for alias in aliases if alias.strip()]


def _invalidate_on_commit(network_id: int) -> None:
    transaction.on_commit(lambda: selectors.forget_network(network_id))


@transaction.atomic
def place_create(
    *, viewer: Viewer, name: str, aliases: Sequence[str] = (), kind: str, area: str = ""
) -> GazetteerPlace:
    _require_manage(viewer)
    place = GazetteerPlace(
        network=viewer.network,
        name=name.strip(),
        aliases=_clean_aliases(aliases),
        kind=kind,
        area=area.strip(),
    )
    place.full_clean()
    place.save()
    record_event(event="analyser.place_created", obj=place, actor=viewer.user)
    _invalidate_on_commit(place.network_id)
    return place


@transaction.atomic
def place_update(
    *,
    viewer: Viewer,
    place: GazetteerPlace,
    name: str,
    aliases: Sequence[str] = (),
    kind: str,
    area: str = "",
) -> GazetteerPlace:
    _require_manage(viewer)
    _require_own(viewer, place)
    place.name, place.aliases = name.strip(), _clean_aliases(aliases)
    place.kind, place.area = kind, area.strip()
    place.full_clean()
    place.save()
    record_event(event="analyser.place_updated", obj=place, actor=viewer.user)
    _invalidate_on_commit(place.network_id)
    return place


@transaction.atomic
def place_delete(*, viewer: Viewer, place: GazetteerPlace) -> None:
    _require_manage(viewer)
    _require_own(viewer, place)
    record_event(event="analyser.place_deleted", obj=place, actor=viewer.user)
    network_id = place.network_id
    place.delete()
    _invalidate_on_commit(network_id)


@transaction.atomic
def lexicon_entry_create(*, viewer: Viewer, kind: str, phrase: str, note: str = "") -> LexiconEntry:
    _require_manage(viewer)
    entry = LexiconEntry(
        network=viewer.network, kind=kind, phrase=" ".join(phrase.split()), note=note.strip()
    )
    entry.full_clean()
    entry.save()
    record_event(event="analyser.lexicon_entry_created", obj=entry, actor=viewer.user)
    _invalidate_on_commit(entry.network_id)
    return entry


@transaction.atomic
def lexicon_entry_update(
    *, viewer: Viewer, entry: LexiconEntry, kind: str, phrase: str, note: str = ""
) -> LexiconEntry:
    _require_manage(viewer)
    _require_own(viewer, entry)
    entry.kind, entry.phrase, entry.note = kind, " ".join(phrase.split()), note.strip()
    entry.full_clean()
    entry.save()
    record_event(event="analyser.lexicon_entry_updated", obj=entry, actor=viewer.user)
    _invalidate_on_commit(entry.network_id)
    return entry


@transaction.atomic
def lexicon_entry_delete(*, viewer: Viewer, entry: LexiconEntry) -> None:
    _require_manage(viewer)
    _require_own(viewer, entry)
    record_event(event="analyser.lexicon_entry_deleted", obj=entry, actor=viewer.user)
    network_id = entry.network_id
    entry.delete()
    _invalidate_on_commit(network_id)


def _apply(obj: Any, values: dict[str, Any]) -> bool:
    """Set ``values`` on ``obj``; True when anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _save_all(objects: Sequence[GazetteerPlace | LexiconEntry]) -> None:
    """Save one by one (the change log records each row); a clash the database still finds
    (case folding differs per database) rolls the whole import back with a clear message."""
    try:
        with transaction.atomic():
            for obj in objects:
                obj.save()
    except IntegrityError:
        raise ValidationError(
            "Twee rijen hebben dezelfde naam (hoofdletters en accenten tellen niet mee); "
            "er is niets geïmporteerd."
        ) from None


def _import_errors(errors: list[tuple[int, ValidationError]]) -> ValidationError:
    return ValidationError(
        [f"Rij {number}: {' '.join(error.messages)}" for number, error in errors]
    )


def _rows_apply(
    *,
    network: Network,
    actor: Any,
    event: str,
    matched: Sequence[tuple[int, Any, dict[str, Any]]],
) -> ImportResult:
    """Apply (row number, existing-or-new object, values) triples; all or nothing.

    Uniqueness is settled by the callers (rows matched on their key, duplicates refused when
    parsing) and the network is given: skipping the per-row queries for both keeps large
    imports fast.
    """
    created = updated = unchanged = 0
    pending: list[Any] = []
    errors: list[tuple[int, ValidationError]] = []
    for number, obj, values in matched:
        is_new = obj.pk is None
        if not _apply(obj, values) and not is_new:
            unchanged += 1
            continue
        try:
            obj.full_clean(exclude=["network"], validate_constraints=False)
        except ValidationError as error:
            errors.append((number, error))
            continue
        pending.append(obj)
        created, updated = created + is_new, updated + (not is_new)
    if errors:
        raise _import_errors(errors)
    _save_all(pending)
    if not (created or updated):
        return ImportResult(created, updated, unchanged)  # nothing changed, nothing to record
    record_event(
        event=event,
        obj=network,
        actor=actor,
        network=network,
        details={"created": created, "updated": updated, "unchanged": unchanged},
    )
    _invalidate_on_commit(network.pk)
    return ImportResult(created, updated, unchanged)


@transaction.atomic
@system_context("an import matches rows to the network's list; callers checked permission")
def gazetteer_rows_apply(
    *, network: Network, rows: Sequence[PlaceRow], actor: Any = None
) -> ImportResult:
    """Create or update places by name (case-insensitive); nothing is saved if any row fails.

    Errors name the row's line in the file (or its position + 2, the header being row 1).
    Used by the CSV import and the demo loader; callers check permissions.
    """
    existing = {
        p.name.lower(): p
        for p in GazetteerPlace.objects.filter(network=network).order_by(Lower("name"))
    }
    matched = [
        (
            row.line or index + 2,
            existing.get(row.name.lower()) or GazetteerPlace(network=network),
            {"name": row.name, "aliases": list(row.aliases), "kind": row.kind, "area": row.area},
        )
        for index, row in enumerate(rows)
    ]
    return _rows_apply(
        network=network, actor=actor, event="analyser.gazetteer_imported", matched=matched
    )


@transaction.atomic
@system_context("an import matches rows to the network's list; callers checked permission")
def lexicon_rows_apply(
    *, network: Network, rows: Sequence[LexiconRow], actor: Any = None
) -> ImportResult:
    """Create entries, or update the note of an existing (kind, phrase); all or nothing."""
    existing = {(e.kind, e.phrase.lower()): e for e in LexiconEntry.objects.filter(network=network)}
    matched = [
        (
            row.line or index + 2,
            existing.get((row.kind, row.phrase.lower())) or LexiconEntry(network=network),
            {"kind": row.kind, "phrase": row.phrase, "note": row.note},
        )
        for index, row in enumerate(rows)
    ]
    return _rows_apply(
        network=network, actor=actor, event="analyser.lexicon_imported", matched=matched
    )


def gazetteer_import(*, viewer: Viewer, rows: Sequence[PlaceRow]) -> ImportResult:
    _require_manage(viewer)
    return gazetteer_rows_apply(network=viewer.network, rows=rows, actor=viewer.user)


def lexicon_import(*, viewer: Viewer, rows: Sequence[LexiconRow]) -> ImportResult:
    _require_manage(viewer)
    return lexicon_rows_apply(network=viewer.network, rows=rows, actor=viewer.user)
