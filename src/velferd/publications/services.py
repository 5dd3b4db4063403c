"""Writes to the publications. Ministry staff and administrators write; every change is
audited in the same transaction."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError

from .models import ContentLanguage, Ministry, Publication, PublicationType, Topic

DATA_FILE = Path(__file__).resolve().parent / "data" / "publications.json"

TITLE_MAX = 300
SLUG_MAX = 200

_FIELDS = ("slug", "type", "title", "published_on", "summary", "body", "language")


def _invalid(code: str, field: str, nb: str, en: str, status: int = 422) -> DomainError:
    return DomainError(code=code, message_nb=nb, message_en=en, field=field, status=status)


def _clean_text(value: str, field: str, *, max_length: int | None = None) -> str:
    value = value.strip()
    if not value:
        raise _invalid(
            f"{field}_required", field, "Feltet må fylles ut.", "This field is required."
        )
    if max_length is not None and len(value) > max_length:
        raise _invalid(
            f"{field}_too_long",
            field,
            f"Høyst {max_length} tegn.",
            f"At most {max_length} characters.",
        )
    return value


def _clean_type(value: str) -> str:
    if value not in PublicationType.values:
        allowed = ", ".join(PublicationType.values)
        raise _invalid(
            "unknown_type",
            "type",
            f"Ukjent publikasjonstype «{value}». Gyldige typer: {allowed}.",
            f"Unknown publication type “{value}”. Valid types: {allowed}.",
        )
    return value


def _clean_language(value: str) -> str:
    if value not in ContentLanguage.values:
        raise _invalid(
            "unknown_language",
            "language",
            f"Ukjent språk «{value}». Gyldige språk: nb, en.",
            f"Unknown language “{value}”. Valid languages: nb, en.",
        )
    return value


def _ministries(slugs: Sequence[str]) -> list[Ministry]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        raise _invalid(
            "ministry_required",
            "ministries",
            "Velg minst ett ansvarlig departement.",
            "Choose at least one responsible ministry.",
        )
    found = {m.slug: m for m in Ministry.objects.filter(slug__in=wanted)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        listed = ", ".join(unknown)
        raise _invalid(
            "unknown_ministry",
            "ministries",
            f"Ukjent departement: {listed}.",
            f"Unknown ministry: {listed}.",
        )
    return [found[slug] for slug in wanted]


def _topics(slugs: Sequence[str]) -> list[Topic]:
    wanted = list(dict.fromkeys(slugs))
    found = {t.slug: t for t in Topic.objects.filter(slug__in=wanted)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        listed = ", ".join(unknown)
        raise _invalid(
            "unknown_topic", "topics", f"Ukjent tema: {listed}.", f"Unknown topic: {listed}."
        )
    return [found[slug] for slug in wanted]


def _clean_slug(value: str | None, title: str) -> str:
    slug = slugify((value or title).replace("–", "-"))[:SLUG_MAX].strip("-")
    if not slug:
        raise _invalid(
            "invalid_slug",
            "slug",
            "Adressen må ha minst én bokstav eller ett tall.",
            "The address must have at least one letter or digit.",
        )
    if Publication.objects.filter(slug=slug).exists():
        raise _invalid(
            "slug_taken",
            "slug",
            f"Det finnes allerede en publikasjon med adressen «{slug}».",
            f"There is already a publication with the address “{slug}”.",
            status=CONFLICT,
        )
    return slug


def _state(publication: Publication) -> dict[str, Any]:
    """What the audit trail records of a publication, relations as sorted slugs."""
    return {
        **audit.snapshot(publication, *_FIELDS),
        "ministries": sorted(publication.ministries.values_list("slug", flat=True)),
        "topics": sorted(publication.topics.values_list("slug", flat=True)),
    }


@transaction.atomic
def publication_create(
    *,
    actor: Actor,
    type: str,
    title: str,
    published_on: datetime.date,
    summary: str,
    body: str = "",
    ministries: Sequence[str],
    topics: Sequence[str] = (),
    slug: str | None = None,
    language: str = ContentLanguage.NORWEGIAN,
) -> Publication:
    """Publish. `ministries` and `topics` are slugs; the slug defaults to one made from the
    title and must be free (409 otherwise)."""
    policies.require(actor, policies.can_change_publications)
    title = _clean_text(title, "title", max_length=TITLE_MAX)
    publication = Publication(
        slug=_clean_slug(slug, title),
        type=_clean_type(type),
        title=title,
        published_on=published_on,
        summary=_clean_text(summary, "summary"),
        body=body.strip(),
        language=_clean_language(language),
    )
    chosen_ministries = _ministries(ministries)
    chosen_topics = _topics(topics)
    publication.refresh_search_text()
    publication.save()
    publication.ministries.set(chosen_ministries)
    publication.topics.set(chosen_topics)
    audit.record(
        actor=actor, action="publication.created", target=publication, after=_state(publication)
    )
    return publication


def _apply(
    actor: Actor,
    publication: Publication,
    changes: dict[str, Any],
    ministries: Sequence[str] | None,
    topics: Sequence[str] | None,
) -> bool:
    """Write what differs, bump the version and audit it. False if nothing changed."""
    before = _state(publication)
    fields = {k: v for k, v in changes.items() if getattr(publication, k) != v}
    new_ministries = _ministries(ministries) if ministries is not None else None
    new_topics = _topics(topics) if topics is not None else None
    ministries_changed = (
        new_ministries is not None
        and sorted(m.slug for m in new_ministries) != before["ministries"]
    )
    topics_changed = (
        new_topics is not None and sorted(t.slug for t in new_topics) != before["topics"]
    )
    if not fields and not ministries_changed and not topics_changed:
        return False
    for name, value in fields.items():
        setattr(publication, name, value)
    publication.refresh_search_text()
    publication.bump_version()
    publication.save()
    if ministries_changed and new_ministries is not None:
        publication.ministries.set(new_ministries)
    if topics_changed and new_topics is not None:
        publication.topics.set(new_topics)
    after = _state(publication)
    changed = [k for k in after if after[k] != before[k]]
    audit.record(
        actor=actor,
        action="publication.updated",
        target=publication,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )
    return True


@transaction.atomic
def publication_update(
    *,
    actor: Actor,
    publication: Publication,
    version: int,
    type: str | None = None,
    title: str | None = None,
    published_on: datetime.date | None = None,
    summary: str | None = None,
    body: str | None = None,
    language: str | None = None,
    ministries: Sequence[str] | None = None,
    topics: Sequence[str] | None = None,
) -> Publication:
    """Change what is given; the slug stays, so links keep working. A stale `version` is
    409; a change to nothing is no new version and no audit event."""
    policies.require(actor, policies.can_change_publications)
    publication.check_version(version)
    changes: dict[str, Any] = {}
    if type is not None:
        changes["type"] = _clean_type(type)
    if title is not None:
        changes["title"] = _clean_text(title, "title", max_length=TITLE_MAX)
    if published_on is not None:
        changes["published_on"] = published_on
    if summary is not None:
        changes["summary"] = _clean_text(summary, "summary")
    if body is not None:
        changes["body"] = body.strip()
    if language is not None:
        changes["language"] = _clean_language(language)
    _apply(actor, publication, changes, ministries, topics)
    return publication


# The demo content ----------------------------------------------------------------------------


def read_demo_data(path: Path | None = None) -> dict[str, Any]:
    with (path or DATA_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _upsert_named(actor: Actor, model: type[Ministry] | type[Topic], rows: list[Any]) -> None:
    kind = "publication_ministry" if model is Ministry else "topic"
    for order, row in enumerate(rows, start=1):
        values = {"name_nb": row["name_nb"], "name_en": row["name_en"], "sort_order": order}
        instance = model._default_manager.filter(slug=row["slug"]).first()
        if instance is None:
            instance = model._default_manager.create(slug=row["slug"], **values)
            audit.record(
                actor=actor,
                action=f"{kind}.created",
                target=instance,
                after=audit.snapshot(instance, "slug", *values),
            )
            continue
        changed = {k: v for k, v in values.items() if getattr(instance, k) != v}
        if changed:
            before = audit.snapshot(instance, *changed)
            for name, value in changed.items():
                setattr(instance, name, value)
            instance.save(update_fields=[*changed, "updated_at"])
            audit.record(
                actor=actor,
                action=f"{kind}.updated",
                target=instance,
                before=before,
                after=audit.snapshot(instance, *changed),
            )


@transaction.atomic
def load_demo_publications(*, actor: Actor, path: Path | None = None) -> int:
    """Load the demo ministries, topics and publications from data/publications.json.
    Returns how many publications were created or brought up to date; loading twice
    changes nothing and audits nothing."""
    policies.require(actor, policies.can_change_publications)
    data = read_demo_data(path)
    _upsert_named(actor, Ministry, data["ministries"])
    _upsert_named(actor, Topic, data["topics"])
    touched = 0
    for row in data["publications"]:
        published_on = datetime.date.fromisoformat(row["published_on"])
        existing = Publication.objects.filter(slug=row["slug"]).first()
        if existing is None:
            publication_create(
                actor=actor,
                slug=row["slug"],
                type=row["type"],
                title=row["title"],
                published_on=published_on,
                summary=row["summary"],
                body=row.get("body", ""),
                ministries=row["ministries"],
                topics=row.get("topics", []),
                language=row.get("language", ContentLanguage.NORWEGIAN),
            )
            touched += 1
            continue
        changes = {
            "type": _clean_type(row["type"]),
            "title": row["title"].strip(),
            "published_on": published_on,
            "summary": row["summary"].strip(),
            "body": row.get("body", "").strip(),
            "language": _clean_language(row.get("language", ContentLanguage.NORWEGIAN)),
        }
        if _apply(actor, existing, changes, row["ministries"], row.get("topics", [])):
            touched += 1
    return touched
