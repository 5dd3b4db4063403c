"""The §14a decision letter: what it tells the person (the decision under NAV Act §14a, its
main goal, reasons and sources, and the right to appeal under forvaltningsloven §§ 28–29),
that it is easy to read for every need group and main goal, and that sending it stores the
letter with its LIX and audits it."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.readability import lix
from velferd.followup import services as followup_services
from velferd.followup.models import MainGoal, NeedGroup, NeedsAssessment, Source
from velferd.followup.tests.factories import an_assessment
from velferd.letters.models import Letter
from velferd.letters.services import (
    DECISION_TITLE,
    decision_letter_preview,
    decision_letter_send,
    decision_letter_text,
)
from velferd.letters.texts import MAIN_GOAL, NEED_GROUP, SOURCE
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

REASONING = (
    "Du har fagbrev som kokk og vil tilbake i jobb. Etter en skade trenger du hjelp til å "
    "finne en jobb der du ikke står hele dagen."
)
EVIDENCE = "Samtale med deg i september. Legeerklæring fra fastlegen din."
SOURCES = ["dialogue", "medical"]
# Every group with every main goal it may have: none for permanent adaptation.
COMBINATIONS = [
    pytest.param(group, goal, id=f"{group}-{goal or 'none'}")
    for group, goal in itertools.product(NeedGroup.values, ["", *MainGoal.values])
    if (group == "permanent") == (goal == "")
]


@pytest.fixture
def ola() -> Person:
    """A person followed up by NAV Grünerløkka."""
    return a_person(given_name="Ola", family_name="Nordvik")


def assessment(
    person: Person,
    need_group: str = "situation_specific",
    main_goal: str = "get_work",
    reasoning: str = REASONING,
    evidence: str = EVIDENCE,
    sources: list[str] | None = None,
) -> NeedsAssessment:
    """An unsaved decision for the person: the letter needs nothing else."""
    return NeedsAssessment(
        person=person,
        need_group=need_group,
        main_goal=main_goal,
        reasoning=reasoning,
        sources=SOURCES if sources is None else sources,
        evidence=evidence,
    )


def test_every_need_group_main_goal_and_source_has_its_plain_language_text() -> None:
    assert set(NEED_GROUP) == set(NeedGroup.values)
    assert set(MAIN_GOAL) == set(MainGoal.values)
    assert set(SOURCE) == set(Source.values)


class TestDecisionLetterText:
    def test_the_letter_greets_the_person_and_is_signed_by_their_office(self, ola: Person) -> None:
        text = decision_letter_text(assessment(ola))

        assert text.startswith("Hei, Ola.\n")
        assert text.endswith("Hilsen\nNAV Grünerløkka\n")

    def test_the_letter_gives_the_decision_its_reasons_and_the_evidence(self, ola: Person) -> None:
        text = decision_letter_text(assessment(ola))

        assert NEED_GROUP["situation_specific"] in text
        assert MAIN_GOAL["get_work"] in text
        assert f"Dette har vi lagt vekt på:\n{REASONING}" in text
        assert (
            "Vi har brukt disse opplysningene:\n"
            f"- {SOURCE['dialogue']}\n- {SOURCE['medical']}\n{EVIDENCE}"
        ) in text
        assert "NAV-loven § 14 a" in text

    def test_the_letter_tells_the_right_to_appeal_the_deadline_and_how(self, ola: Person) -> None:
        """forvaltningsloven § 28 (the right), § 29 (six weeks from the day the letter reached
        the person), and how: in writing to the office, or digitally on their own pages."""
        text = decision_letter_text(assessment(ola))

        assert "Du har rett til å klage på vedtaket." in text
        assert "innen seks uker fra den dagen du fikk dette brevet" in text
        assert "Du kan klage på nav.no. Logg inn og velg «Klag på vedtaket»" in text
        assert "skrive et brev til NAV Grünerløkka" in text
        assert "sender vi klagen til NAV Klageinstans" in text
        assert "forvaltningsloven §§ 28 og 29" in text

    def test_a_permanent_decision_names_no_main_goal(self, ola: Person) -> None:
        """NAV's decision support: permanent adaptation has no main goal."""
        text = decision_letter_text(assessment(ola, "permanent", ""))

        assert NEED_GROUP["permanent"] in text
        assert not any(goal in text for goal in MAIN_GOAL.values())
        assert "\n\n\n" not in text

    def test_without_sources_or_evidence_the_letter_leaves_out_their_heading(
        self, ola: Person
    ) -> None:
        text = decision_letter_text(assessment(ola, evidence="", sources=[]))

        assert "Vi har brukt disse opplysningene" not in text
        assert REASONING in text
        assert "\n\n\n" not in text

    def test_other_sources_are_told_in_the_caseworkers_words_only(self, ola: Person) -> None:
        text = decision_letter_text(assessment(ola, sources=["other"], evidence=EVIDENCE))

        assert f"Vi har brukt disse opplysningene:\n{EVIDENCE}" in text

    def test_the_letter_does_not_show_the_identity_number(self, ola: Person) -> None:
        person = ola

        text = decision_letter_text(assessment(ola))

        assert person.national_id not in text
        assert person.national_id[6:] not in text

    @pytest.mark.parametrize(("need_group", "main_goal"), COMBINATIONS)
    def test_each_decision_says_its_need_group_and_main_goal_in_easy_language(
        self, need_group: str, main_goal: str, ola: Person
    ) -> None:
        text, readability = decision_letter_preview(assessment(ola, need_group, main_goal))

        assert NEED_GROUP[need_group] in text
        assert [goal for goal, said in MAIN_GOAL.items() if said in text] == (
            [main_goal] if main_goal else []
        )
        other_groups = [t for g, t in NEED_GROUP.items() if g != need_group]
        assert not any(other in text for other in other_groups)
        assert readability == lix(text)
        assert readability.score < 45
        assert not readability.too_hard

    def test_the_caseworkers_reasoning_reaches_the_person_as_written(self, ola: Person) -> None:
        reasoning = "Du har jobbet hos Hansen & Sønn's bakeri i ti år. Du vil jobbe <20 timer."

        text = decision_letter_text(assessment(ola, reasoning=reasoning))

        assert reasoning in text


