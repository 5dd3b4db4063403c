from django.db import models


class JobRun(models.Model):
    """One run of a scheduled job for one period (a night, a month, a five-minute slot).

    The job's effect and this row commit in one transaction, so a retried or twice-enqueued
    task finds the row and does nothing: each period's effect happens once."""

    job = models.CharField(max_length=64)
    period = models.CharField(max_length=32)
    finished_at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="project_jobrun_once"),
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"
