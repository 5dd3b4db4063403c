"""Financial assistance under the Social Services Act (§ 18): the citizen's application, the
municipal caseworker's documentation requests and decision with its conditions (§ 20, § 20 a),
the payments it gives and the appeals against it. Everything here is the municipality's."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel, VersionedModel


class RateKind(models.TextChoices):
    """The state's guideline rates per month (statlige veiledende retningslinjer)."""

    SINGLE_ADULT = "single_adult", _("Single adult")
    COUPLE = "couple", _("Couple (spouses or cohabitants)")
    SHARED_HOUSING = "shared_housing", _("Adult sharing a household")
    CHILD_0_5 = "child_0_5", _("Child aged 0–5")
    CHILD_6_10 = "child_6_10", _("Child aged 6–10")
    CHILD_11_17 = "child_11_17", _("Child aged 11–17")


class GuidelineRate(VersionedModel):
    """One guideline rate for one year, in kroner a month; administrators keep them."""

    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=RateKind.choices)
    amount = models.DecimalField(max_digits=9, decimal_places=2)

    class Meta:
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="guideline_rate_once"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="guideline_rate_0"),
        ]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("New")
    AWAITING_DOCUMENTATION = "awaiting_documentation", _("Waiting for documentation")
    READY_FOR_DECISION = "ready_for_decision", _("Ready for decision")
    DECIDED = "decided", _("Decided")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Purpose(models.TextChoices):
    LIVING_COSTS = "living_costs", _("Living costs (food, clothes, transport)")
    HOUSING = "housing", _("Rent or housing costs")
    ELECTRICITY = "electricity", _("Electricity")
    DEPOSIT = "deposit", _("Deposit for a home")
    MEDICAL = "medical", _("Medicine or dental care")
    EMERGENCY = "emergency", _("Emergency help (food today)")
    OTHER = "other", _("Other")


class HousingKind(models.TextChoices):
    RENTED = "rented", _("Rented")
    OWNED = "owned", _("Owned")
    MUNICIPAL = "municipal", _("Municipal housing")
    WITH_OTHERS = "with_others", _("Living with family or friends")
    TEMPORARY = "temporary", _("Temporary housing")
    NONE = "none", _("No home")


class Application(VersionedModel):
    """One application for financial assistance, from draft to decision."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Given on submission: "SOS-2026-000123", unique in the country.
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="assistance_applications"
    )
    # The municipality the person lives in and its NAV office, fixed on submission.
    municipality = models.ForeignKey(
        "organisation.Municipality", null=True, on_delete=models.PROTECT, related_name="+"
    )
    office = models.ForeignKey(
        "organisation.Office",
        null=True,
        on_delete=models.PROTECT,
        related_name="assistance_applications",
    )
    status = models.CharField(
        max_length=24, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    emergency = models.BooleanField(default=False)
    purposes = models.JSONField(default=list)  # values of Purpose
    amount_applied = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    explanation = models.TextField(blank=True, default="")
    housing_kind = models.CharField(max_length=16, choices=HousingKind.choices, blank=True)
    housing_cost = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    electricity_cost = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    bank_account = models.CharField(max_length=11, blank=True, default="")
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            # The office's queue: its open applications, emergencies first, oldest first.
            models.Index(
                fields=["office", "status", "-emergency", "submitted_at"],
                name="assistance_queue",
            ),
            models.Index(fields=["person", "status"], name="assistance_by_person"),
        ]


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("Spouse or cohabitant")
    CHILD = "child", _("Child")
    OTHER_ADULT = "other_adult", _("Other adult in the household")


class HouseholdMember(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="household")
    relation = models.CharField(max_length=16, choices=Relation.choices)
    name = models.CharField(max_length=200)
    birth_date = models.DateField()
    # Part of the household's economy (a child living here at least half the time).
    lives_with_applicant = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.name}"


class MoneyKind(models.TextChoices):
    SALARY = "salary", _("Salary")
    STATE_BENEFIT = "state_benefit", _("Benefit from NAV")
    CHILD_BENEFIT = "child_benefit", _("Child benefit")
    HOUSING_ALLOWANCE = "housing_allowance", _("Housing allowance (bostøtte)")
    MAINTENANCE = "maintenance", _("Child maintenance received")
    OTHER_INCOME = "other_income", _("Other income")
    BANK_DEPOSITS = "bank_deposits", _("Money in the bank")
    VEHICLE = "vehicle", _("Vehicle")
    PROPERTY = "property", _("Property")
    OTHER_ASSET = "other_asset", _("Other assets")


ASSET_KINDS = frozenset(
    {MoneyKind.BANK_DEPOSITS, MoneyKind.VEHICLE, MoneyKind.PROPERTY, MoneyKind.OTHER_ASSET}
)


class MoneyItem(models.Model):
    """An income a month, or an asset's value, as the applicant states it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="money")
    kind = models.CharField(max_length=20, choices=MoneyKind.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    description = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="money_item_0")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount}"


class DocumentationRequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the applicant")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DocumentationRequest(VersionedModel):
    """The office asks the applicant for documentation by a deadline."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="documentation_requests"
    )
    what = models.TextField()
    deadline = models.DateField()
    status = models.CharField(
        max_length=16,
        choices=DocumentationRequestStatus.choices,
        default=DocumentationRequestStatus.OPEN,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_comment = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["deadline", "created_at"]


class Attachment(TimestampedModel):
    """A file the applicant sent, kept outside the web root (under VELFERD_VAR_DIR) and served
    only through an access-checked, access-logged view."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="attachments"
    )
    documentation_request = models.ForeignKey(
        DocumentationRequest,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)  # read from the content, not the name
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=100, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REFUSED = "refused", _("Refused")


class Frequency(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    MONTHLY = "monthly", _("Monthly")


class DecisionReason(models.TextChoices):
    APPLICATION = "application", _("Decision on an application")
    BREACH_OF_CONDITION = "breach_of_condition", _("Reduced after breach of a condition")
    APPEAL_REASSESSED = "appeal_reassessed", _("Changed after an appeal")


class ActivityCondition(models.TextChoices):
    """§ 20 a for those under 30: the condition of activity set, or weighty reasons against."""

    NOT_APPLICABLE = "not_applicable", _("Not under 30")
    SET = "set", _("Condition of activity set (§ 20 a)")
    EXEMPT = "exempt", _("Exempt for weighty reasons")


class Decision(TimestampedModel):
    """The municipality's decision on an application; a later decision may replace it (a
    reduction after a breach of a condition, or a change after an appeal), never silently."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    reason = models.CharField(
        max_length=24, choices=DecisionReason.choices, default=DecisionReason.APPLICATION
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    frequency = models.CharField(max_length=8, choices=Frequency.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    reasoning = models.TextField()
    # The calculation aid's figures as the caseworker used them (rates, year, income).
    calculation = models.JSONField(default=dict, blank=True)
    activity_condition = models.CharField(
        max_length=16, choices=ActivityCondition.choices, default=ActivityCondition.NOT_APPLICABLE
    )
    activity = models.CharField(max_length=500, blank=True, default="")
    exemption_reason = models.CharField(max_length=32, blank=True, default="")
    exemption_explanation = models.CharField(max_length=500, blank=True, default="")
    letter = models.TextField(blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField()
    # The benefit period on record in follow-up that stands for what this decision and those
    # it replaced give (services/decision_benefits.py); none when they give nothing.
    benefit = models.ForeignKey(
        "followup.Benefit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="decision_amount_0"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="decision_period_order",
            ),
        ]


class Condition(models.Model):
    """A condition of the decision (§ 20; § 20 a's activity is on the decision itself)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="conditions")
    text = models.CharField(max_length=500)
    # Set when the office records that the condition was not met (then a new decision may
    # reduce the amount).
    breached_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.text


class PaymentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    EXPORTED = "exported", _("Sent to accounting")
    CANCELLED = "cancelled", _("Cancelled")


class PaymentExport(TimestampedModel):
    """One file of approved payments for a municipality's accounting system. Run numbers count
    up per municipality; a payment is in at most one run."""

    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    run_number = models.PositiveIntegerField()
    payments = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=14, decimal_places=2)
    sha256 = models.CharField(max_length=64)
    content = models.TextField()
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "run_number"], name="payment_export_run_once"
            )
        ]


class Payment(VersionedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="payments")
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    bank_account = models.CharField(max_length=11)
    status = models.CharField(
        max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.PLANNED
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    export = models.ForeignKey(
        PaymentExport, null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )

    class Meta:
        ordering = ["due_on"]
        indexes = [
            models.Index(fields=["municipality", "status", "due_on"], name="assistance_payments")
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_amount_0"),
            models.UniqueConstraint(fields=["decision", "due_on"], name="payment_once_a_day"),
        ]


class AppealStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CHANGED = "changed", _("Decision changed by the office")
    SENT_TO_COUNTY_GOVERNOR = "sent_to_county_governor", _("Sent to the County Governor")
    UPHELD_BY_COUNTY_GOVERNOR = (
        "upheld_by_county_governor",
        _("County Governor upheld the decision"),
    )
    REVERSED_BY_COUNTY_GOVERNOR = (
        "reversed_by_county_governor",
        _("County Governor changed or set aside the decision"),
    )
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Appeal(VersionedModel):
    """An appeal against a decision to the County Governor (Social Services Act § 48), which the
    office re-assesses first."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="appeals")
    received_on = models.DateField()
    grounds = models.TextField()
    # Past the three weeks: accepted, marked; the County Governor decides whether to hear it.
    late = models.BooleanField(default=False)
    status = models.CharField(
        max_length=32, choices=AppealStatus.choices, default=AppealStatus.RECEIVED
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    office_assessment = models.TextField(blank=True, default="")
    new_decision = models.OneToOneField(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="from_appeal"
    )
    sent_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_on"]
