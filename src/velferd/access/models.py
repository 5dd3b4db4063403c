from __future__ import annotations

import datetime
import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel

from .roles import PartnerService, Role


class User(AbstractUser):
    """Someone who logs in: an employee, a partner, employer or supplier staff, a citizen."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    # Special clearances: to see people with a strictly confidential address at all, and
    # people who are employees of NAV ("skjermet").
    cleared_strictly_confidential = models.BooleanField(default=False)
    cleared_office_employees = models.BooleanField(default=False)
    # The employee's immutable object id at the employer's identity provider (Entra's
    # `oid`), set by an administrator: OpenID Connect finds employees by it alone.
    employee_object_id = models.CharField(
        _("object id at the identity provider"), max_length=64, null=True, blank=True, unique=True
    )

    def __str__(self) -> str:
        return self.full_name or self.username


class RoleAssignment(TimestampedModel):
    """A user holds a role, bound to the organisation unit that role works for."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    office = models.ForeignKey(
        "organisation.Office", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    iw_centre = models.ForeignKey(
        "organisation.IWCentre",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )
    department = models.ForeignKey(
        "organisation.Department",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "organisation.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    county = models.ForeignKey(
        "organisation.County",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    partner_service = models.CharField(
        max_length=32, choices=PartnerService.choices, blank=True, default=""
    )
    organisation_number = models.CharField(max_length=9, blank=True, default="")
    is_active = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["role", "office"])]

    def __str__(self) -> str:
        unit = self.unit_label()
        return f"{self.get_role_display()} – {unit}" if unit else str(self.get_role_display())

    def unit_label(self) -> str:
        for unit in (self.office, self.iw_centre, self.department, self.municipality, self.county):
            if unit is not None:
                label = str(unit)
                if self.partner_service:
                    label = f"{self.get_partner_service_display()}, {label}"
                return label
        return self.organisation_number


# No token lives longer than this; one stored without an expiry ends this long after it
# was created.
TOKEN_MAX_LIFETIME = datetime.timedelta(days=365)


class ApiToken(TimestampedModel):
    """A personal access token for a machine client, scoped to one of its owner's roles.

    Only a SHA-256 digest of the secret is stored; the secret is shown once, at creation.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    role_assignment = models.ForeignKey(RoleAssignment, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def ends_at(self) -> datetime.datetime:
        """When the token stops working: its expiry, and never later than the maximum."""
        latest = self.created_at + TOKEN_MAX_LIFETIME
        return min(self.expires_at, latest) if self.expires_at is not None else latest

    @property
    def status(self) -> str:
        """revoked, expired, inactive (its role or user was deactivated) or active."""
        if self.revoked_at is not None:
            return "revoked"
        if self.ends_at <= timezone.now():
            return "expired"
        if not (self.role_assignment.is_active and self.user.is_active):
            return "inactive"
        return "active"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return (
            self.revoked_at is None
            and self.ends_at > now
            and self.role_assignment.is_active
            and self.user.is_active
        )


class ProviderSession(models.Model):
    """A session started by an OpenID Connect login, kept so that the provider's back-channel
    logout (by its session id `sid` or the user's `sub`) can end it."""

    provider = models.CharField(max_length=32)
    sid = models.CharField(max_length=255, blank=True, default="")
    sub = models.CharField(max_length=255)
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["provider", "sid"]),
            models.Index(fields=["provider", "sub"]),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.sid or self.sub}"
