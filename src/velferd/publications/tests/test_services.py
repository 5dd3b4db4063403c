"""Writes to the publications: the demo content, publishing and changing a publication.
Ministry staff and administrators write; every write is audited; a refusal leaves nothing."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.publications.models import Ministry, Publication, Topic
from velferd.publications.services import (
    DATA_FILE,
    load_demo_publications,
    publication_create,
    publication_update,
)

from .factories import make_publication

pytestmark = pytest.mark.django_db

DEMO_COUNT = 20  # every item listed in seed 001 (the Ministry's publication list, page 1)
CHANGING_RULES = (
    "the-government-is-changing-the-rules-norway-will-grant-collective-protection-to-fewer-"
    "ukrainians"
)


def events(action: str, *, after: int = 0) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, seq__gt=after).order_by("seq"))


@pytest.fixture
def mark(publications: None) -> int:
    """The last audit event before the test's own writes (the demo load made many)."""
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    return last or 0


def create(actor: Actor, **changes: object) -> Publication:
    values: dict[str, object] = {
        "type": "press_release",
        "title": "Flere får jobb etter introduksjonsprogrammet",
        "published_on": datetime.date(2025, 2, 3),
        "summary": "Andelen i arbeid eller utdanning øker.",
        "body": "Tallene fra IMDi viser en klar økning.",
        "ministries": ["labour-and-social-inclusion"],
        "topics": ["integration", "introduction-and-qualification"],
        **changes,
    }
    return publication_create(actor=actor, **values)  # type: ignore[arg-type]


@pytest.fixture
def ministry_staff(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("departement")


class TestDemoLoad:
    @pytest.fixture(autouse=True)
    def empty(self, db: None) -> None:
        # The session's demo data may one day include the publications: start from none.
        Publication.objects.all().delete()
        Ministry.objects.all().delete()
        Topic.objects.all().delete()

    def test_the_demo_file_lists_every_item_of_the_seed(self) -> None:
        data = json.loads(Path(DATA_FILE).read_text(encoding="utf-8"))
        assert len(data["publications"]) == DEMO_COUNT
        assert len({row["slug"] for row in data["publications"]}) == DEMO_COUNT

    def test_loading_creates_every_publication_with_its_ministries_and_topics(
        self, system: Actor
    ) -> None:
        assert load_demo_publications(actor=system) == DEMO_COUNT
        assert Publication.objects.count() == DEMO_COUNT
        rules = Publication.objects.get(slug=CHANGING_RULES)
        assert rules.type == "press_release"
        assert rules.published_on == datetime.date(2024, 9, 27)
        assert set(rules.ministries.values_list("name_en", flat=True)) == {
            "Ministry of Justice and Public Security",
            "Ministry of Labour and Social Inclusion",
        }
        assert "ukraine" in set(rules.topics.values_list("slug", flat=True))
        assert rules.language == "en"

    def test_every_demo_publication_has_a_ministry_a_topic_and_a_summary(
        self, system: Actor
    ) -> None:
        load_demo_publications(actor=system)
        for p in Publication.objects.all():
            assert p.ministries.exists(), p.slug
            assert p.topics.exists(), p.slug
            assert p.summary and p.summary in p.body
            assert p.search_text == p.search_text.casefold()

    def test_the_action_plan_names_all_nine_ministries(self, system: Actor) -> None:
        load_demo_publications(actor=system)
        plan = Publication.objects.get(slug__startswith="the-norwegian-governments-action-plan")
        assert plan.type == "plan_strategy"
        assert plan.ministries.count() == 9
        assert plan.ministries.filter(name_nb="Forsvarsdepartementet").exists()

    def test_loading_is_audited_as_the_system(self, system: Actor) -> None:
        before = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        load_demo_publications(actor=system)
        created = events("publication.created", after=before)
        assert len(created) == DEMO_COUNT
        assert {e.actor_label for e in created} == {"system: tests"}
        assert len(events("topic.created", after=before)) == Topic.objects.count() == 11
        ministries = events("publication_ministry.created", after=before)
        assert len(ministries) == Ministry.objects.count() == 10

    def test_loading_twice_changes_nothing_and_audits_nothing(self, system: Actor) -> None:
        load_demo_publications(actor=system)
        versions = dict(Publication.objects.values_list("slug", "version"))
        audited = AuditEvent.objects.count()
        assert load_demo_publications(actor=system) == 0
        assert Publication.objects.count() == DEMO_COUNT
        assert dict(Publication.objects.values_list("slug", "version")) == versions
        assert AuditEvent.objects.count() == audited

    def test_loading_again_repairs_a_changed_publication(self, system: Actor) -> None:
        load_demo_publications(actor=system)
        area = Publication.objects.get(slug="area-focus")
        Publication.objects.filter(pk=area.pk).update(title="Changed by hand")
        area.topics.clear()
        assert load_demo_publications(actor=system) == 1
        area.refresh_from_db()
        assert area.title == "Area focus"
        assert list(area.topics.values_list("slug", flat=True)) == ["integration"]
        (event,) = events("publication.updated")
        assert event.before is not None and event.after is not None
        assert event.before["title"] == "Changed by hand"
        assert event.after["topics"] == ["integration"]

    def test_a_caseworker_cannot_load_the_demo(
        self, actor_of_login: Callable[[str], Actor]
    ) -> None:
        with pytest.raises(DomainError) as refused:
            load_demo_publications(actor=actor_of_login("veileder"))
        assert refused.value.status == 403
        assert not Publication.objects.exists()


@pytest.mark.usefixtures("publications")
class TestPublicationCreate:
    def test_ministry_staff_publish_and_the_event_records_what(
        self, mark: int, ministry_staff: Actor
    ) -> None:
        p = create(ministry_staff)
        assert p.slug == "flere-far-jobb-etter-introduksjonsprogrammet"
        assert p.version == 1
        assert p.search_text.startswith("flere får jobb")
        (event,) = events("publication.created", after=mark)
        assert event.actor_label == "Dina Departement"
        assert event.target_id == str(p.pk)
        assert event.after is not None
        assert event.after["ministries"] == ["labour-and-social-inclusion"]
        assert event.after["topics"] == ["integration", "introduction-and-qualification"]
        assert event.after["published_on"] == "2025-02-03"

    def test_an_administrator_may_publish(
        self, mark: int, actor_of_login: Callable[[str], Actor]
    ) -> None:
        create(actor_of_login("admin"))
        assert len(events("publication.created", after=mark)) == 1

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "analytiker", "innbygger"])
    def test_others_are_refused_with_403_and_nothing_is_written(
        self, mark: int, actor_of_login: Callable[[str], Actor], login: str
    ) -> None:
        before = Publication.objects.count()
        with pytest.raises(DomainError) as refused:
            create(actor_of_login(login))
        assert (refused.value.status, refused.value.code) == (403, "forbidden")
        assert Publication.objects.count() == before
        assert not events("publication.created", after=mark)

    def test_nobody_logged_in_is_asked_to_log_in(self) -> None:
        with pytest.raises(DomainError) as refused:
            create(ANONYMOUS)
        assert refused.value.status == 401

    @pytest.mark.parametrize(
        ("changes", "code", "field"),
        [
            ({"type": "memo"}, "unknown_type", "type"),
            ({"title": "   "}, "title_required", "title"),
            ({"title": "x" * 301}, "title_too_long", "title"),
            ({"summary": ""}, "summary_required", "summary"),
            ({"ministries": []}, "ministry_required", "ministries"),
            ({"ministries": ["ministry-of-magic"]}, "unknown_ministry", "ministries"),
            ({"topics": ["integration", "astrology"]}, "unknown_topic", "topics"),
            ({"language": "sv"}, "unknown_language", "language"),
        ],
    )
    def test_invalid_input_is_422_naming_the_field_and_writes_nothing(
        self, mark: int, ministry_staff: Actor, changes: dict[str, object], code: str, field: str
    ) -> None:
        before = Publication.objects.count()
        with pytest.raises(DomainError) as refused:
            create(ministry_staff, **changes)
        assert (refused.value.status, refused.value.code, refused.value.field) == (
            422,
            code,
            field,
        )
        assert Publication.objects.count() == before
        assert not events("publication.created", after=mark)

    def test_a_taken_address_is_409(self, ministry_staff: Actor) -> None:
        with pytest.raises(DomainError) as refused:
            create(ministry_staff, title="Area focus")
        assert (refused.value.status, refused.value.code) == (409, "slug_taken")

    def test_the_address_can_be_given(self, ministry_staff: Actor) -> None:
        assert create(ministry_staff, slug="Introduksjon 2025").slug == "introduksjon-2025"


