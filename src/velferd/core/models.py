"""Base models every domain builds on."""

import uuid

from django.db import models
from django.utils import translation

from .errors import stale_version


class Bilingual:
    """Models with name_nb/name_en (and other *_nb/*_en pairs) read in the user's language."""

    def localized(self, field: str) -> str:
        language = translation.get_language() or "nb"
        suffix = "en" if language.startswith("en") else "nb"
        return str(getattr(self, f"{field}_{suffix}"))

    @property
    def name(self) -> str:
        return self.localized("name")


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimestampedModel):
    """An editable aggregate: every change bumps `version`; a stale write is refused."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    def check_version(self, expected: int) -> None:
        if expected != self.version:
            raise stale_version(self.version)

    def bump_version(self) -> None:
        self.version += 1


def new_uuid() -> uuid.UUID:
    return uuid.uuid4()
