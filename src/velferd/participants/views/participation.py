"""A participation's page, for the caseworker and the person: its facts, its place on the
waiting list (and a place offered), the moves the table allows, the priority on a VTA
waiting list, the dates, and the comments on the draft. The person reads and comments on
the draft; the caseworker also moves it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, checked, parse_date, parse_version, post_form
from velferd.core.lifecycles import unknown_action

from .. import selectors, services
from ..lifecycles import PARTICIPATION, moves_from
from ..models import (
    EndReason,
    NotRelevantReason,
    Participation,
    ParticipationStatus,
    ProposalStatus,
)
from ..selectors.waiting_list import priority_counts

ACTIONS = ("move", "pass_offer", "priority", "dates", "comment", "decide")


def _act(actor: Actor, found: Participation, action: str, values: dict[str, Any]) -> Any:
    version = values["version"]
    data = values["data"]
    if action == "move":
        return PARTICIPATION.service_for(data.get("move", ""))(
            actor=actor,
            participation=found,
            version=version,
            reason=data.get("reason", ""),
            reason_text=data.get("reason_text", ""),
        )
    if action == "pass_offer":
        return services.participation_pass_offer(actor=actor, participation=found, version=version)
    if action == "priority":
        return services.participation_set_priority(
            actor=actor,
            participation=found,
            version=version,
            priority=checked(data, "priority"),
            reason_text=data.get("priority_reason", ""),
        )
    if action == "dates":
        return services.participation_change_dates(
            actor=actor,
            participation=found,
            version=version,
            starts_on=values["starts_on"],
            ends_on=values["ends_on"],
            extension_reason=data.get("extension_reason", ""),
        )
    if action == "comment":
        return services.draft_comment(actor=actor, participation=found, text=data.get("text", ""))
    if action == "decide":
        return _decide(actor, found, values)
    raise unknown_action()


def _decide(actor: Actor, found: Participation, values: dict[str, Any]) -> Any:
    """Approve or reject one of the participation's proposals from its page."""
    data = values["data"]
    proposal = selectors.proposal_for(actor=actor, proposal_id=data.get("proposal", ""))
    if proposal.participation_id != found.pk:
        raise unknown_action()
    decide = {"approve": services.proposal_approve, "reject": services.proposal_reject}.get(
        data.get("decision", "")
    )
    if decide is None:
        raise unknown_action()
    return decide(
        actor=actor, proposal=proposal, version=values["version"], comment=data.get("comment", "")
    )


def _read(data: Any, errors: FormErrors) -> dict[str, Any]:
    action = data.get("action", "")
    values: dict[str, Any] = {"action": action, "data": data, "version": None}
    if action != "comment":
        values["version"] = errors.check(parse_version, data.get("version", ""))
    if action == "dates":
        values["starts_on"] = errors.check(parse_date, data.get("starts_on", ""), "starts_on")
        values["ends_on"] = errors.check(parse_date, data.get("ends_on", ""), "ends_on")
    return values


def _context(actor: Actor, found: Participation) -> dict[str, Any]:
    may_change = policies.can_change_participation(actor, found)
    return {
        "participation": found,
        "is_person": policies.is_the_person(actor, found.person),
        "may_change": may_change,
        "moves": moves_from(found.status) if may_change else [],
        "end_reasons": EndReason.choices,
        "not_relevant_reasons": NotRelevantReason.choices,
        "position": selectors.position_of(found),
        "priority_counts": priority_counts(found.delivery.scheme_type.code),
        "is_draft": found.status == ParticipationStatus.DRAFT,
        "may_comment": found.status == ParticipationStatus.DRAFT
        and policies.can_comment_on_draft(actor, found),
        "comments": selectors.comments_of(found),
        "supplier_proposals": (
            selectors.proposals_of(actor=actor, participation=found)
            if policies.can_decide_proposals_for(actor, found)
            else []
        ),
        "approved_changes": (
            selectors.proposals_of(actor=actor, participation=found).filter(
                status=ProposalStatus.APPROVED
            )
            if policies.is_the_person(actor, found.person)
            else []
        ),
        "progress_reports": (
            selectors.reports_of(actor=actor, participation=found)
            if policies.can_read_progress_reports(actor, found)
            else []
        ),
    }


@refusals_as_pages
def participation(request: HttpRequest, participation_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.participation_for(actor=actor, participation_id=participation_id)

    def show(errors: FormErrors) -> HttpResponse:
        context = {**_context(actor, found), "errors": errors, "form": request.POST or {}}
        return render(request, "participants/participation.html", context)

    return post_form(
        request,
        read=lambda errors: _read(request.POST, errors),
        save=lambda values: _act(actor, found, values["action"], values),
        success=lambda _: reverse("participants:participation", args=[found.pk]),
        show=show,
        saved=_("The participation was saved."),
    )


@refusals_as_pages
def mine(request: HttpRequest) -> HttpResponse:
    """The person's own participations, drafts too, and their place on a waiting list."""
    actor = actor_for_request(request)
    policies.require(actor, policies.can_view_own_participations)
    person, found = selectors.own_participations(actor=actor)
    return render(request, "participants/mine.html", {"person": person, "participations": found})
