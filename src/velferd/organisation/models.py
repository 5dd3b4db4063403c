"""The registry: the Ministry and its units, agencies, counties, municipalities, NAV offices
with the areas they serve and their partnership agreements, and the IW centres."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import Bilingual, TimestampedModel, VersionedModel
from velferd.core.search import search_key


class Ministry(Bilingual, TimestampedModel):
    slug = models.SlugField(unique=True)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "ministries"

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    DIVISION = "division", _("Division")


class Department(Bilingual, TimestampedModel):
    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="departments")
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=20, choices=UnitKind.choices)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    responsibilities_nb = models.TextField()
    responsibilities_en = models.TextField()
    part_of_secretary_general_staff = models.BooleanField(default=False)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def responsibilities(self) -> str:
        return self.localized("responsibilities")


class Agency(Bilingual, TimestampedModel):
    slug = models.SlugField(unique=True)
    abbreviation = models.CharField(max_length=20, blank=True)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    role_nb = models.TextField()
    role_en = models.TextField()
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    @property
    def role(self) -> str:
        return self.localized("role")


class County(models.Model):
    number = models.CharField(max_length=2, primary_key=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "counties"

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    number = models.CharField(max_length=4, primary_key=True)
    name = models.CharField(max_length=100)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="municipalities")
    # Lower-cased in Python: SQLite's LIKE folds ASCII only, and names have æ, ø, å and á.
    search_name = models.CharField(max_length=100, db_index=True)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "municipalities"

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class ServiceType(Bilingual, models.Model):
    """A service a local NAV office can offer. The minimum ones every office must offer,
    each with the provision that requires it (`legal_basis`)."""

    code = models.SlugField(primary_key=True, max_length=40)
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    is_minimum = models.BooleanField(default=False)
    provided_by_state = models.BooleanField(default=False)
    legal_basis_nb = models.CharField(max_length=100, blank=True, default="")
    legal_basis_en = models.CharField(max_length=100, blank=True, default="")
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def legal_basis(self) -> str:
        return self.localized("legal_basis")


class Office(Bilingual, VersionedModel):
    """A local NAV office, run jointly by the state agency and its municipalities."""

    unit_number = models.CharField(max_length=4, unique=True)
    name_nb = models.CharField(max_length=200)
    # The name folded for searching (velferd.core.search), kept by save().
    search_name = models.CharField(max_length=200, default="", editable=False)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="offices")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="offices")
    is_active = models.BooleanField(default=True)
    # Where and when to visit (services/visiting.py): the visiting address, the phone and,
    # beside the opening hours (OpeningHours), a note such as "Timeavtale utenom åpningstid".
    street = models.CharField(max_length=200, blank=True, default="")
    postcode = models.CharField(max_length=4, blank=True, default="")
    place = models.CharField(max_length=100, blank=True, default="")
    phone = models.CharField(max_length=20, blank=True, default="")
    opening_note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ["name_nb"]

    def __str__(self) -> str:
        return self.name_nb

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_key(self.name_nb)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    @property
    def name_en(self) -> str:
        return self.name_nb


class OfficeArea(models.Model):
    """An office serves a whole municipality (district empty) or one district of it."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="areas")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="office_areas"
    )
    district = models.CharField(max_length=100, blank=True, default="")

    class Meta:
        ordering = ["municipality_id", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "district"], name="one_office_per_municipality_district"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality.name} {self.district}".strip()


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


class OpeningHours(models.Model):
    """When an office is open on one day of the week; a day without a row is closed."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(fields=["office", "weekday"], name="one_opening_per_weekday"),
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="opening_closes_after_opens"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class PartnershipAgreement(VersionedModel):
    """The local cooperation agreement between the state and the municipalities of an
    office: which services it offers beyond the minimum. One saved before a service became
    part of the minimum stays on record as it was signed; it does not meet the minimum
    until it is saved again with every minimum service (selectors.missing_minimum)."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="agreement")
    signed_on = models.DateField()
    services = models.ManyToManyField(ServiceType, related_name="agreements")
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Agreement for {self.office}"


class IWCentre(Bilingual, TimestampedModel):
    """The county's Inclusive Workplace support centre (NAV Arbeidslivssenter)."""

    county = models.OneToOneField(County, on_delete=models.PROTECT, related_name="iw_centre")
    name_nb = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)

    class Meta:
        ordering = ["county_id"]
        verbose_name = "IW centre"

    def __str__(self) -> str:
        return self.name_nb
