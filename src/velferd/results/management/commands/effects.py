"""`velferd effects estimate`: effect estimates from a CSV with one row per person.

Writes one JSON line per (scheme, group) to stdout; warnings, the policy tree and its gain to
stderr, and everything (diagnostics included) to `--diagnostics FILE.json` if asked. Bad input
is refused with a message in bokmål and English and exit status 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from velferd.results.estimation import (
    EstimationError,
    PolicyNode,
    Question,
    effect_line,
    estimate,
    estimates_to_dict,
)
from velferd.results.estimation.csv_input import read_columns

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Effect estimates. `velferd effects estimate --input FILE.csv --treatment COLUMN "
        "--control VALUE --outcome COLUMN --covariates a,b,c --by x,y [--seed N] [--folds K]`"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        run = actions.add_parser("estimate", help="Doubly robust effects per scheme and group.")
        run.add_argument("--input", required=True, help="CSV file, one row per person.")
        run.add_argument("--treatment", required=True, help="Column naming each scheme.")
        run.add_argument("--control", required=True, help="The treatment value compared with.")
        run.add_argument("--outcome", required=True, help="Numeric outcome column (0/1 or any).")
        run.add_argument("--covariates", required=True, help="Comma-separated columns.")
        run.add_argument("--by", default="", help="Comma-separated group columns.")
        run.add_argument("--seed", type=int, default=0)
        run.add_argument("--folds", type=int, default=2)
        run.add_argument("--diagnostics", default=None, help="Write everything to this JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        question = Question(
            treatment=options["treatment"],
            control=options["control"],
            outcome=options["outcome"],
            covariates=_names(options["covariates"]),
            by=_names(options["by"]),
            seed=options["seed"],
            folds=options["folds"],
        )
        try:
            columns = read_columns(
                options["input"],
                numeric=[question.outcome, *question.covariates],
                text=[question.treatment, *question.by],
            )
            estimates = estimate(columns, question)
        except EstimationError as error:
            message = f"{error.message_nb}\n{error.message_en}"
            raise CommandError(message, returncode=BAD_INPUT) from None
        for effect in estimates.effects:
            self.stdout.write(json.dumps(effect_line(effect)))
        self._report(estimates, options["diagnostics"])

    def _report(self, estimates: Any, diagnostics: str | None) -> None:
        for warning in estimates.warnings:
            self.stderr.write(f"warning: {warning}")
        if estimates.policy_tree is not None and estimates.policy_gain is not None:
            gain = estimates.policy_gain
            self.stderr.write(
                f"policy tree (gain {gain.gain:+.4f}, 95 % CI {gain.ci_low:+.4f} to "
                f"{gain.ci_high:+.4f}):\n{_describe(estimates.policy_tree)}"
            )
        if diagnostics:
            Path(diagnostics).write_text(json.dumps(estimates_to_dict(estimates), indent=1))
        self.stderr.write(f"{estimates.rows} rows in {estimates.seconds:.1f} s")


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _describe(node: PolicyNode, depth: int = 0) -> str:
    indent = "  " * depth
    if node.treatment is not None:
        return f"{indent}-> {node.treatment} (n={node.n})"
    return "\n".join(
        [
            f"{indent}{node.feature} <= {node.threshold:g}:",
            _describe(node.left, depth + 1) if node.left else "",
            f"{indent}{node.feature} > {node.threshold:g}:",
            _describe(node.right, depth + 1) if node.right else "",
        ]
    )
