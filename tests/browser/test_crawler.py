"""The crawler: every page a demo role is shown, at desktop and phone width, checked as an
accessibility audit would (issue 14).

It logs in as each demo role (and visits the public pages signed out), follows every same-site link
it is shown (GET only; at most ``PER_ROUTE`` instances of each URL pattern per role, so it stays
fast), and checks every page at 1280×800 and 375×812:

- the link answers 200 (a shown link never answers 403/404, and never a server error);
- no horizontal overflow (``scrollWidth <= innerWidth``);
- axe-core WCAG 2.1 A/AA clean, colour contrast included;
- ``<html lang="nl">`` and exactly one ``h1``;
- no untranslated message ids, internal codes or English words (``INTERNAL_TEXT``) and no
  "#<number>" where a name belongs.

Nothing here lists pages: the set is generated from the links, so pages added later are covered
without changing this file. All findings are collected and reported together, with the number of
(role × page × width) combinations checked (printed, and written to ``var/crawler.json``).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from browser_support import AXE
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve

from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.reauth import SESSION_REAUTH_KEY
from lont.networks.demo import MEMBERS, load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = ({"width": 1280, "height": 800}, {"width": 375, "height": 812})
PER_ROUTE = 2  # instances of one URL pattern checked per role
MAX_PAGES_PER_ROLE = 150  # a safety net against a link explosion, far above today's count
SKIP_PREFIXES = ("/static/", "/media/", "/beheer/", "/api/", "/i18n/")
REPORT = Path(settings.BASE_DIR) / "var" / "crawler.json"

# Text a Dutch user must never read: message ids and internal codes, English words from model
# defaults, Django's default object names, template syntax. Checked on the visible text (with
# e-mail addresses and web addresses removed first).
INTERNAL_TEXT = {
    "dotted code (indicator code, app.model)": re.compile(r"\b[a-z][a-z_]+\.[a-z][a-z_]+\b"),
    "snake_case identifier": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "Django default object name": re.compile(r"\b\w+ object \(\d+\)"),
    "English model words": re.compile(r"\b(Group [ab]|Group|Person|None|True|False)\b"),
    "template syntax": re.compile(r"\{\{|\}\}|\{%|%\}"),
    "number where a name belongs": re.compile(r"#\d+\b"),
    "plural after one": re.compile(
        r"(?<![\d,.])\b1 (signalen|situaties|personen|groepen|contacten|acties|leden|dagen|"
        r"problemen|tekens|factoren|partners|verzoeken|meldingen)\b"
    ),
}
E_MAIL_OR_ADDRESS = re.compile(
    r"\S*@\S+|https?://\S+|\b[\w-]+(\.[\w-]+)*\.(test|nl|pdf|csv|json)\b"
)

# Colour contrast that axe cannot verify (text on a gradient or image) counts as a failure: a
# municipality's audit would not accept it either.
UNVERIFIABLE_CONTRAST = ("bgImage", "bgGradient")
AXE_RUN = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values:
    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  const nodes = (v) => v.nodes.slice(0, 3).map(n => n.target.join(' '));
  const unverifiable = r.incomplete.filter(v => v.id === 'color-contrast').map(v => ({
    id: 'color-contrast', nodes: v.nodes.filter(n => n.any.some(c => c.data &&
      UNVERIFIABLE.includes(c.data.messageKey))).slice(0, 3).map(n => n.target.join(' '))
  })).filter(v => v.nodes.length);
  return r.violations.map(v => ({id: v.id, nodes: nodes(v)})).concat(unverifiable);
}""".replace("UNVERIFIABLE", json.dumps(UNVERIFIABLE_CONTRAST))
PAGE_FACTS = """() => ({
  lang: document.documentElement.lang,
  h1: document.querySelectorAll('h1').length,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  wide: (() => {
    const over = (e) => e.getBoundingClientRect().right > window.innerWidth + 1;
    return Array.from(document.querySelectorAll('body *'))
      .filter(e => over(e) && !Array.from(e.children).some(over)).slice(0, 3)
      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
  })(),
  text: document.body.innerText,
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
})"""


@dataclass
class Crawl:
    combinations: int = 0
    pages: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)

    def fail(self, role: str, url: str, width: int | None, check: str, detail: Any) -> None:
        self.findings.append(
            {"role": role, "url": url, "width": width, "check": check, "detail": detail}
        )


def roles() -> list[tuple[str, str | None]]:
    """One demo member per role, and the signed-out visitor."""
    seen: dict[str, str] = {}
    for member in MEMBERS:
        seen.setdefault(str(member.role), member.email)
    everyone = [("anoniem", None), *((role, email) for role, email in seen.items())]
    only = os.environ.get("LONT_CRAWL_ROLES")  # for a developer's quick run: "director,observer"
    return [r for r in everyone if not only or r[0] in only.split(",")]


