"""Build the analyser evaluation set (``*.jsonl``) from inline-annotated posts.

Run: ``.venv/bin/python tests/data/analyser/build_dataset.py`` (``--check`` only validates and lints).

Every post is written as ``KEY :: text`` where KEY names a ``posted_at`` moment (see ``POSTED``)
and the text carries inline markup ``[surface|kind]`` or ``[surface|kind|value]``:

* ``kind`` may join several kinds with ``+`` for one surface (``[rambo|weapon+drill_slang]``).
* ``time`` values are written in a small relative notation (see ``resolve_time``) so that the
  weekday arithmetic is done by the computer, not by hand: ``d+1 21:00``, ``za avond``,
  ``near 9:30``, ``+20m``, ``weekend`` or a literal ``YYYY-MM-DD…`` value.
* ``place`` without a value resolves through the Voorbeeldstad gazetteer aliases to the canonical
  name; when the surface is no alias it is a pattern match and the value is the surface text.
* every other kind gets the lower-cased surface as value (only time and place values are scored).
* ``{…}`` marks text that was checked and is deliberately *not* a span (the lint skips it);
  the braces are removed from the output.

Offsets are Python ``str`` indices (code points) into the final text. All content is fictional.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE / "voorbeeldstad_gazetteer.csv"

KINDS = {
    "time",
    "place",
    "call_to_action",
    "threat",
    "weapon",
    "drill_slang",
    "deceased",
    "reputation",
    "mention",
    "hashtag",
    "engagement",
}

# Moments the posts were published at: different weekdays, months, around midnight, year end.
POSTED = {
    "A": "2026-03-14T16:20",  # Saturday afternoon
    "B": "2026-03-13T23:40",  # Friday, just before midnight
    "C": "2026-03-15T00:35",  # Sunday, just after midnight
    "D": "2026-01-07T08:15",  # Wednesday morning
    "E": "2026-02-02T13:05",  # Monday lunchtime
    "F": "2026-05-21T19:45",  # Thursday evening
    "G": "2026-06-30T22:10",  # Tuesday night, month end
    "H": "2026-09-04T11:30",  # Friday morning
    "I": "2026-11-12T15:00",  # Thursday afternoon
    "J": "2026-12-31T21:30",  # Thursday, New Year's Eve
    "K": "2026-04-03T17:50",  # Friday, end of the afternoon
    "L": "2026-07-18T03:10",  # Saturday, middle of the night
    "M": "2026-08-09T10:05",  # Sunday morning
    "N": "2026-10-06T20:30",  # Tuesday evening
}

PARTS = {
    "ochtend": ("06:00", "12:00"),
    "middag": ("12:00", "18:00"),
    "avond": ("18:00", "23:59"),
    "nacht": ("00:00", "06:00"),
}
WEEKDAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
FMT = "%Y-%m-%dT%H:%M"
MARK = re.compile(r"\[([^\[\]|]+)\|([a-z_+]+)(?:\|([^\[\]]*))?\]")


def _on_day(day: date, rest: str) -> str:
    """Attach an optional clock time or part of day to a resolved day."""
    rest = rest.strip()
    if not rest:
        return day.isoformat()
    if rest in PARTS:
        start, end = PARTS[rest]
        return f"{day.isoformat()}T{start}/{day.isoformat()}T{end}"
    if re.fullmatch(r"\d{2}:\d{2}", rest):
        return f"{day.isoformat()}T{rest}"
    raise ValueError(f"bad time rest {rest!r}")


def resolve_time(spec: str, posted: datetime) -> str:
    """Turn the relative value notation into a canonical time value.

    ``d+N [HH:MM|part]`` day offset; ``za [HH:MM|part]`` the first Saturday on or after the
    posting day (``za>`` strictly after it); ``nw:vr`` that weekday in next calendar week;
    ``near H:MM`` the nearest future occurrence of H:MM or H+12:MM (a bare hour);
    ``+Nm`` posted_at plus N minutes; ``straks`` posted_at to +3 h (vague near future);
    ``vannacht`` the coming night (this night when posted before 06:00); ``weekend`` Saturday
    00:00 to Sunday 23:59 of the current weekend; ``nextweek`` Monday to Sunday of next week.
    Anything starting with a year is taken literally.
    """
    spec = spec.strip()
    today = posted.date()
    if re.match(r"\d{4}-", spec):
        return spec
    if m := re.fullmatch(r"d([+-]\d+)(.*)", spec):
        return _on_day(today + timedelta(days=int(m.group(1))), m.group(2))
    if m := re.fullmatch(r"(ma|di|wo|do|vr|za|zo)(>?)(.*)", spec):
        delta = (WEEKDAYS[m.group(1)] - today.weekday()) % 7
        if delta == 0 and m.group(2):
            delta = 7
        return _on_day(today + timedelta(days=delta), m.group(3))
    if m := re.fullmatch(r"nw:(ma|di|wo|do|vr|za|zo)(.*)", spec):
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return _on_day(monday + timedelta(days=WEEKDAYS[m.group(1)]), m.group(2))
    if m := re.fullmatch(r"near (\d{1,2}):(\d{2})", spec):
        hour, minute = int(m.group(1)), int(m.group(2))
        hours = [hour % 12, hour % 12 + 12] if hour <= 12 else [hour]
        candidates = []
        for offset in (0, 1):
            day = today + timedelta(days=offset)
            for h in hours:
                moment = datetime.combine(day, datetime.min.time()).replace(hour=h, minute=minute)
                if moment > posted:
                    candidates.append(moment)
        return min(candidates).strftime(FMT)
    if m := re.fullmatch(r"\+(\d+)m", spec):
        return (posted + timedelta(minutes=int(m.group(1)))).strftime(FMT)
    if spec == "straks":
        return f"{posted.strftime(FMT)}/{(posted + timedelta(hours=3)).strftime(FMT)}"
    if spec == "vannacht":
        day = today if posted.hour < 6 else today + timedelta(days=1)
        return _on_day(day, "nacht")
    if spec == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        sunday = saturday + timedelta(days=1)
        return f"{saturday.isoformat()}T00:00/{sunday.isoformat()}T23:59"
    if spec == "nextweek":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return f"{monday.isoformat()}T00:00/{(monday + timedelta(days=6)).isoformat()}T23:59"
    raise ValueError(f"unknown time spec {spec!r}")


def load_aliases(path: Path = GAZETTEER) -> dict[str, str]:
    """Map every lower-cased name and alias to its canonical name."""
    aliases: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
            for name in names:
                aliases[name.strip().lower()] = row["name"].strip()
    return aliases


def parse_post(marked: str, posted: datetime, aliases: dict[str, str]) -> tuple[str, list[dict]]:
    """Strip the markup from one post and return the text with its gold spans."""
    text = ""
    spans: list[dict] = []
    pos = 0
    for m in MARK.finditer(marked):
        text += marked[pos : m.start()]
        surface, kinds, value = m.group(1), m.group(2), m.group(3)
        start = len(text)
        text += surface
        for kind in kinds.split("+"):
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r} in {marked!r}")
            if kind == "time":
                if value is None:
                    raise ValueError(f"time without value in {marked!r}")
                resolved = resolve_time(value, posted)
            elif kind == "place":
                resolved = value or aliases.get(surface.lower(), surface)
            else:
                resolved = value if value is not None else surface.lower()
            spans.append({"start": start, "end": len(text), "kind": kind, "value": resolved})
        pos = m.end()
    text += marked[pos:]
    if "[" in text or "]" in text:
        raise ValueError(f"unbalanced markup in {marked!r}")
    return text, spans


def lint_patterns(aliases: dict[str, str]) -> list[re.Pattern[str]]:
    """Surface patterns that are usually a span; a hit outside any span is reported for review."""
    names = sorted(aliases, key=len, reverse=True)
    words = r"vanavond|vnv|morgen|mrgn|vannacht|vanmiddag|vandaag|overmorgen|gisteren|straks"
    days = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zatterdag|zondag|weekend"
    return [
        re.compile(
            rf"\b({words}|{days}|\d{{1,2}}[:.]\d{{2}}|\d{{1,2}}u\b|uur\b|half \d|kwart)", re.I
        ),
        re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.I),
        re.compile(r"\b\w+(straat|laan|weg|plein|kade|singel)\b", re.I),
        re.compile(r"(?<!\w)[@#]\w+"),
        re.compile(r"\b(RIP|rust zacht|LLL|long live)\b|🕊", re.I),
        re.compile(r"\d\s*(views|likes|reposts|shares|weergaven|reacties|comments)\b", re.I),
        re.compile(r"\b(mes|messen|pistool|wapen|rambo|shank|opps?|je moeder|je zus)\b", re.I),
    ]


def lint(marked: str, patterns: list[re.Pattern[str]]) -> list[str]:
    """Report pattern hits that lie in plain text (outside markup and outside ``{…}``)."""
    plain = MARK.sub(lambda m: "\0" * len(m.group(0)), marked)
    plain = re.sub(r"\{[^{}]*\}", lambda m: "\0" * len(m.group(0)), plain)
    return [m.group(0) for p in patterns for m in p.finditer(plain)]


def build(posts: dict[str, str], check_only: bool = False) -> int:
    aliases = load_aliases()
    patterns = lint_patterns(aliases)
    total = 0
    warnings = 0
    for theme, block in posts.items():
        rows = []
        for n, line in enumerate(
            (ln.strip() for ln in block.strip().splitlines() if ln.strip()), start=1
        ):
            key, marked = (part.strip() for part in line.split("::", 1))
            posted = datetime.fromisoformat(POSTED[key])
            for hit in lint(marked, patterns):
                warnings += 1
                print(f"lint {theme}-{n:03d}: unannotated {hit!r}: {marked}", file=sys.stderr)
            # Braces only mark checked non-spans; drop them before offsets are computed.
            text, spans = parse_post(re.sub(r"\{([^{}\[\]]*)\}", r"\1", marked), posted, aliases)
            if "{" in text or "}" in text:
                raise ValueError(f"braces must not overlap markup: {marked!r}")
            rows.append(
                {
                    "id": f"{theme}-{n:03d}",
                    "text": text,
                    "posted_at": POSTED[key],
                    "gazetteer": "voorbeeldstad",
                    "spans": spans,
                }
            )
        total += len(rows)
        if not check_only:
            with (HERE / f"{theme}.jsonl").open("w", encoding="utf-8") as out:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{total} posts, {warnings} lint warnings", file=sys.stderr)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate and lint, write nothing")
    args = parser.parse_args(argv)
    build(POSTS, check_only=args.check)
    return 0


# The posts, per theme file. Keys of POSTED, then "::", then the marked-up text.
POSTS: dict[str, str] = {}

POSTS["times"] = """
A :: [zaterdag om 21:00|time|za 21:00] iedereen naar [de kooi|place] 🔥
A :: wie is er [vanavond|time|d+0 avond] ook?? ik ben er [om 9|time|near 9:00]
A :: [vnv|time|d+0 avond] chillen bij [Marktplein|place] of nie
A :: [vanavonddd|time|d+0 avond] gaat het gebeuren broer
A :: [morgen om 14.00|time|d+1 14:00] training, niet vergeten
A :: [om 21u|time|near 21:00] ben ik klaar met werk dan bel ik je
A :: [half 10|time|near 9:30] bij de ingang, niet later
A :: [kwart over 8|time|near 8:15] dan zijn we er
A :: [mrgn|time|d+1] school weer 😩 {al 2 uur} huiswerk gemaakt
A :: [zatterdag|time|za>] volgende week is het feest bij mij thuis
B :: [morgen om 10 uur|time|d+1 10:00] ontbijt bij oma
B :: ik slaap nu, [om 10|time|near 10:00] wakker maken aub
B :: [2nite|time|d+0 avond] was lit maar [morgenavond|time|d+1 avond] is beter
B :: [zaterdagavond|time|za avond] kijken we de wedstrijd
B :: [over 20 min|time|+20m] ben ik bij je
C :: ben net thuis, [zondagmiddag|time|zo middag] pas weer wakker denk ik 😂
C :: [om 2 uur|time|near 2:00] ga ik pas slapen smh
C :: [vanavond om half 8|time|d+0 19:30] eten bij mijn tante
D :: [vanmiddag|time|d+0 middag] toets wiskunde, ik ga falen
D :: [om 12:45|time|near 12:45] pauze bij [Het Baken|place] voor de deur
D :: [vrijdag|time|vr] is het eindelijk {weekend}
D :: [donderdag om 16:00|time|do 16:00] voetbaltraining [Trapveld Molenkamp|place]
D :: [overmorgen|time|d+2] hebben we vrij want studiedag
D :: [tien over half 9|time|near 8:40] begint de les, ik ben al te laat
E :: [vandaag|time|d+0] geen zin meer, [morgen|time|d+1] weer een dag
E :: [woensdagochtend|time|wo ochtend] tandarts, kan niet
E :: [volgende week vrijdag|time|nw:vr] is het examen
E :: [over een uur|time|+60m] ben ik klaar
E :: [kwart voor 9|time|near 8:45] vertrekt de bus
E :: [14 februari|time|2026-02-14] valentijn nog niks geregeld 💀
F :: [om 22:00|time|near 22:00] bij [Station Noord|place], neem snacks mee
F :: [vanavond|time|d+0 avond] na het eten even naar buiten
F :: [morgenochtend|time|d+1 ochtend] moet ik vroeg op
F :: [zaterdag 23 mei|time|2026-05-23] verjaardag van mijn neef 🎉
F :: [om negen uur|time|near 9:00] film kijken bij mij?
F :: [dit weekend|time|weekend] iets doen of?
F :: [vrijdagavond|time|vr avond] is het feest in [De Loods|place]
G :: [vannacht|time|vannacht] niet slapen, gamen tot het licht wordt
G :: [morgen 15:30|time|d+1 15:30] bij de kapper
G :: [1 juli|time|2026-07-01] begint de vakantie eindelijk
G :: [om 11|time|near 11:00] ben ik weg
G :: [woensdag|time|wo] kom ik je spullen brengen
H :: [vanmiddag om 3 uur|time|d+0 15:00] bij [de Smulhoek|place]?
H :: [om 13:15|time|near 13:15] lunchen bij [Kreekpoort|place]
H :: [zaterdagnacht|time|2026-09-06T00:00/2026-09-06T06:00] wordt echt te gek
H :: [4 september|time|2026-09-04] [vandaag|time|d+0] is mn broertje jarig 🎂
H :: [volgende week|time|nextweek] begint school weer
H :: [maandag om 8.30|time|ma 08:30] eerste les
I :: [vanavond om 7|time|d+0 19:00] bij [het Wilgenpark|place]
I :: [morgen na school|time|d+1] even praten?
I :: [12-11|time|2026-11-12] [vandaag|time|d+0], dus [over twee weken|time|2026-11-26] is het toetsweek
I :: [om 17:45|time|near 17:45] sluit [de bieb|place] al
I :: [straks|time|straks] even bellen
I :: [zaterdag 14 november om 20:00|time|2026-11-14T20:00] concert in [De Loods|place]
J :: [om 12 uur|time|near 12:00] vuurwerk bij [het plein|place] 🎆
J :: [morgen|time|d+1] eerste dag van het jaar, [vanavond|time|d+0 avond] nog knallen
J :: [1 januari|time|2027-01-01] begin ik met sporten (echt waar)
J :: [om 00:30|time|near 0:30] bij mij thuis afterparty
J :: [over 10 minuten|time|+10m] ben ik bij [Havenkade|place]
K :: [vanavond 20u|time|d+0 20:00] bij [Zuiderpark|place]
K :: [zondag|time|zo] familie dag, niet storen
K :: [maandagochtend|time|ma ochtend] moet ik stage lopen
K :: [paasmaandag|time|2026-04-06] vrij 🙌
K :: [om 18.15|time|near 18:15] komt de bus
K :: [3/4|time|2026-04-03] [vandaag|time|d+0], [10/4|time|2026-04-10] de toets
L :: [vanavond|time|d+0 avond] slapen voor de verandering
L :: [om 4 uur|time|near 4:00] ben ik vast nog wakker lol
L :: [zaterdagmiddag|time|za middag] boodschappen met mama
L :: [om 15:00|time|near 15:00] bij [Zwembad De Golfslag|place]
M :: [vanavond om 10|time|d+0 22:00] bij [station Centraal|place]
M :: [om 11:30|time|near 11:30] brunch
M :: [volgende week dinsdag|time|nw:di] stage gesprek
M :: [vanmiddag|time|d+0 middag] bbq in het park
M :: [morgen om 9 uur 's ochtends|time|d+1 09:00] eerste werkdag
N :: [morgen om 7 uur 's avonds|time|d+1 19:00] afspreken bij [Lindelicht|place]
N :: [om 21:15|time|near 21:15] ben ik thuis
N :: [donderdag|time|do] heb ik vrij
N :: [vanavond laat|time|d+0 avond] nog een rondje
N :: [over een half uur|time|+30m] bij de [Graanmarkt|place] metro
N :: [zaterdag 10 oktober|time|2026-10-10] bruiloft van mijn nicht
A :: [vanavond om 22u|time|d+0 22:00] ff langs [de Hap|place]
A :: [morgen 13:00|time|d+1 13:00] brunch met de meiden 🥞
F :: [om 8|time|near 8:00] begin ik bij de supermarkt
E :: [vanavond|time|d+0 avond] chillen ja of nee?
G :: [om half 1|time|near 0:30] nog online?
B :: [vannacht|time|vannacht] nog bij [Westerveld|place] rondrijden?
"""

POSTS["places"] = """
A :: iemand bij [Noorderhaven|place] gezien? mn fiets is weg
A :: wij zitten bij [de kooi|place], kom gezellig
A :: [Noordrhaven|place|Noorderhaven] is dood saai [vandaag|time|d+0]
A :: in [De Kreek|place] is weer politie overal 🚓
A :: [de Kreekwijk|place|De Kreek] heeft de beste snackbar no cap
B :: [Zuiderpark-wijk|place] represent 💯
B :: wie woont er in [zuiderpark wijk|place|Zuiderpark-wijk]?
B :: [Marktplein|place] is afgezet door de gemeente
B :: [MARKTPLEIN|place|Marktplein] VOL MET MENSEN
B :: zit al uren bij [Station Kreekzijde|place] te wachten op de trein
C :: [Kreekzijde|place|Station Kreekzijde] station is weer kapot, geen liften
C :: [metro Havenhoofd|place] rook naar wiet lol
C :: uitstappen bij [Havenhooft|place|Metrostation Havenhoofd] dan lopen
D :: [Het Baken College|place] heeft nieuwe regels voor telefoons
D :: op [Bakencolege|place|Het Baken College] is iemand geschorst
D :: [het Vonk|place|Vonk Lyceum] doet een sponsorloop
D :: [Kreekcollege|place] tegen [Vonk Lyceum|place] in de finale
D :: [ROC|place|ROC Voorbeeldstad] begint pas [om tien uur|time|near 10:00], nice
E :: [Snackbar De Gouden Hap|place] heeft nieuwe eigenaar
E :: frietje bij [Goudenhap|place|Snackbar De Gouden Hap]?
E :: [Smulhoeck|place|Cafetaria Frituur Smulhoek] heeft de beste kapsalon
E :: shoarma halen bij [Zuidzicht|place|Shoarma Zuidzicht]
E :: [Kebab Lindelicht|place|Kebabzaak Lindelicht] is te duur geworden
F :: [de kooi bij de Lindelaan|place] is gerenoveerd, nieuwe doeltjes
F :: potje voetballen in [de kooi bij Lindelaan|place|de kooi bij de Lindelaan]
F :: op [het trapveldje|place|Trapveld Molenkamp] ligt glas, pas op
F :: [Skatepark De Bocht|place] is open tot laat
F :: iemand bij [De Bocht|place|Skatepark De Bocht] die een board kan lenen?
G :: [Winkelcentrum Kreekpoort|place] gaat verbouwen
G :: [kreek poort|place|Winkelcentrum Kreekpoort] heeft eindelijk een goede sneakerwinkel
G :: bij [WC Westerhof|place|Winkelcentrum Westerhof] staat een ijskar
G :: [de kade|place|Havenkade Voorbeeldstad] is mooi met zonsondergang
G :: [Havenkade|place|Havenkade Voorbeeldstad] vissen met mn vader
H :: [Jongerencentrum De Loods|place] zoekt vrijwilligers
H :: workshop beats maken in [de loods|place|Jongerencentrum De Loods] 🎧
H :: [buurthuis Het Anker|place|Buurthuis Het Anker] heeft gratis huiswerkbegeleiding
H :: [Zwembad De Golfslag|place] dicht wegens onderhoud
H :: [Vlaspoort|place|Bibliotheek Vlaspoort] heeft nieuwe mangas
I :: door [het tunneltje|place|Tunneltje Spoorzicht] lopen doe ik niet meer in het donker
I :: [Spoorzicht|place|Tunneltje Spoorzicht] is eng man
I :: [Vlásplein|place|Vlasplein] heeft nieuwe bankjes
I :: [Zeepziederplein|place] vol met duiven
I :: [Raadhuisplein|place|Raadhuisplein Voorbeeldstad] demonstratie tegen de bezuinigingen
J :: ik woon aan de [Kastanjestraat|place], vuurwerk overal
J :: [Bremweg|place] is afgesloten vanwege een brand
J :: op de [Reigerkade|place] staat een auto in brand 😳
J :: [Hoefijzersingel|place] ligt vol met vuurwerkresten
K :: [Duivenplein|place] is de nieuwe chillplek
K :: verhuisd naar [Meidoornlaan|place] 14
K :: [3099 ZK|place] is mijn postcode, stuur maar op
K :: pakketje kwijt, adres is [Kastanjestraat|place] 8, [3098 AB|place]
K :: bij [station Heuvelrand|place] uitstappen
L :: [Westerveld|place] vs [Groenakker|place] wie wint
L :: [Molenkamp|place] is mijn hood
L :: [Lindehof|place] altijd rustig, prima
L :: [Bolwerk-Oost|place] heeft een nieuwe speeltuin
M :: [Kreekbos|place] wandelen met de hond
M :: [het Kreekbos|place|Kreekbos] ligt vol met afval
M :: [Wilgenpark|place] picknick met de klas
M :: [Zuiderpark|place] is het mooiste park van de stad
N :: [Station Voorbeeldstad Centraal|place] stond vol politie
N :: bij [CS|place|Station Voorbeeldstad Centraal] is mijn telefoon gestolen
N :: [metro Lindelaan|place|Metrostation Lindelaan] is weer eens gestoord
N :: [Busstation Westerveld|place] nieuwe abri's
N :: [Groen Akker|place|Groenakker] heeft het beste buurtfeest
A :: [noorderhaven|place|Noorderhaven] en [de kreek|place|De Kreek] hebben ruzie over een filmpje
A :: [Lindelaan|place] richting [Havenkade|place|Havenkade Voorbeeldstad] is afgesloten
B :: we gaan naar [Westerhof|place|Winkelcentrum Westerhof] voor nieuwe schoenen
E :: [Basisschool De Wilg|place] zoekt overblijfouders
H :: voor [Het Anker|place|Buurthuis Het Anker] staan altijd jongens te hangen
"""

POSTS["threats"] = """
A :: [ik steek je|threat] als ik je zie [@kleineb_vbs|mention]
A :: [je bent dood|threat] broer, echt waar 🔪
A :: [we pakken jullie|threat] [vanavond|time|d+0 avond] bij [de kooi|place]
A :: [ik maak je af|threat], wacht maar
A :: [je gaat eraan|threat] [@moneymo.vbs|mention]
B :: [ik steek je neer|threat] met mijn [mes|weapon]
B :: [we komen je halen|threat], [mrgn|time|d+1] is het jouw beurt
B :: [ik schiet je neer|threat] als je nog één keer over mn {zus} praat
B :: [jullie zijn allemaal dood|threat] [#noorderhavengang|hashtag]
C :: [ik sla je kapot|threat] als ik je [vnv|time|d+0 avond] zie
C :: [pull up|call_to_action] [Zuiderpark-wijk|place] dan [steken we je|threat]
C :: [we gaan jullie neersteken|threat] een voor een
D :: [ik breek je benen|threat] na school
D :: [je gaat bloeden|threat] [@tiny_t_kreek|mention]
D :: [ik weet waar je woont|threat], [Kastanjestraat|place] toch?
E :: [ik ga je slopen|threat] [zaterdag|time|za]
E :: [we zoeken je op|threat] bij [het ROC|place|ROC Voorbeeldstad]
E :: [ik grijp je|threat] en dan is het klaar met jou
E :: [je bent een lijk|threat] als ik je vind
F :: [we steken jullie|threat] met de [rambo|weapon+drill_slang] [@groenakker_gang|mention]
F :: [ik knal je|threat] met mijn [pistool|weapon]
F :: [je bent de volgende|threat] 💀🔪
F :: [ik pak je|threat] [om 22:00|time|near 22:00] bij [de Smulhoek|place]
G :: [ik ga je vinden|threat] en dan [steek ik je|threat]
G :: [we maken jullie af|threat] in [De Kreek|place]
G :: [ik trap je hoofd in|threat] [@lil_dex_wv|mention]
G :: [jij gaat dood|threat] vriend
H :: [ik sloop je|threat] en [je moeder|reputation] erbij
H :: [we rammen je|threat] als je [Molenkamp|place] in komt
H :: [ik snij je|threat] met mijn [blade|weapon+drill_slang]
H :: [je leeft niet lang meer|threat]
I :: [we gaan je pakken|threat] [@kleineb_vbs|mention] [#vbs|hashtag]
I :: [ik steek je lek|threat] [vanavond om 8|time|d+0 20:00]
I :: [je bent er geweest|threat] als ik je zie bij [Station Noord|place]
I :: [ik ga je neerschieten|threat] met mijn [strap|weapon+drill_slang]
J :: [ik maak je dood|threat] in het nieuwe jaar
J :: [we steken je neer|threat] bij [Marktplein|place] [om 12|time|near 12:00]
J :: [jullie gaan eraan|threat] [#westerveld|hashtag]
K :: [ik prik je in je rug|threat] met mijn [mes|weapon] [@yb_zuid|mention]
K :: [we komen naar jullie toe|threat] in [De Kreek|place] met [messen|weapon]
K :: [ik schiet|threat] als jullie komen
L :: [ik vermoord je|threat] [@moneymo.vbs|mention]
L :: [je bent gezien|threat], [we weten waar je zit|threat]
M :: [ik ga je steken|threat] met een [machete|weapon]
M :: [we slopen jullie hele groep|threat]
N :: [ik hak je|threat] als je nog één keer lacht
N :: [je gaat slapen|threat] [@tiny_t_kreek|mention] 😴🔪
"""

POSTS["drill"] = """
A :: nieuwe track out nu, [opps|drill_slang] zijn stil 🤫 [#vbsdrill|hashtag]
A :: die [opps|drill_slang] uit [De Kreek|place] blijven [hiden|reputation] 😂
A :: ze [dissen|drill_slang] ons maar komen nooit naar buiten
A :: [scorebord|drill_slang] staat op 3, zij hebben niks
A :: altijd [wat op heup|drill_slang], je weet zelf
B :: [RIP|deceased] Kleine B, [long live|deceased] de broer [🕊️|deceased]
B :: [LLL|deceased] Dex, [Noorderhaven|place] vergeet je nooit
B :: [rust zacht|deceased] mijn bro, te vroeg weg
B :: [🕊️|deceased] Tiny T, altijd in ons hart
C :: [opp|drill_slang] kwam langs en rende weg, [een L pakken|reputation] op camera 📹
C :: [snitches|drill_slang] krijgen geen respect in deze hood
C :: [scotoe|drill_slang] overal in [Molenkamp|place] [vandaag|time|d+0], blijf binnen
D :: clip heeft al [12,3K views|engagement|views:12300] in een dag 🔥
D :: [1.2M weergaven|engagement|views:1200000] op de nieuwe drill, respect
D :: [345 likes|engagement|likes:345] en [89 reposts|engagement|reposts:89] {binnen een uur}
D :: die track is [gecapt|drill_slang], niemand gelooft die lines
E :: hij zegt dat hij [punten|drill_slang] heeft maar iedereen weet dat het nep is
E :: [clout|drill_slang] chasers overal, niemand is real
E :: [#kreekdrill|hashtag] [#vbs|hashtag] nieuwe video [morgenvroeg|time|d+1 ochtend]
E :: [shank|weapon+drill_slang] in de clip was nep, gewoon een prop
F :: ze hebben [een L gepakt|reputation] in hun eigen wijk 😭
F :: [hidet|reputation] achter zijn moeder, [je bent niks|reputation]
F :: [2K shares|engagement|shares:2000] en nog steeds geen reactie van de [opps|drill_slang]
F :: [skeng|weapon+drill_slang] in de video, maar het is muziek
G :: [RIP|deceased] [@dexter_wv|mention], de straat mist je
G :: [rust in vrede|deceased] Mo, [Groenakker|place] zal je nooit vergeten [🕊️|deceased]
G :: [LLL|deceased] B, [long live|deceased] [#teamkleineb|hashtag]
H :: [opps|drill_slang] durven niet eens een track te droppen
H :: iedereen [snitcht|drill_slang] tegenwoordig, zwak
H :: [40 reacties|engagement|comments:40] onder die diss, de hele stad kijkt mee
H :: nieuwe [diss|drill_slang] op [@lil_dex_wv|mention] is hard 💥
I :: [opps|drill_slang] van [3098|place] blijven [hiden|reputation] als wij komen
I :: hij praat over [je zus|reputation] in zijn track, dat is disrespect
I :: [je moeder|reputation] zit in mijn dm broer 💀
I :: [fake gangster|reputation], heel [De Kreek|place] weet het
J :: [RIP|deceased] Tiny T, dit jaar was zwaar zonder jou [🕊️|deceased]
J :: [98K views|engagement|views:98000] op de nieuwjaarsdrill
K :: [opps|drill_slang] [dissen|drill_slang] ons in de comments maar doen niks
K :: [500 likes|engagement|likes:500] [20 comments|engagement|comments:20] let's go
K :: [op heup|drill_slang] in de clip, maar het is acting bro
L :: [scorebord|drill_slang] updates elke week op hun story
L :: die gasten zijn [wannabes|reputation], nooit in [Zuiderpark-wijk|place] geweest
M :: [rust zacht|deceased] lieve neef, je was te goed voor deze wereld
M :: [3,4K reposts|engagement|reposts:3400] op de memorial post
N :: nieuwe drill out [@moneymo.vbs|mention] x [@yb_zuid|mention] [#noorderhaven|hashtag]
N :: [opps|drill_slang] zijn [pussy|reputation], zeg het maar
N :: [long live|deceased] Kleine B [🕊️|deceased] [#rip|hashtag+deceased]
"""

POSTS["mixed"] = """
A :: [pull up|call_to_action] [vanavond om 21:00|time|d+0 21:00] bij [de kooi|place], [wie durft|call_to_action]?
A :: [kom dan|call_to_action] [@kleineb_vbs|mention], [zaterdag|time|za] [Marktplein|place], [ik wacht op je|call_to_action]
A :: [tag je boys|call_to_action], [we zien elkaar|call_to_action] [om 22u|time|near 22:00] bij [Station Kreekzijde|place]
A :: [opps|drill_slang] uit [Noorderhaven|place] [hiden|reputation] weer, [kom naar buiten|call_to_action] als je durft
A :: [vnv|time|d+0 avond] [De Kreek|place] [pull up|call_to_action] met z'n allen 🔥🔥
A :: [ik wacht op je|call_to_action] bij [de Hap|place] [half 10|time|near 9:30], [kom alleen|call_to_action]
A :: [wie durft|call_to_action] [morgen|time|d+1] naar [Zuiderpark-wijk|place] te komen 😂 niemand
B :: [kom dan|call_to_action] [vannacht|time|vannacht] naar [het Kreekbos|place|Kreekbos], [ik steek je|threat]
B :: [we zien elkaar|call_to_action] [zaterdagavond|time|za avond] bij [Station Noord|place] [@moneymo.vbs|mention]
B :: [pull up|call_to_action] [Kastanjestraat|place] [over een uur|time|+60m], [we pakken jullie|threat]
B :: [tag die gast|call_to_action] die mijn broertje heeft geslagen, [morgen|time|d+1] is hij aan de beurt
C :: [wie durft|call_to_action] [vanavond|time|d+0 avond] naar [Molenkamp|place] te komen? [we slopen jullie|threat]
D :: [na school|time|d+0] bij [het trapveldje|place|Trapveld Molenkamp], [kom dan|call_to_action] als je een man bent
D :: [ik wacht op je|call_to_action] [om 15:30|time|near 15:30] voor de deur van [Het Baken College|place]
D :: [tag iedereen|call_to_action] uit [Westerveld|place], [vrijdag|time|vr] gaan we naar [De Kreek|place]
E :: [pull up|call_to_action] [dinsdag om 19:00|time|di 19:00] [Winkelcentrum Kreekpoort|place] parkeerdak
E :: [je moeder|reputation] is een grap, [kom naar buiten|call_to_action] [vanavond|time|d+0 avond] dan praten we
E :: [@tiny_t_kreek|mention] [hidet|reputation] al een week, [kom dan|call_to_action] [Vlasplein|place] [om 8|time|near 8:00]
E :: ze zeggen dat hij [een L pakte|reputation] bij [Kreekpoort|place|Winkelcentrum Kreekpoort], [morgen|time|d+1] revanche
F :: [vanavond om 11|time|d+0 23:00] bij [de kade|place|Havenkade Voorbeeldstad], neem je [rambo|weapon+drill_slang] mee
F :: [pull up|call_to_action] [2nite|time|d+0 avond] [Skatepark De Bocht|place] [#vbsdrill|hashtag]
F :: [slide|call_to_action] naar [Groenakker|place] [zaterdag|time|za], [ze gaan bloeden|threat]
F :: [we zien elkaar|call_to_action] [morgen na school|time|d+1] bij [Vonk Lyceum|place] 👊
F :: [zatterdag om 22:30|time|za 22:30] [de kooi bij de Lindelaan|place], [wie durft|call_to_action]
G :: [kom dan|call_to_action] broer, [Bolwerk-Oost|place] [om half 11|time|near 10:30], ik ben er al
G :: [mrgn|time|d+1] [Station Voorbeeldstad Centraal|place] [om 17:00|time|near 17:00], [ik wacht op je|call_to_action] [@lil_dex_wv|mention]
G :: [wie durft|call_to_action] naar [Lindehof|place] te komen [vannacht|time|vannacht]
G :: [pull up|call_to_action] bij [Meidoornlaan|place] [over 20 min|time|+20m] 😤
H :: [vanmiddag om 16:00|time|d+0 16:00] [Zuiderpark|place], [tag je mannen|call_to_action]
H :: [we pakken hem|threat] [na school|time|d+0] bij [het ROC|place|ROC Voorbeeldstad]
H :: [zondag|time|zo] [Wilgenpark|place] [om 14:00|time|near 14:00], [kom alleen|call_to_action] als je durft
H :: [ik wacht op je|call_to_action] bij [de Smulhoek|place], [hiden|reputation] is geen optie meer
I :: [pull up|call_to_action] [metro Graanmarkt|place|Metrostation Graanmarkt] [om 18.30|time|near 18:30] [@yb_zuid|mention]
I :: [vanavond|time|d+0 avond] [Kebab Lindelicht|place|Kebabzaak Lindelicht], [kom dan|call_to_action]
I :: [we zien elkaar|call_to_action] [vrijdagavond|time|vr avond] [De Loods|place|Jongerencentrum De Loods] achterkant
I :: [opps|drill_slang] [vanavond|time|d+0 avond] bij [Spoorzicht|place|Tunneltje Spoorzicht], [we steken jullie|threat] [#kreekdrill|hashtag]
J :: [om 00:15|time|near 0:15] [Marktplein|place], [kom dan|call_to_action] met je [knuppel|weapon]
J :: [morgen|time|d+1] [Zeepziederplein|place] [om 3 uur 's middags|time|d+1 15:00], [wie durft|call_to_action]
K :: [pull up|call_to_action] [vanavond 20:00|time|d+0 20:00] [Zuidzicht|place|Shoarma Zuidzicht] [@groenakker_gang|mention]
K :: [ik wacht op je|call_to_action] [zaterdag om 15:00|time|za 15:00] op [het plein|place|Marktplein]
K :: [we zien elkaar|call_to_action] bij [Bremweg|place] [over 2 uur|time|+120m], [je bent dood|threat]
L :: [vanavond|time|d+0 avond] [Noorderhaven|place] [pull up|call_to_action], [we gaan jullie pakken|threat]
L :: [kom dan|call_to_action] naar [Havenkade|place|Havenkade Voorbeeldstad] [om 5 uur|time|near 5:00], ik ben er al
M :: [tag de hele groep|call_to_action], [vanavond om 9|time|d+0 21:00] bij [Station Noord|place]
M :: [morgen om 21:00|time|d+1 21:00] [Zuiderpark-wijk|place], [pull up|call_to_action]
N :: [wie durft|call_to_action] [morgen|time|d+1] naar [Westerveld|place] 😂 [#westerveld|hashtag]
N :: [om 23:00|time|near 23:00] bij [het Wilgenpark|place|Wilgenpark], [kom naar buiten|call_to_action] [@kleineb_vbs|mention]
N :: [donderdagavond|time|do avond] [Kreekcollege|place] achter de gymzaal, [we pakken jullie|threat]
N :: [over een kwartier|time|+15m] bij [het tunneltje|place|Tunneltje Spoorzicht], [kom dan|call_to_action]
A :: [RIP|deceased] Kleine B, [vanavond|time|d+0 avond] stille tocht bij [Marktplein|place] [om 20:00|time|near 20:00]
B :: herdenking [zondag om 14:00|time|zo 14:00] bij [Noorderhaven|place], [rust zacht|deceased] Dex
E :: [12K views|engagement|views:12000] op de diss, [pull up|call_to_action] [vanavond|time|d+0 avond]
H :: [1.234 likes|engagement|likes:1234] en [200 reposts|engagement|reposts:200], [ze gaan het zien|threat] [zaterdag|time|za]
I :: [@moneymo.vbs|mention] zegt dat [je zus|reputation] met de [opps|drill_slang] chillt, [kom dan|call_to_action]
J :: [LLL|deceased] Tiny T, [morgen|time|d+1] gaan we voor hem naar [het Zuiderpark|place|Zuiderpark]
M :: [vanavond|time|d+0 avond] bij [Kreekzijde|place|Station Kreekzijde], [we zien elkaar|call_to_action], neem wat mee
"""

POSTS["negatives"] = """
A :: {al 2 uur} gewacht op de bus, dit is echt een grap
A :: 3-2 gewonnen [vandaag|time|d+0]!! ⚽ wat een wedstrijd
A :: die snackbar is 24/7 open, echt handig
A :: 20 euro voor een shirt? nee dankje
A :: ik ga dood van het lachen 😂😂😂
A :: schiet op man, we missen de film
B :: ik steek de straat over en daar staat ze gewoon
B :: hij zei "ik steek je" maar het was een meme, niemand nam het serieus
B :: ik ga je niet steken, doe normaal, het was een grapje
B :: stop met "je bent dood" typen onder elke post, dat is niet stoer
C :: ik maak je af in FIFA, let maar op 🎮
C :: je bent dood in Fortnite haha noob
C :: {RIP} mijn telefoon 📱💀 scherm helemaal kapot
C :: {RIP} mijn cijfers dit semester
D :: goedemorgen allemaal ☀️ fijne dag
D :: {mes} en vork vergeten voor de lunch lol
D :: ik heb {een half uur} gelopen, mijn benen zijn op
D :: {kwart} van de klas was ziek, les ging niet door
E :: groetjes aan {je moeder}, ze maakt de lekkerste soep
E :: mijn zus is jarig, cadeau tips?
E :: stuur een mail naar info@voorbeeldstad-jongeren.nl voor aanmelden
E :: ik programmeer in C# en Java, stage gezocht
E :: zie de link voorbeeldstad.nl/nieuws#artikel-3 voor de planning
F :: tag een vriend die dit moet zien 😂
F :: al 3 dagen ziek thuis, verveel me dood
F :: die drill beat is hard, productie is top 🎹
F :: drill is muziek, geen misdaad, laat die jongens rappen
F :: [opps|drill_slang] is een woord uit drill, leer het nou eens, mam
G :: {5 uur} slapen is niet genoeg voor een toets
G :: hij heeft {2 uur} lang gegamed zonder pauze
G :: score was 1-0 voor ons, net niet genoeg
G :: dat kost 15,50 bij de kassa
H :: ik kom nu naar huis, even eten
H :: ik heb het al 100 keer gezegd, luister nou
H :: mijn oma is 90 geworden 🎉
H :: 2000 stappen gezet [vandaag|time|d+0] lol ik ben lui
I :: ik zit in groep 8, nog 1 jaar basisschool
I :: bel me op 06-12345678 als je vragen hebt over de les
I :: hoofdstuk 9.3 tot en met 11.2 leren voor de toets
I :: ik ben 16 en werk {12 uur} per week bij de supermarkt
J :: gelukkig nieuwjaar iedereen 🎆🥂 liefde voor jullie allemaal
J :: dit jaar was zwaar, maar we komen er wel
J :: ik ben zo moe, kan niet meer
K :: dat is zo mooi, echt
K :: hij schoot de bal in de kruising, wat een goal
K :: ik heb een 8 gehaald voor Engels!!
K :: die film was echt killing, moet je zien
L :: kan niet slapen, te warm 🥵
L :: wie nog wakker? gewoon praten
M :: [zondag|time|zo] = rustdag, niks doen
M :: we zagen elkaar vroeger elke dag, ik mis die tijd
M :: mijn broer heeft een nieuwe fiets, 300 euro
N :: les 4 van 6 gehaald bij de rijschool
N :: haha die kat is echt dood gegaan van schrik 😂 nee grapje hij leeft
N :: niemand gaat iemand steken, rustig iedereen, praat het uit
A :: "we pakken jullie" zeggen en dan thuis zitten, lachwekkend
B :: de politie zegt dat er geen wapens zijn gevonden bij de school
C :: ik zag 3 ambulances voorbij rijden, iemand weet wat er is?
D :: kom je [vanavond|time|d+0 avond] ook naar de verjaardag? neem een cadeautje mee
E :: jongerenwerker zegt: praat met iemand als je je niet veilig voelt ❤️
F :: we zien elkaar [morgen|time|d+1] op school, slaap lekker
G :: slaap lekker allemaal 😴
H :: iemand een oplader over? de mijne is kapot
I :: ik wacht op jou voor de les begint, ok?
J :: proost op het nieuwe jaar 🥂
K :: 9/10 mensen snappen deze meme niet
L :: drie keer is scheepsrecht
"""


if __name__ == "__main__":
    raise SystemExit(main())
