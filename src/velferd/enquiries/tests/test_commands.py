"""`velferd enquiries route` and `velferd enquiries train`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from velferd.enquiries import classifier


def route_lines(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> list[dict[str, object]]:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    call_command("enquiries", "route", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_line_gets_one_answer_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Hva er reglene for uføretrygd?", "When can I retire with a full pension?"]
    results = route_lines(monkeypatch, [json.dumps({"text": t}) for t in texts])
    assert [r["department"] for r in results] == [classifier.route(t).department for t in texts]
    assert all(set(r) == {"department", "confidence", "alternatives"} for r in results)


def test_a_bad_line_gets_an_error_and_the_rest_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    results = route_lines(
        monkeypatch,
        [
            json.dumps({"text": "Spørsmål om sykepenger"}),
            "this is not json",
            json.dumps({"tekst": "wrong key"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
            json.dumps({"text": "Pension for workers abroad"}),
        ],
    )
    assert len(results) == 7
    assert "department" in results[0] and "department" in results[6]
    assert "not valid JSON" in str(results[1]["error"])
    for bad in results[2:6]:
        assert set(bad) == {"error"}


def test_an_empty_input_gives_no_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = io.StringIO()
    call_command("enquiries", "route", stdout=out)
    assert out.getvalue() == ""


def test_a_batch_larger_than_one_chunk_keeps_its_order(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        json.dumps({"text": f"Spørsmål nummer {n} om pensjon"}) if n % 7 else "{"
        for n in range(1, 1200)
    ]
    results = route_lines(monkeypatch, lines)
    assert len(results) == 1199
    assert all(("error" in r) == (n % 7 == 0) for n, r in enumerate(results, start=1))


@pytest.mark.django_db
def test_training_writes_the_model_and_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_path = tmp_path / "model.joblib"
    monkeypatch.setattr(classifier, "MODEL", model_path)
    report = tmp_path / "report.md"
    out = io.StringIO()
    call_command("enquiries", "train", "--report", str(report), stdout=out)
    assert model_path.exists()
    text = report.read_text(encoding="utf-8")
    assert "Accuracy on the held-out part" in text
    assert "| welfare-policy |" in text
    assert "held-out accuracy" in out.getvalue()
    classifier.load.cache_clear()
