"""People followed up by NAV: identity, residence (which decides the office), language,
children in the household, address protection, and consents to share with partners."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velferd.access.roles import PartnerService
from velferd.core.identifiers import mask_national_id
from velferd.core.models import TimestampedModel, VersionedModel
from velferd.core.search import search_key


class AddressProtection(models.TextChoices):
    NONE = "none", _("None")
    CONFIDENTIAL = "confidential", _("Confidential address (fortrolig)")
    STRICTLY_CONFIDENTIAL = "strictly_confidential", _("Strictly confidential (strengt fortrolig)")
    STRICTLY_CONFIDENTIAL_ABROAD = (
        "strictly_confidential_abroad",
        _("Strictly confidential, abroad (strengt fortrolig utland)"),
    )


STRICTLY_CONFIDENTIAL = frozenset(
    {AddressProtection.STRICTLY_CONFIDENTIAL, AddressProtection.STRICTLY_CONFIDENTIAL_ABROAD}
)


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Person(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    national_id = models.CharField(max_length=11, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    # The name folded for searching (velferd.core.search): "barum" finds Bærum.
    search_name = models.CharField(max_length=201, db_index=True, default="")
    birth_date = models.DateField()
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    district = models.CharField(max_length=100, blank=True, default="")
    office = models.ForeignKey(
        "organisation.Office", on_delete=models.PROTECT, related_name="people"
    )
    address_line = models.CharField(max_length=200, blank=True, default="")
    postal_code = models.CharField(max_length=4, blank=True, default="")
    postal_town = models.CharField(max_length=100, blank=True, default="")
    address_protection = models.CharField(
        max_length=32, choices=AddressProtection.choices, default=AddressProtection.NONE
    )
    is_office_employee = models.BooleanField(default=False)
    language = models.CharField(max_length=8, default="nb")
    needs_interpreter = models.BooleanField(default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [models.Index(fields=["office", "family_name"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_key(f"{self.given_name} {self.family_name}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def masked_national_id(self) -> str:
        return mask_national_id(self.national_id)

    @property
    def age(self) -> int:
        return age_on(self.birth_date, timezone.localdate())

    @property
    def is_strictly_confidential(self) -> bool:
        return self.address_protection in STRICTLY_CONFIDENTIAL

    @property
    def has_protected_address(self) -> bool:
        return self.address_protection != AddressProtection.NONE

    def consent_holds(self, partner_service: str, on: datetime.date | None = None) -> bool:
        """Whether the person's consent for a partner service holds (today by default)."""
        day = on or timezone.localdate()
        return any(c.holds_on(day) for c in self.consents.filter(partner_service=partner_service))

    def children_under_18(self, on: datetime.date | None = None) -> list[Child]:
        day = on or timezone.localdate()
        return [c for c in self.children.all() if age_on(c.birth_date, day) < 18]


class Child(models.Model):
    """A child in the person's household, for the child and family perspective."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="children")
    given_name = models.CharField(max_length=100, blank=True)
    birth_date = models.DateField()

    class Meta:
        ordering = ["birth_date"]

    def __str__(self) -> str:
        return self.given_name or str(self.birth_date)


class Consent(TimestampedModel):
    """The person lets a named partner service receive their information, for a purpose and
    a period. A withdrawal takes effect at once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    partner_service = models.CharField(max_length=32, choices=PartnerService.choices)
    purpose = models.CharField(max_length=300)
    starts_on = models.DateField()
    ends_on = models.DateField()
    # What a consent recorded by staff rests on: the signed form or the letter, by reference.
    document = models.CharField(max_length=200, blank=True, default="")
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["person", "partner_service"])]

    def __str__(self) -> str:
        return f"{self.get_partner_service_display()}: {self.purpose}"

    def holds_on(self, day: datetime.date) -> bool:
        return self.withdrawn_at is None and self.starts_on <= day <= self.ends_on

    @property
    def holds(self) -> bool:
        return self.holds_on(timezone.localdate())
