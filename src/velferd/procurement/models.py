"""Competitions for labour market schemes: the published criteria, the suppliers' sealed
bids, the evaluators and their scores, the award and its standstill.

A bid is sealed until the competition's deadline: who may see one, and when, is
`access/policies/procurement.py` (`can_view_bid` beside `bids_visible`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class Procedure(models.TextChoices):
    OPEN_TENDER = "open_tender", _("Open tender")
    INNOVATION_PARTNERSHIP = (
        "innovation_partnership",
        _("Innovation partnership (development contract)"),
    )
    FRAMEWORK = "framework", _("Framework agreement with call-offs")
    SMALL_TENDER = "small_tender", _("Small tender below the threshold")
    RESERVED = "reserved", _("Reserved for sheltered enterprises")


class CompetitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Open for bids")
    EVALUATION = "evaluation", _("Evaluation")
    AWAITING_APPROVAL = "awaiting_approval", _("Award awaiting approval")
    AWARDED = "awarded", _("Awarded (standstill)")
    CONCLUDED = "concluded", _("Concluded")
    CANCELLED = "cancelled", _("Cancelled")


class BidStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Competition(VersionedModel):
    """A competition (konkurranse) for one scheme type in a county, or, for an office's
    small tender, the office's area. `standstill_ends_on` is the last day of the standstill
    (karenstid), set when the award is made (for an office's tender: approved)."""

    number = models.CharField(_("competition number"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="competitions"
    )
    procedure = models.CharField(_("procedure"), max_length=30, choices=Procedure.choices)
    county = models.ForeignKey("organisation.County", on_delete=models.PROTECT, related_name="+")
    office = models.ForeignKey(
        "organisation.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    price_model = models.CharField(_("price model"), max_length=30)
    places = models.PositiveIntegerField(_("places sought"))
    bid_deadline = models.DateTimeField(_("bid deadline"))
    agreement_starts_on = models.DateField(_("agreement starts on"))
    agreement_ends_on = models.DateField(_("agreement ends on"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CompetitionStatus.choices,
        default=CompetitionStatus.DRAFT,
    )
    status_reason = models.TextField(_("reason"), blank=True, default="")
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    standstill_ends_on = models.DateField(_("standstill ends on"), null=True, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-bid_deadline", "number"]
        indexes = [
            models.Index(fields=["county", "status"]),
            models.Index(fields=["status", "bid_deadline"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_local(self) -> bool:
        """An office's own small tender: its award is approved by the county."""
        return self.office_id is not None


class Criterion(TimestampedModel):
    """A published award criterion with its weight in whole percent; the weights of a
    competition sum to 100. The price criterion is scored from the prices, not by the
    evaluators."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what is asked"), blank=True, default="")
    weight = models.PositiveSmallIntegerField(_("weight (%)"))
    is_price = models.BooleanField(_("price criterion"), default=False)

    class Meta:
        ordering = ["competition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "position"], name="one_criterion_place"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=100), name="criterion_weight_1_100"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Evaluator(TimestampedModel):
    """A member of NAV's staff named to evaluate the competition. Before scoring they
    declare whether they have a conflict of interest; one who does cannot score and is
    replaced (`replaced`: no longer counted among the evaluators)."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="evaluators"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    has_conflict = models.BooleanField(_("conflict of interest"), default=False)
    conflict_note = models.TextField(_("about the conflict"), blank=True, default="")
    replaced = models.BooleanField(_("replaced"), default=False)

    class Meta:
        ordering = ["competition", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "user"], name="one_evaluator_per_user")
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def may_score(self) -> bool:
        return self.declared_at is not None and not self.has_conflict and not self.replaced


class Bid(VersionedModel):
    """A supplier's bid: one per supplier and competition, revised in place until the
    deadline. `submitted_at` is when it was last sent (submitted or revised): the tie-break
    of the ranking. `rank`, `total_score` and `is_winner` are set by the award."""

    competition = models.ForeignKey(Competition, on_delete=models.PROTECT, related_name="bids")
    supplier = models.ForeignKey("schemes.Supplier", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=BidStatus.choices, default=BidStatus.SUBMITTED
    )
    price = models.DecimalField(_("price"), max_digits=12, decimal_places=2)
    places = models.PositiveIntegerField(_("places offered"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    total_score = models.DecimalField(
        _("total score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    is_winner = models.BooleanField(_("awarded"), default=False)

    class Meta:
        ordering = ["competition", "submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["competition", "supplier"], name="one_bid_per_supplier")
        ]

    def __str__(self) -> str:
        # Names no supplier: the audit trail shows this before the deadline.
        return f"{_('Bid')} {self.pk}"


class Answer(TimestampedModel):
    """The bid's answer to one criterion (not to the price criterion: the price answers it)."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("answer"))

    class Meta:
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["bid", "criterion"], name="one_answer_per_criterion")
        ]


class Score(TimestampedModel):
    """An evaluator's score of a bid on one criterion, 0–10: one per evaluator, bid and
    criterion, changed in place until the award."""

    evaluator = models.ForeignKey(Evaluator, on_delete=models.PROTECT, related_name="scores")
    bid = models.ForeignKey(Bid, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluator", "bid", "criterion"], name="one_score_per_evaluator"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=10), name="score_0_10"
            ),
        ]
