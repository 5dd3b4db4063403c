"""`velferd enquiries train` retrains the routing model; `velferd enquiries route` routes
JSON lines from standard input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser

from velferd.enquiries import classifier, selectors as enquiry_selectors

REPORT = Path("docs/enquiry-routing.md")


def routed_lines(lines: TextIO, batch_size: int = 512) -> Any:
    """One JSON result per input line, in order; a bad line gets {"error": …} and the rest
    go on. Lines are routed in batches, for speed."""
    batch: list[tuple[int, str]] = []
    results: dict[int, dict[str, Any]] = {}
    number = 0

    def flush() -> Any:
        if batch:
            for (index, _), routing in zip(
                batch, classifier.route_many([t for _, t in batch]), strict=True
            ):
                results[index] = routing.as_dict()
            batch.clear()
        for index in sorted(results):
            yield results.pop(index)

    for number, line in enumerate(lines, start=1):
        error = _line_error(line)
        if error:
            results[number] = {"error": error}
        else:
            batch.append((number, json.loads(line)["text"]))
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def _line_error(line: str) -> str:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error.msg} (column {error.colno})"
    if not isinstance(value, dict):
        return 'expected a JSON object with a "text"'
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        return 'no "text" to route'
    return ""


def report_markdown(report: classifier.TrainingReport) -> str:
    short = [label.split("-")[0][:8] for label in report.labels]
    lines = [
        "# Enquiry routing: held-out evaluation",
        "",
        "Written by `velferd enquiries train`. The classifier (scikit-learn: TF-IDF over words "
        "and character n-grams, logistic regression) is trained on "
        f"`src/velferd/enquiries/data/corpus.jsonl`; {report.held_out} enquiries "
        f"({int(classifier.HOLDOUT_SHARE * 100)} % of every department and language) were "
        f"held out and {report.trained_on} used for training.",
        "",
        f"**Accuracy on the held-out part: {report.accuracy:.3f}**",
        "",
        "| language | accuracy |",
        "|---|---|",
        *[f"| {lang} | {acc:.3f} |" for lang, acc in report.per_language.items()],
        "",
        "Confusion matrix (rows: the right department, columns: the predicted one):",
        "",
        "| | " + " | ".join(short) + " |",
        "|---|" + "---|" * len(short),
    ]
    for label, row in zip(report.labels, report.confusion, strict=True):
        lines.append(f"| {label} | " + " | ".join(str(n) for n in row) + " |")
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = "Train the enquiry routing model, or route JSON lines from standard input."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        train = sub.add_parser("train", help="Retrain data/model.joblib from the corpus.")
        train.add_argument(
            "--with-corrections",
            action="store_true",
            help="Also learn from the routing corrections staff have made.",
        )
        train.add_argument(
            "--report",
            default=str(REPORT),
            help="Where to write the held-out accuracy and confusion matrix.",
        )
        sub.add_parser("route", help='Read {"text": …} lines, write one result line each.')

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "route":
            for result in routed_lines(sys.stdin):
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        extra = enquiry_selectors.corrected_examples() if options["with_corrections"] else []
        model, report = classifier.train(classifier.read_corpus(), extra)
        classifier.save(model)
        Path(options["report"]).write_text(report_markdown(report), encoding="utf-8")
        self.stdout.write(
            f"Trained on {report.trained_on + report.held_out + len(extra)} enquiries "
            f"({len(extra)} corrections); held-out accuracy {report.accuracy:.3f}; "
            f"report in {options['report']}."
        )
