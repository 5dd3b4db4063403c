"""No code on screen: every page of the demo, as every demo login and as a visitor who has not
logged in, in bokmål and in English, shows labels for coded values and amounts written the
Norwegian way, never a code (`child_welfare`) or a raw amount (`60000.00`, `85000 kr`).

The walk is the one a person makes: every page of the login's menu (and the office
directory's answer to a search), then one page of each kind (each URL pattern once) linked
from those, and so on for three levels. Only the visible
text is read: tags, scripts, styles and attribute values are left out, and so is what the
page marks as text to type as it is (<code>, <kbd>, translate="no": the columns of a file to
import)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import translation

from velferd.access.actor import system_actor
from velferd.access.demo import DEMO_LOGINS
from velferd.access.models import User
from velferd.core import labels
from velferd.demo import load_demo
from velferd.followup.models import IndividualPlan
from velferd.organisation.demo import iw_advisor_logins
from velferd.people.models import Person
from velferd.project.reference import load_reference

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
LANGUAGES = ["nb", "en"]
# The menu's pages and three levels of links beyond them.
LEVELS = 4
# Pages reached by a search on a menu page: the office directory's answer.
SEARCHES = ["/offices/?q=Oslo"]
# Not pages: the API, static files, the language switch, logging out, feeds and downloads.
NOT_PAGES = ("/api/", "/static/", "/i18n/", "/logout/", "/oidc/")

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")
RAW_AMOUNT = re.compile(r"\b\d{4,}\.\d{2}\b|\b\d{4,} ?kr\b")
HREF = re.compile(r"""<a\s[^>]*href="(/[^"#?]*)[^"]*"[^>]*>""")


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attribute values, scripts, styles or templates; and
    none of what the page marks as text to type as it is (<code>, <kbd>, or an element
    with translate="no"), such as the columns of a file to import."""

    HIDDEN = {"script", "style", "template", "head", "noscript", "code", "kbd"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        literal = ("translate", "no") in attrs
        if tag not in self.VOID and (self.hidden or literal or tag in self.HIDDEN):
            self.hidden.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def codes_in(text: str) -> list[str]:
    """The snake_case tokens and the amounts without Norwegian formatting in a text, each
    with a few words around it."""
    found: dict[str, str] = {}
    for pattern in (CODE, RAW_AMOUNT):
        for match in pattern.finditer(text):
            around = " ".join(text[max(0, match.start() - 30) : match.end() + 30].split())
            found.setdefault(match.group(), f"{match.group()} («{around}»)")
    return [found[token] for token in sorted(found)]


@dataclass(frozen=True)
class Finding:
    login: str
    language: str
    path: str
    tokens: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path} as {self.login} ({self.language}): {'; '.join(self.tokens)}"


def page_kind(path: str) -> str | None:
    """The URL pattern a path belongs to, or None when it is not one of the site's pages."""
    if path.startswith(NOT_PAGES):
        return None
    try:
        return str(resolve(path).route)
    except Resolver404:
        return None


def links(html: str, scope: str) -> list[str]:
    """The paths of the site's own pages linked inside the first <scope> element."""
    start = html.find(f"<{scope}")
    end = html.find(f"</{scope}>", start)
    if start < 0:
        return []
    paths = [path for path in HREF.findall(html[start:end]) if page_kind(path) is not None]
    return list(dict.fromkeys(paths))


