"""The suppliers NAV buys schemes from, their sub-units and contact persons."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class SupplierKind(models.TextChoices):
    COMMERCIAL = "commercial", _("Commercial")
    NON_PROFIT = "non_profit", _("Non-profit organisation")
    SOCIAL_ENTREPRENEUR = "social_entrepreneur", _("Social entrepreneur")
    SHELTERED = "sheltered", _("Work and inclusion enterprise (sheltered)")
    PUBLIC = "public", _("Public")


class Supplier(VersionedModel):
    """A supplier, known by the organisation number of its main entity. Supplier staff are
    bound to it by that number (the supplier role)."""

    organisation_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=SupplierKind.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_number})"


class SupplierUnit(TimestampedModel):
    """A sub-unit (underenhet) where the supplier works, with its own organisation number
    and address."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="units")
    organisation_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=4)
    place = models.CharField(_("place"), max_length=100)
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SupplierContact(TimestampedModel):
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True, default="")
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=20, blank=True, default="")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