def signed_in_cookie(email: str) -> dict[str, str]:
    """A session as after password, TOTP and a fresh re-authentication (no form, no code reuse)."""
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session[SESSION_REAUTH_KEY] = time.time() + 3600
    session.save()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}


def route_of(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def visible_text_problems(text: str) -> list[str]:
    text = E_MAIL_OR_ADDRESS.sub(" ", text)
    problems = []
    for name, pattern in INTERNAL_TEXT.items():
        hits = sorted({m.group(0) for m in pattern.finditer(text)})
        if hits:
            problems.append(f"{name}: {', '.join(hits[:5])}")
    return problems


def crawl_role(browser: Any, base: str, role: str, email: str | None, crawl: Crawl) -> None:
    context = browser.new_context(bypass_csp=True, locale="nl-NL", viewport=WIDTHS[0])
    context.add_init_script(script=AXE.read_text())
    if email:
        cookie = signed_in_cookie(email)
        context.add_cookies([{**cookie, "url": base}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    start = "/" if email else "/account/inloggen/"
    queue, seen, per_route = [start], {start}, Counter[str]()
    shown_on: dict[str, str] = {start: ""}
    per_route[route_of(start) or start] += 1
    while queue and crawl.pages < 10_000:
        path = queue.pop(0)
        url = base + path
        try:
            response = page.goto(url, wait_until="load")
        except Exception:  # a download (PDF, CSV): the status is all there is to check
            response = context.request.get(url, max_redirects=5)
            if response.status != 200:
                crawl.fail(role, path, None, "status", [response.status, shown_on[path]])
            continue
        status = response.status if response else 0
        if status != 200:
            crawl.fail(role, path, None, "status", [status, shown_on[path]])
            continue
        if not (response.headers.get("content-type") or "").startswith("text/html"):
            continue
        landed = urlsplit(page.url).path
        if urlsplit(page.url).netloc != urlsplit(base).netloc:
            continue
        crawl.pages += 1
        facts: dict[str, Any] = {}
        for size in WIDTHS:
            page.set_viewport_size(size)
            facts = page.evaluate(PAGE_FACTS)
            crawl.combinations += 1
            width = size["width"]
            if facts["overflow"] > 0:
                crawl.fail(role, landed, width, "overflow", [facts["overflow"], facts["wide"]])
            violations = page.evaluate(AXE_RUN)
            for violation in violations:
                check = "contrast" if violation["id"] == "color-contrast" else "axe"
                crawl.fail(role, landed, width, check, violation)
        page.set_viewport_size(WIDTHS[0])
        if facts["lang"] != "nl":
            crawl.fail(role, landed, None, "lang", facts["lang"])
        if facts["h1"] != 1:
            crawl.fail(role, landed, None, "h1", facts["h1"])
        for problem in visible_text_problems(facts["text"]):
            crawl.fail(role, landed, None, "text", problem)
        for link in facts["links"]:
            target, _ = urldefrag(link)
            parts = urlsplit(target)
            if parts.netloc != urlsplit(base).netloc or parts.path.startswith(SKIP_PREFIXES):
                continue
            relative = parts.path + (f"?{parts.query}" if parts.query else "")
            if relative in seen:
                continue
            seen.add(relative)
            key = route_of(parts.path) or parts.path
            if per_route[key] >= PER_ROUTE or len(seen) > MAX_PAGES_PER_ROLE:
                continue
            per_route[key] += 1
            shown_on[relative] = landed
            queue.append(relative)
    context.close()


def test_every_page_every_role_both_widths(browser, live_server):
    # The pages do not depend on the database engine; CI runs the suite on SQLite and again on
    # PostgreSQL, and the crawler's minutes are spent once (LONT_CRAWL_ALL_DATABASES=1 forces it).
    if connection.vendor != "sqlite" and not os.environ.get("LONT_CRAWL_ALL_DATABASES"):
        pytest.skip("the crawler runs in the SQLite pass")
    load_demo()
    crawl = Crawl()
    started = time.monotonic()
    for role, email in roles():
        crawl_role(browser, live_server.url, role, email, crawl)
    seconds = round(time.monotonic() - started)

    by_check: dict[str, set[str]] = defaultdict(set)
    for finding in crawl.findings:
        by_check[finding["check"]].add(finding["url"])
    summary = {
        "combinations": crawl.combinations,
        "pages": crawl.pages,
        "seconds": seconds,
        "pages_failing_per_check": {check: len(urls) for check, urls in sorted(by_check.items())},
        "pages_with_overflow_or_contrast": len(by_check["overflow"] | by_check["contrast"]),
        "findings": crawl.findings,
    }
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    print(
        f"\ncrawler: {crawl.combinations} (role × page × width) combinations, "
        f"{crawl.pages} page visits, {seconds} s; failing pages per check: "
        f"{summary['pages_failing_per_check']}"
    )
    assert crawl.pages > 50, "the crawler found too few pages: is the demo loaded?"
    assert crawl.findings == [], json.dumps(crawl.findings[:40], indent=1, ensure_ascii=False)
