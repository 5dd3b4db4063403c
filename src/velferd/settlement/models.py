"""The yearly settlement round of refugees: IMDi's estimated need, its requests to the
municipalities and their decisions, the cases waiting in reception with their persons, the
matching's proposals and the settling of each case in a municipality."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class SettlementYear(VersionedModel):
    """A settlement round: the year and IMDi's estimate of how many will need a municipality."""

    year = models.PositiveSmallIntegerField(unique=True)
    estimated_persons = models.PositiveIntegerField()
    estimated_unaccompanied_minors = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-year"]


class MunicipalityRequest(VersionedModel):
    """IMDi asks a municipality to settle a number of persons, of which unaccompanied minors."""

    year = models.ForeignKey(SettlementYear, on_delete=models.PROTECT, related_name="requests")
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    persons = models.PositiveIntegerField()
    unaccompanied_minors = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["municipality__number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "municipality"], name="settlement_request_once")
        ]


class MunicipalityDecision(TimestampedModel):
    """What the municipality decided to take. Every decision is kept; the newest holds."""

    request = models.ForeignKey(
        MunicipalityRequest, on_delete=models.PROTECT, related_name="decisions"
    )
    persons = models.PositiveIntegerField()
    unaccompanied_minors = models.PositiveIntegerField(default=0)
    health_competence = models.BooleanField(default=False)
    decided_on = models.DateField()
    comment = models.TextField(blank=True, default="")
    # Entered by the municipality's own coordinator, or by IMDi on its behalf.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    entered_by_imdi = models.BooleanField(default=False)

    class Meta:
        ordering = ["-decided_on", "-created_at"]


class CaseStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a municipality")
    PROPOSED = "proposed", _("Proposed to a municipality")
    ACCEPTED = "accepted", _("Accepted by the municipality")
    SETTLED = "settled", _("Settled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SettlementCase(VersionedModel):
    """A single person or a family from reception, settled together in one municipality."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.ForeignKey(SettlementYear, on_delete=models.PROTECT, related_name="cases")
    udi_reference = models.CharField(max_length=20, unique=True)
    reception_centre = models.CharField(max_length=200, blank=True, default="")
    residence_permit_on = models.DateField()
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.WAITING)
    wishes = models.TextField(blank=True, default="")
    # Relatives or other ties to a municipality.
    tie_municipality = models.ForeignKey(
        "organisation.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The officer's lock: the matching keeps the case here and re-optimises the rest.
    locked_municipality = models.ForeignKey(
        "organisation.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lock_reason = models.CharField(max_length=500, blank=True, default="")
    settled_municipality = models.ForeignKey(
        "organisation.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    settled_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["residence_permit_on", "udi_reference"]
        indexes = [models.Index(fields=["year", "status"], name="settlement_case_status")]


class CaseExclusion(TimestampedModel):
    """The officer rules a municipality out for a case, with the reason."""

    case = models.ForeignKey(SettlementCase, on_delete=models.CASCADE, related_name="exclusions")
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=500)
    excluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "municipality"], name="case_exclusion_once")
        ]


class FamilyRole(models.TextChoices):
    PRINCIPAL = "principal", _("Principal applicant")
    SPOUSE = "spouse", _("Spouse or partner")
    CHILD = "child", _("Child")
    OTHER = "other", _("Other family member")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class CasePerson(TimestampedModel):
    """A person of a case, as UDI and the reception centre know them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(SettlementCase, on_delete=models.CASCADE, related_name="persons")
    # National identity number or D-number (most have a D-number in reception).
    identity_number = models.CharField(max_length=11, unique=True)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    birth_date = models.DateField()
    gender = models.CharField(max_length=8, choices=Gender.choices)
    family_role = models.CharField(max_length=12, choices=FamilyRole.choices)
    education_years = models.PositiveSmallIntegerField(default=0)
    languages = models.CharField(max_length=200, blank=True, default="")
    speaks_english = models.BooleanField(default=False)
    origin_group = models.CharField(max_length=40, blank=True, default="")
    # A serious health need: only a municipality with that competence can take the case.
    health_need = models.BooleanField(default=False)
    unaccompanied_minor = models.BooleanField(default=False)
    # The person in the people registry once settled.
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["birth_date"]


class MatchingRun(TimestampedModel):
    """One run of the matching over the waiting cases and the remaining capacities."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.ForeignKey(SettlementYear, on_delete=models.PROTECT, related_name="runs")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cases = models.PositiveIntegerField(default=0)
    persons = models.PositiveIntegerField(default=0)
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    # The reasons an infeasible round could not be matched (nb/en pairs), else empty.
    problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Proposed by the matching")
    SENT = "sent", _("Sent to the municipality")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("No answer by the deadline")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Proposal(VersionedModel):
    """A case proposed to a municipality: by a matching run or by the officer's override."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(SettlementCase, on_delete=models.PROTECT, related_name="proposals")
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    run = models.ForeignKey(
        MatchingRun, null=True, blank=True, on_delete=models.PROTECT, related_name="proposals"
    )
    expected_employed = models.FloatField(null=True, blank=True)
    override_reason = models.CharField(max_length=500, blank=True, default="")
    status = models.CharField(
        max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    sent_on = models.DateField(null=True, blank=True)
    answer_by = models.DateField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decline_reason = models.CharField(max_length=500, blank=True, default="")
    settle_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["municipality", "status"], name="settlement_proposal_muni")]
        constraints = [
            # At most one live proposal per case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=["draft", "sent", "accepted"]),
                name="settlement_one_live_proposal",
            )
        ]
