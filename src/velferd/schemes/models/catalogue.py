"""The catalogue: the types of labour market scheme, as the regulation on labour market
schemes (forskrift om arbeidsmarkedstiltak) sets them out."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import Bilingual, VersionedModel


class ArrangedAs(models.TextChoices):
    """How NAV arranges a scheme: bought from a supplier, bought per place, agreed with an
    employer, run by NAV itself, or a municipal programme listed for completeness."""

    PROCURED_FIXED_RATE = "procured_fixed_rate", _("Procured, nationally fixed rate")
    PROCURED = "procured", _("Procured")
    BOUGHT_PER_PLACE = "bought_per_place", _("Bought per place")
    EMPLOYER_AGREEMENT = "employer_agreement", _("Agreement with an employer")
    RUN_BY_NAV = "run_by_nav", _("Run by NAV")
    MUNICIPAL = "municipal", _("Municipal programme")


class SchemeType(Bilingual, VersionedModel):
    """A type of scheme, known by a stable code (the code NAV's systems use) and its older
    Arena code. Who may be enrolled is said by the need groups of a sent §14a decision, the
    age limits and the rules in words; the scheme manager edits the catalogue."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    arena_code = models.CharField(_("Arena code"), max_length=20, blank=True, default="")
    name_nb = models.CharField(_("name (bokmål)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    legal_basis_nb = models.CharField(_("legal basis (bokmål)"), max_length=300)
    legal_basis_en = models.CharField(_("legal basis (English)"), max_length=300)
    target_group_nb = models.TextField(_("target group (bokmål)"))
    target_group_en = models.TextField(_("target group (English)"))
    arranged_as = models.CharField(_("arranged as"), max_length=30, choices=ArrangedAs.choices)
    # Need groups (followup's NeedGroup codes) of a sent §14a decision that open the scheme;
    # empty: any person in follow-up.
    need_groups = models.JSONField(_("need groups"), default=list, blank=True)
    requires_sent_decision = models.BooleanField(_("needs a sent §14a decision"), default=False)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    other_rules_nb = models.TextField(_("other rules (bokmål)"), blank=True, default="")
    other_rules_en = models.TextField(_("other rules (English)"), blank=True, default="")
    max_duration_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), null=True, blank=True
    )
    extension_nb = models.TextField(_("extension rules (bokmål)"), blank=True, default="")
    extension_en = models.TextField(_("extension rules (English)"), blank=True, default="")
    # PriceModel codes (agreements.PriceModel) an agreement for this type may use.
    price_models = models.JSONField(_("price models"), default=list, blank=True)
    for_caseworkers_nb = models.TextField(_("description for caseworkers (bokmål)"))
    for_caseworkers_en = models.TextField(_("description for caseworkers (English)"))
    for_citizens_nb = models.TextField(_("description for citizens (bokmål)"))
    for_citizens_en = models.TextField(_("description for citizens (English)"))
    citizens_lix = models.FloatField(_("LIX of the citizens' description"), default=0.0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name_nb"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_procured(self) -> bool:
        return self.arranged_as in (ArrangedAs.PROCURED_FIXED_RATE, ArrangedAs.PROCURED)