class TestDecisionLetterSend:
    def test_sending_stores_the_letter_to_the_person_with_its_lix(
        self, actor_of_login: Lookup, ola: Person
    ) -> None:
        decision = assessment(ola, "specially_adapted", "keep_work")
        before = Letter.objects.filter(person=decision.person).count()

        letter = decision_letter_send(actor=actor_of_login("veileder"), assessment=decision)

        letter.refresh_from_db()
        assert Letter.objects.filter(person=decision.person).count() == before + 1
        assert letter.person == decision.person
        assert (letter.kind, letter.title) == ("decision_14a", DECISION_TITLE)
        assert letter.body == decision_letter_text(decision)
        assert letter.lix == lix(letter.body).score
        assert letter.sent_by_label == "Vera Veileder"
        assert letter.sent_at is not None
        assert Letter.objects.filter(person=decision.person).first() == letter  # newest first

    def test_sending_is_audited_with_the_kind_and_the_lix(
        self, actor_of_login: Lookup, ola: Person
    ) -> None:
        letter = decision_letter_send(actor=actor_of_login("veileder"), assessment=assessment(ola))

        event = AuditEvent.objects.filter(action="letter.sent").order_by("seq").last()
        assert event is not None
        assert (event.target_type, event.target_id) == ("letters.letter", str(letter.pk))
        assert event.target_label == DECISION_TITLE
        assert event.actor_label == "Vera Veileder"
        assert event.after == {"kind": "decision_14a", "lix": letter.lix}

    def test_no_letter_event_holds_the_identity_number_or_the_letter_text(
        self, actor_of_login: Lookup, ola: Person
    ) -> None:
        decision_letter_send(actor=actor_of_login("veileder"), assessment=assessment(ola))

        number = ola.national_id
        for event in AuditEvent.objects.filter(action="letter.sent"):
            text = json.dumps([event.before, event.after, event.target_label])
            assert number not in text
            assert "kokk" not in text

    def test_a_decision_sent_reaches_the_person_as_an_easy_letter(
        self, actor_of_login: Lookup, ola: Person
    ) -> None:
        decision = an_assessment(
            person=ola,
            need_group="situation_specific",
            reasoning=REASONING,
            sources=SOURCES,
            evidence=EVIDENCE,
        )
        followup_services.assessment_send(
            actor=actor_of_login("veileder"), assessment=decision, version=decision.version
        )

        letter = Letter.objects.get(person=ola, kind="decision_14a")

        assert letter.body.startswith("Hei, Ola.")
        assert NEED_GROUP["situation_specific"] in letter.body
        assert letter.lix == lix(letter.body).score < 45
        assert letter.assessment.status == "sent"
