"""The Ministry's publications: articles, press releases, reports and plans/strategies, each
from one or more ministries and about one or more topics."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import Bilingual, TimestampedModel, VersionedModel, new_uuid


class PublicationType(models.TextChoices):
    ARTICLE = "article", _("Article")
    PRESS_RELEASE = "press_release", _("Press release")
    REPORT = "report", _("Report")
    PLAN_STRATEGY = "plan_strategy", _("Plan/strategy")


class ContentLanguage(models.TextChoices):
    NORWEGIAN = "nb", _("Norwegian bokmål")
    ENGLISH = "en", _("English")


class Ministry(Bilingual, TimestampedModel):
    """A ministry responsible for publications (any ministry of the Government, not only
    the one in the registry: reports and plans are often published by several)."""

    slug = models.SlugField(unique=True, max_length=100)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name_plural = "ministries"

    def __str__(self) -> str:
        return self.name_en


class Topic(Bilingual, TimestampedModel):
    slug = models.SlugField(unique=True, max_length=100)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name_en


class Publication(VersionedModel):
    id = models.UUIDField(primary_key=True, default=new_uuid, editable=False)
    slug = models.SlugField(unique=True, max_length=200)
    type = models.CharField(max_length=20, choices=PublicationType.choices)
    title = models.CharField(max_length=300)
    published_on = models.DateField(db_index=True)
    summary = models.TextField()
    body = models.TextField(blank=True)
    # The language the text is written in (pages mark it, so screen readers read it right).
    language = models.CharField(
        max_length=2, choices=ContentLanguage.choices, default=ContentLanguage.NORWEGIAN
    )
    ministries = models.ManyToManyField(Ministry, related_name="publications")
    topics = models.ManyToManyField(Topic, related_name="publications", blank=True)
    # Title, summary and body lower-cased in Python: SQLite's LIKE folds ASCII only. On
    # PostgreSQL the selectors search it as a full-text vector instead.
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-published_on", "title"]
        indexes = [models.Index(fields=["type", "-published_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def uuid(self) -> uuid.UUID:
        return self.id

    @property
    def body_repeats_summary(self) -> bool:
        """Whether the body already opens with or holds the summary (so a page shows it once)."""
        return bool(self.body) and self.summary in self.body

    def refresh_search_text(self) -> None:
        self.search_text = "\n".join((self.title, self.summary, self.body)).casefold()
