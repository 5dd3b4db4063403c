import uuid

from django.db import models


class Letter(models.Model):
    """A letter to a person: a decision or a notice, as sent, with its readability."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    body = models.TextField()
    lix = models.FloatField()
    sent_at = models.DateTimeField()
    sent_by_label = models.CharField(max_length=300)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.title
