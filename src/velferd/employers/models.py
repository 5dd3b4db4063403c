"""Enterprises and the Inclusive Workplace (IW) support given to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel


class Sector(models.TextChoices):
    STATE = "state", _("State")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Private")


class Enterprise(VersionedModel):
    """An enterprise (virksomhet), identified by its organisation number. The IW centre of
    its county gives it one contact person, an IW advisor."""

    organisation_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="enterprises"
    )
    # Denormalised from the municipality: advisors' lists are per county.
    county = models.ForeignKey(
        "organisation.County", on_delete=models.PROTECT, related_name="enterprises"
    )
    industry_code = models.CharField(_("industry (NACE)"), max_length=6)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    employees = models.PositiveIntegerField(_("number of employees"))
    has_iw_agreement = models.BooleanField(_("IW cooperation agreement"), default=False)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises_in_contact",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["county", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_number})"
