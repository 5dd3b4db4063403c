"""Letters to people: the §14a decision letter from its template, with its LIX score."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.readability import Lix, lix

from .models import Letter
from .texts import MAIN_GOAL, NEED_GROUP, SOURCE

DECISION_TITLE = "Vedtak om oppfølging fra NAV"


def decision_letter_text(assessment: Any) -> str:
    """The decision letter an assessment would send, as plain text: the decision, its main
    goal (none for permanent adaptation), its reasons and sources, and the right to appeal
    (forvaltningsloven §§ 28–29)."""
    sources = [SOURCE[code] for code in SOURCE if code in assessment.sources and SOURCE[code]]
    return (
        render_to_string(
            "letters/decision_14a.txt",
            {
                "person": assessment.person,
                "assessment": assessment,
                "need_group_text": NEED_GROUP[assessment.need_group],
                "main_goal_text": MAIN_GOAL.get(assessment.main_goal, ""),
                "sources": sources,
                "evidence": assessment.evidence,
            },
        ).strip()
        + "\n"
    )


def decision_letter_preview(assessment: Any) -> tuple[str, Lix]:
    text = decision_letter_text(assessment)
    return text, lix(text)


def decision_letter_send(*, actor: Actor, assessment: Any) -> Letter:
    """Write the decision letter to the person (in the caller's transaction)."""
    text, readability = decision_letter_preview(assessment)
    letter = Letter.objects.create(
        person=assessment.person,
        kind="decision_14a",
        title=DECISION_TITLE,
        body=text,
        lix=readability.score,
        sent_at=timezone.now(),
        sent_by_label=actor.label,
    )
    audit.record(
        actor=actor,
        action="letter.sent",
        target=letter,
        after={"kind": letter.kind, "lix": letter.lix},
    )
    return letter
