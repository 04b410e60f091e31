"""CSV import and export of the gazetteer (``name,aliases,kind,area``) and lexicon
(``kind,phrase,note``).

Parsing checks every row and collects every problem with its row number, so the user can fix the
whole file at once; the services import nothing unless the list of problems is empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .choices import PLACE_KIND_SYNONYMS, LexiconKind, PlaceKind
from .models import NAME_MAX, PHRASE_MAX, GazetteerPlace, LexiconEntry

MAX_UPLOAD_BYTES = 1024 * 1024
CSV_CONTENT_TYPES = frozenset({"text/csv", "application/csv"})
GAZETTEER_HEADER = ("name", "aliases", "kind", "area")
LEXICON_HEADER = ("kind", "phrase", "note")
NOTE_MAX = 300


@dataclass(frozen=True)
class PlaceRow:
    name: str
    aliases: tuple[str, ...]
    kind: str
    area: str
    line: int = 0


@dataclass(frozen=True)
class LexiconRow:
    kind: str
    phrase: str
    note: str
    line: int = 0


RowT = TypeVar("RowT")


@dataclass
class Parsed(Generic[RowT]):
    rows: list[RowT] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_upload(upload: UploadedFile) -> str:
    """The text of an uploaded CSV file, or a ValidationError saying in Dutch what is wrong."""
    name = (upload.name or "").lower()
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if not name.endswith(".csv") and content_type not in CSV_CONTENT_TYPES:
        raise ValidationError(_("Kies een CSV-bestand (.csv)."), code="type")
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is groter dan 1 MB."), code="size")
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is groter dan 1 MB."), code="size")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer opnieuw."),
            code="encoding",
        ) from None
    if "\x00" in text:
        raise ValidationError(_("Het bestand bevat binaire gegevens, geen CSV-tekst."), code="type")
    return text


def _rows(text: str, header: tuple[str, ...]) -> tuple[list[tuple[int, list[str]]], list[str]]:
    """Numbered, non-empty data rows (line number of where the row starts) and header problems."""
    reader = csv.reader(io.StringIO(text))
    try:
        first = next(reader, None)
        if first is None or tuple(cell.strip().lower() for cell in first) != header:
            return [], [
                _("Rij 1: de kopregel moet precies '%(header)s' zijn.")
                % {"header": ",".join(header)}
            ]
        rows: list[tuple[int, list[str]]] = []
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        return [], [
            _("Rij %(row)s: het bestand is geen geldige CSV (%(error)s).")
            % {"row": reader.line_num, "error": error}
        ]
    return rows, []


def _too_long(label: str, value: str, limit: int) -> str | None:
    if len(value) > limit:
        return _("%(label)s is langer dan %(max)s tekens.") % {"label": label, "max": limit}
    return None


def parse_gazetteer(text: str) -> Parsed[PlaceRow]:
    rows, errors = _rows(text, GAZETTEER_HEADER)
    parsed: Parsed[PlaceRow] = Parsed(errors=errors)
    seen: dict[str, int] = {}
    kinds = {k.value for k in PlaceKind}
    for number, cells in rows:
        problems: list[str] = []
        if len(cells) != len(GAZETTEER_HEADER):
            problems.append(
                _("verwacht 4 kolommen (name,aliases,kind,area), gevonden %(n)s.")
                % {"n": len(cells)}
            )
            parsed.errors.append(
                _("Rij %(row)s: %(problems)s") % {"row": number, "problems": " ".join(problems)}
            )
            continue
        name, alias_text, kind, area = (cell.strip() for cell in cells)
        kind = PLACE_KIND_SYNONYMS.get(kind.lower(), kind.lower()) or PlaceKind.OTHER
        aliases = tuple(a.strip() for a in alias_text.split("|") if a.strip())
        if not name:
            problems.append(_("de naam ontbreekt."))
        elif name.lower() in seen:
            problems.append(
                _("de naam '%(name)s' staat ook al in rij %(other)s.")
                % {"name": name, "other": seen[name.lower()]}
            )
        if kind not in kinds:
            problems.append(
                _("onbekende soort '%(kind)s'; kies uit: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(sorted(kinds))}
            )
        for label, value in ((_("De naam"), name), (_("Het gebied"), area)):
            if problem := _too_long(label, value, NAME_MAX):
                problems.append(problem)
        for alias in aliases:
            if problem := _too_long(_("Alternatieve naam '%s'") % alias[:30], alias, NAME_MAX):
                problems.append(problem)
        if problems:
            parsed.errors.append(
                _("Rij %(row)s: %(problems)s") % {"row": number, "problems": " ".join(problems)}
            )
            continue
        seen[name.lower()] = number
        parsed.rows.append(PlaceRow(name, aliases, kind, area, number))
    return parsed


def parse_lexicon(text: str) -> Parsed[LexiconRow]:
    rows, errors = _rows(text, LEXICON_HEADER)
    parsed: Parsed[LexiconRow] = Parsed(errors=errors)
    seen: dict[tuple[str, str], int] = {}
    kinds = {k.value for k in LexiconKind}
    for number, cells in rows:
        problems: list[str] = []
        if len(cells) not in (2, 3):
            parsed.errors.append(
                _("Rij %(row)s: verwacht 3 kolommen (kind,phrase,note), gevonden %(n)s.")
                % {"row": number, "n": len(cells)}
            )
            continue
        kind, phrase, note = (*(cell.strip() for cell in cells), "")[:3]
        kind = kind.lower()
        key = (kind, " ".join(phrase.lower().split()))
        if kind not in kinds:
            problems.append(
                _("onbekende soort '%(kind)s'; kies uit: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(sorted(kinds))}
            )
        if not phrase:
            problems.append(_("de uitdrukking ontbreekt."))
        elif key in seen:
            problems.append(
                _("'%(phrase)s' staat met deze soort ook al in rij %(other)s.")
                % {"phrase": phrase, "other": seen[key]}
            )
        for label, value, limit in (
            (_("De uitdrukking"), phrase, PHRASE_MAX),
            (_("De toelichting"), note, NOTE_MAX),
        ):
            if problem := _too_long(label, value, limit):
                problems.append(problem)
        if problems:
            parsed.errors.append(
                _("Rij %(row)s: %(problems)s") % {"row": number, "problems": " ".join(problems)}
            )
            continue
        seen[key] = number
        parsed.rows.append(LexiconRow(kind, " ".join(phrase.split()), note, number))
    return parsed


def _csv_text(header: tuple[str, ...], rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def export_gazetteer(places: Iterable[GazetteerPlace]) -> str:
    return _csv_text(
        GAZETTEER_HEADER, ([p.name, "|".join(p.aliases), p.kind, p.area] for p in places)
    )


def export_lexicon(entries: Iterable[LexiconEntry]) -> str:
    return _csv_text(LEXICON_HEADER, ([e.kind, e.phrase, e.note] for e in entries))
