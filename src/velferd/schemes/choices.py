"""Codes the catalogue stores that are no model field's choice: the need groups of a sent
§14a decision (the codes follow-up uses; the schemes side stores them as strings and knows
nothing of follow-up)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NeedGroup(models.TextChoices):
    STANDARD = "standard", _("Standard needs")
    SITUATION_SPECIFIC = "situation_specific", _("Situation-specific needs")
    SPECIALLY_ADAPTED = "specially_adapted", _("Specially adapted needs")
    PARTIALLY_PERMANENT = "partially_permanent", _("Partially permanent adaptation")
    PERMANENT = "permanent", _("Permanent adaptation")
