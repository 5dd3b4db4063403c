"""The draft shared with the person: they and their caseworkers comment on it, while it is a
draft."""

from __future__ import annotations

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text
from velferd.people import selectors as people_selectors

from ..models import DraftComment, Participation, ParticipationStatus


@retried_atomic
def draft_comment(*, actor: Actor, participation: Participation, text: str) -> DraftComment:
    policies.require(actor, policies.can_comment_on_draft, participation)
    people_selectors.lock_person(participation.person_id)
    status = Participation.objects.filter(pk=participation.pk).values_list("status", flat=True)
    if status.first() != ParticipationStatus.DRAFT:
        raise invalid(
            "not_a_draft",
            "text",
            "Du kan bare kommentere et utkast.",
            "You can comment only on a draft.",
            status=CONFLICT,
        )
    if actor.user is None:
        raise policies.not_authenticated()
    comment = DraftComment.objects.create(
        participation=participation,
        author=actor.user,
        text=required_text(text, "text", "Kommentaren", "comment", 4000),
    )
    by_person = policies.is_the_person(actor, participation.person)
    audit.record(
        actor=actor,
        action="participation.draft_commented",
        target=participation,
        after={"comment": comment.pk, "by_person": by_person},
    )
    return comment
