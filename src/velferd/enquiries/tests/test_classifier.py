"""The routing model: its held-out accuracy, what it answers, and that the committed model
file is the one the corpus trains."""

from __future__ import annotations

import pytest

from velferd.enquiries import classifier

SLUGS = {
    "labour-market",
    "working-environment-and-safety",
    "finance-and-governance",
    "integration",
    "pension",
    "press-and-communications",
    "administrative-services",
    "welfare-policy",
}


@pytest.fixture(scope="module")
def trained() -> tuple[object, classifier.TrainingReport]:
    return classifier.train(classifier.read_corpus())


def test_the_corpus_has_forty_enquiries_per_department_in_both_languages() -> None:
    corpus = classifier.read_corpus()
    for slug in SLUGS:
        mine = [e for e in corpus if e.department == slug]
        assert len(mine) >= 40, slug
        assert {"nb", "en"} <= {e.language for e in mine}, slug


def test_held_out_accuracy_is_at_least_0_85(
    trained: tuple[object, classifier.TrainingReport],
) -> None:
    _, report = trained
    assert report.held_out >= 80
    assert report.accuracy >= 0.85, report


def test_every_language_is_routed_well(trained: tuple[object, classifier.TrainingReport]) -> None:
    _, report = trained
    assert set(report.per_language) >= {"nb", "nn", "en"}
    assert all(accuracy >= 0.75 for accuracy in report.per_language.values()), report


def test_the_held_out_part_never_overlaps_the_training_part() -> None:
    train_part, held = classifier.split(classifier.read_corpus())
    assert not {e.text for e in train_part} & {e.text for e in held}


def test_a_routing_names_a_department_a_confidence_and_two_other_departments() -> None:
    routing = classifier.route("Hvordan søker jeg om arbeidsavklaringspenger?")
    assert routing.department in SLUGS
    assert 0 <= routing.confidence <= 1
    assert len(routing.alternatives) == 2
    others = [a["department"] for a in routing.alternatives]
    assert routing.department not in others and len(set(others)) == 2
    assert all(a["confidence"] <= routing.confidence for a in routing.alternatives)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("Når kan eg ta ut alderspensjon, og kva skjer med AFP om eg held fram i jobb?", "pension"),
        (
            "Can I get an interview with the Minister about the new budget tomorrow?",
            "press-and-communications",
        ),
        (
            "Arbeidsgiveren min krever at jeg jobber overtid hver helg. Er det lov etter "
            "arbeidsmiljøloven?",
            "working-environment-and-safety",
        ),
        (
            "Kommunen vår skal bosette flyktninger. Hvordan fungerer introduksjonsprogrammet?",
            "integration",
        ),
    ],
)
def test_the_shipped_model_routes_plain_cases_where_a_person_would(
    text: str, department: str
) -> None:
    assert classifier.route(text).department == department


def test_routing_many_keeps_the_order_and_routes_none_for_none() -> None:
    texts = ["Spørsmål om uføretrygd", "Request for a comment from the Minister"]
    assert [r.department for r in classifier.route_many(texts)] == [
        classifier.route(t).department for t in texts
    ]
    assert classifier.route_many([]) == []