def client_for(login: str, language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["django_language"] = language
    if login != ANONYMOUS:
        client.force_login(User.objects.get(username=login))
    return client


def read(client: Client, path: str) -> str | None:
    """A page's HTML, or None when it is not an HTML page the login may see."""
    response = client.get(path)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    return response.content.decode()


def walk(login: str, language: str, checked: set[str]) -> tuple[list[Finding], set[str]]:
    """Read the login's menu pages, then, level by level, one page of each kind linked from
    the level before that this login and language have not read; what each page shows."""
    client = client_for(login, language)
    home = read(client, "/") or ""
    level = list(dict.fromkeys(["/", *links(home, "header"), *SEARCHES]))
    seen = {page_kind(path) or path for path in level}
    found: list[Finding] = []
    for _ in range(LEVELS):
        linked: dict[str, str] = {}
        for path in level:
            html = read(client, path)
            if html is None:
                continue
            checked.add(page_kind(path) or path)
            if tokens := codes_in(visible_text(html)):
                found.append(Finding(login, language, path, tuple(tokens)))
            for link in links(html, "main"):
                kind = page_kind(link) or link
                if kind not in seen:
                    linked.setdefault(kind, link)
        seen.update(linked)
        level = list(linked.values())
    return found, seen


def logins() -> list[str]:
    """A visitor, one login of each demo role, and an IW advisor of another county."""
    return [ANONYMOUS, *(login.username for login in DEMO_LOGINS), iw_advisor_logins()[0].username]


def test_the_scan_finds_codes_and_raw_amounts_in_visible_text_only() -> None:
    html = (
        '<p class="child_welfare">Barnevern <span>fact_team</span></p>'
        "<script>var a_b = 1;</script><p>60000.00 kr, 85000 kr, 85\xa0000,00 kr</p>"
        '<p>Kolonnen <code>lost_workdays</code></p><pre translate="no">year;sick_listed</pre>'
        "<p>Etter</p>"
    )
    found = [token.split(" (")[0] for token in codes_in(visible_text(html))]
    assert found == ["60000.00", "85000 kr", "fact_team"]


def test_amounts_and_codes_read_as_labels_in_both_languages() -> None:
    template = Template(
        '{% load display %}{{ amount|kr }} {{ "child_welfare"|label:"partner_service" }}, '
        '{{ "subsidy.partly_granted"|label:"audit_action" }}'
    )
    context = Context({"amount": Decimal("1234567.5")})
    with translation.override("nb"):
        assert template.render(context) == (
            "1\xa0234\xa0567,50 kr Barnevernstjenesten, Tilskudd: delvis innvilget"
        )
    with translation.override("en"):
        assert template.render(context) == (
            "1\xa0234\xa0567,50 kr Child welfare service, Subsidy: partly granted"
        )


def test_a_code_without_a_label_shows_as_it_is_so_that_the_walk_finds_it() -> None:
    assert labels.label("subsidy.teleported", "audit_action") == "subsidy.teleported"
    assert labels.label("unknown_service", "partner_service") == "unknown_service"


def read_the_citizens_records() -> None:
    """Ola's caseworker opens his page and his individual plan, and his GP the plan, so that
    his list of who has looked at his data has lines to show."""
    ola = Person.objects.get(user__username="innbygger")
    plan = IndividualPlan.objects.filter(person=ola).first()
    for login, paths in [
        ("veileder", [f"/people/{ola.pk}/", f"/plans/{plan.pk}/" if plan else ""]),
        ("fastlege", [f"/plans/{plan.pk}/" if plan else ""]),
    ]:
        client = client_for(login, "nb")
        for path in filter(None, paths):
            client.get(path)
    access_log = read(client_for("innbygger", "nb"), "/me/access-log/") or ""
    with translation.override("nb"):
        nobody = translation.gettext("Nobody at NAV has looked at your information yet.")
    assert nobody not in access_log, "the citizen's access log has no lines to check"


def test_no_page_shows_a_code_or_an_unformatted_amount() -> None:
    load_reference(actor=system_actor("display test"))
    load_demo(actor=system_actor("display test"))
    read_the_citizens_records()
    checked: set[str] = set()
    found: list[Finding] = []
    for login in logins():
        for language in LANGUAGES:
            findings, _ = walk(login, language, checked)
            found += findings
    assert len(checked) > 40, f"only {len(checked)} kinds of page were read"
    assert {
        "plans/<uuid:plan_id>/",
        "audit/",
        "me/access-log/",
        "users/<uuid:user_id>/",
        "offices/<str:unit_number>/",
        "employers/<str:organisation_number>/",
        "employers/subsidies/<int:subsidy_id>/",
        "employers/budgets/",
        "sick-leave/import/",
        "settlement/",
        "settlement/requests/",
        "settlement/cases/<str:case_id>/",
        "settlement/municipalities/<str:number>/",
    } <= checked
    assert not found, "Codes on screen:\n" + "\n".join(map(str, found))
