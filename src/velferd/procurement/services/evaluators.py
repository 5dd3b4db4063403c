"""The competition's evaluators: naming them, each one's declaration of no conflict of
interest (or of one, which takes them off the competition to be replaced)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid

from ..models import Competition, CompetitionStatus, Evaluator
from .changes import lock_competition
from .competitions import require_status

NAMING_STATES = (CompetitionStatus.DRAFT, CompetitionStatus.PUBLISHED, CompetitionStatus.EVALUATION)


@transaction.atomic
def evaluator_add(*, actor: Actor, competition: Competition, username: str) -> Evaluator:
    """Name a member of NAV's staff to evaluate: a scheme manager of the county (or a
    national one); for an office's small tender, the office's staff too."""
    policies.require(actor, policies.can_manage_competition, competition)
    locked = lock_competition(competition)
    require_status(locked, *NAMING_STATES)
    try:
        user = access_selectors.active_user_named(username)
    except DomainError as error:
        error.field = "username"
        raise
    if not policies.may_evaluate(access_selectors.actor_for_user(user), locked):
        raise invalid(
            "not_an_evaluator",
            "username",
            f"{user.full_name or user.username} kan ikke evaluere denne konkurransen: "
            "evaluatorene er fylkets tiltaksforvaltere (ved et kontors lille anskaffelse også "
            "kontorets ansatte).",
            f"{user.full_name or user.username} cannot evaluate this competition: the "
            "evaluators are the county's scheme managers (for an office's small tender, the "
            "office's staff too).",
        )
    if Evaluator.objects.filter(competition=locked, user=user).exists():
        raise invalid(
            "already_evaluator",
            "username",
            "Personen er allerede evaluator i konkurransen.",
            "The person is already an evaluator in the competition.",
            status=CONFLICT,
        )
    evaluator = Evaluator.objects.create(competition=locked, user=user)
    audit.record(
        actor=actor,
        action="competition.evaluator_added",
        target=locked,
        after={"evaluator": user.username},
    )
    return evaluator


def _own_evaluator(actor: Actor, competition: Competition) -> Evaluator:
    found = (
        Evaluator.objects.select_for_update()
        .filter(competition=competition, user=actor.user, replaced=False)
        .first()
    )
    if found is None:
        raise invalid(
            "not_evaluator",
            None,
            "Du er ikke evaluator i denne konkurransen.",
            "You are not an evaluator in this competition.",
            status=403,
        )
    return found


@transaction.atomic
def evaluator_declare(
    *, actor: Actor, competition: Competition, has_conflict: bool, note: str = ""
) -> Evaluator:
    """The evaluator declares, once per competition, whether they have a conflict of
    interest. One who has cannot score and is replaced (another is named in their place)."""
    locked = lock_competition(competition)
    require_status(locked, *NAMING_STATES)
    evaluator = _own_evaluator(actor, locked)
    if evaluator.declared_at is not None:
        raise invalid(
            "already_declared",
            None,
            "Du har allerede erklært deg for denne konkurransen.",
            "You have already made your declaration for this competition.",
            status=CONFLICT,
        )
    evaluator.declared_at = timezone.now()
    evaluator.has_conflict = bool(has_conflict)
    evaluator.conflict_note = (note or "").strip()[:2000]
    evaluator.replaced = evaluator.has_conflict
    evaluator.save()
    audit.record(
        actor=actor,
        action="competition.evaluator_declared",
        target=locked,
        after={"evaluator": actor.user.username if actor.user else "", "conflict": has_conflict},
    )
    return evaluator
