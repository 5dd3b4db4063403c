from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.access.roles import Role

# How a read and its purpose are named to the person whose data was read.
WHAT_LABELS = {
    "person.overview": _("Your follow-up overview"),
    "person.details": _("Your personal details"),
    "person.registered": _("Your personal details"),
    "person.search": _("A search for you by your identity number"),
    "individual_plan": _("Your individual plan"),
    "person.consents": _("Your consents"),
    "period": _("Your follow-up period"),
    "needs_assessment": _("Your needs assessment"),
    "activity": _("An activity in your plan"),
    "activity_plan": _("Your activity plan"),
    "dialogue": _("Your dialogue with NAV"),
}
PURPOSE_LABELS = {
    "follow_up": _("Follow-up towards work"),
    "needs_assessment": _("Assessing your needs"),
    "coordination": _("Coordinating your individual plan"),
}


class AuditEvent(models.Model):
    """One write, as it happened. Events form a hash chain: each names the previous one's
    hash, so that changing, removing or reordering any of them is detected by `verify`."""

    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=300)
    action = models.CharField(max_length=100)
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=100)
    target_label = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.target_type}:{self.target_id}"


class AuditChainHead(models.Model):
    """A single row holding the chain's last link; locking it serialises appends."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit chain at #{self.last_seq}"


class AccessEvent(models.Model):
    """A read of personal data: who looked, in which role and office, at whom, what, why."""

    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=300)
    actor_role = models.CharField(max_length=32, blank=True)
    actor_unit = models.CharField(max_length=300, blank=True)
    subject_type = models.CharField(max_length=100)
    subject_id = models.CharField(max_length=100)
    what = models.CharField(max_length=100)
    purpose = models.CharField(max_length=200)
    request_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.actor_label} read {self.what} of {self.subject_type}:{self.subject_id}"

    @property
    def role_label(self) -> str:
        return str(Role(self.actor_role).label) if self.actor_role in Role.values else ""

    @property
    def what_label(self) -> str:
        return str(WHAT_LABELS.get(self.what, self.what))

    @property
    def purpose_label(self) -> str:
        return str(PURPOSE_LABELS.get(self.purpose, self.purpose))
