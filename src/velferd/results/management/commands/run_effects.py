"""velferd run-effects: execute the queued effect runs, oldest first (what a scheduler calls
in production, where runs are not executed inline); or, given a question, queue it and run
it at once:

    velferd run-effects
    velferd run-effects --outcome in_work --horizon 12 --control none --by age_band,gender

Run by the system (audited as `system: effects`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from velferd.access.actor import system_actor
from velferd.core.forms import FormErrors
from velferd.results.models import EffectRun, EffectRunStatus
from velferd.results.services import runs


class Command(BaseCommand):
    help = "Execute the queued effect runs, or queue and run the question given."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--outcome", help="in_work, in_education, on_benefit or none")
        parser.add_argument("--horizon", help="3, 6, 12 or 24 months after the end")
        parser.add_argument("--control", default="none", help="none, or a scheme type's code")
        parser.add_argument("--by", default="", help="subgroup columns, comma-separated")
        parser.add_argument("--seed", default="0")
        parser.add_argument("--folds", default="2")

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        if options["outcome"] or options["horizon"]:
            ids = [self._queue(options)]
        else:
            ids = runs.queued_runs()
        if not ids:
            self.stdout.write("No runs are queued.")
        failed = 0
        for run_id in ids:
            run = runs.effect_run_execute(run_id)
            failed += run.status == EffectRunStatus.FAILED
            self.stdout.write(self._line(run))
        if failed:
            raise CommandError(f"{failed} of {len(ids)} runs failed.")

    def _queue(self, options: dict[str, Any]) -> int:
        errors = FormErrors()
        question = runs.read_question(
            errors,
            {
                "outcome": options["outcome"] or "in_work",
                "horizon_months": options["horizon"] or "12",
                "control": options["control"],
                "by": [b for b in options["by"].split(",") if b.strip()],
                "seed": options["seed"],
                "folds": options["folds"],
            },
        )
        if errors or question is None:
            raise CommandError(" ".join(error.message_en for error in errors))
        return runs.effect_run_request(actor=system_actor("effects"), question=question).pk

    def _line(self, run: EffectRun) -> str:
        if run.status == EffectRunStatus.DONE:
            return (
                f"Run {run.pk}: done, {run.rows} rows in {run.seconds:.1f} s, "
                f"{run.estimates.count()} estimates ({run.estimates.filter(masked=True).count()} "
                "masked)."
            )
        error = run.error.partition("\n")[2] or run.error
        return f"Run {run.pk}: {run.status}. {error}".strip()