@pytest.mark.usefixtures("publications")
class TestPublicationUpdate:
    def test_a_change_bumps_the_version_and_is_audited_with_before_and_after(
        self, mark: int, ministry_staff: Actor
    ) -> None:
        p = Publication.objects.get(slug="area-focus")
        publication_update(
            actor=ministry_staff,
            publication=p,
            version=1,
            title="Area-based initiatives",
            topics=["integration", "voluntary-sector"],
        )
        p.refresh_from_db()
        assert (p.title, p.version, p.slug) == ("Area-based initiatives", 2, "area-focus")
        assert "area-based initiatives" in p.search_text
        (event,) = events("publication.updated", after=mark)
        assert event.before == {"title": "Area focus", "topics": ["integration"]}
        assert event.after == {
            "title": "Area-based initiatives",
            "topics": ["integration", "voluntary-sector"],
        }

    def test_a_stale_version_is_refused_with_409(self, ministry_staff: Actor) -> None:
        p = Publication.objects.get(slug="area-focus")
        with pytest.raises(DomainError) as refused:
            publication_update(actor=ministry_staff, publication=p, version=7, title="Late")
        assert (refused.value.status, refused.value.code) == (409, "stale_version")
        p.refresh_from_db()
        assert p.title == "Area focus"

    def test_changing_nothing_makes_no_version_and_no_event(
        self, mark: int, ministry_staff: Actor
    ) -> None:
        p = Publication.objects.get(slug="area-focus")
        publication_update(
            actor=ministry_staff,
            publication=p,
            version=1,
            title="Area focus",
            topics=["integration"],
        )
        assert p.version == 1
        assert not events("publication.updated", after=mark)

    def test_a_caseworker_cannot_change_a_publication(
        self, actor_of_login: Callable[[str], Actor]
    ) -> None:
        p = Publication.objects.get(slug="area-focus")
        with pytest.raises(DomainError) as refused:
            publication_update(
                actor=actor_of_login("veileder"), publication=p, version=1, title="Mine"
            )
        assert refused.value.status == 403

    def test_an_invalid_change_writes_nothing(self, ministry_staff: Actor) -> None:
        p = Publication.objects.get(slug="area-focus")
        with pytest.raises(DomainError):
            publication_update(
                actor=ministry_staff, publication=p, version=1, title="New", ministries=[]
            )
        p.refresh_from_db()
        assert (p.title, p.version) == ("Area focus", 1)

    def test_the_factory_publishes_through_the_service(self, mark: int) -> None:
        p = make_publication(title="Test av fabrikken")
        assert events("publication.created", after=mark)[-1].target_id == str(p.pk)
