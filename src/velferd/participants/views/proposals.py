"""The caseworker's side of the supplier's proposals: the queue of proposals waiting for NAV
at their offices, and a proposal's page where they approve or reject it with a comment."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.core.lifecycles import unknown_action

from .. import selectors, services
from ..models import ChangeProposal, ProposalStatus


@refusals_as_pages
def proposal_queue(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    return render(
        request,
        "participants/proposal_queue.html",
        {"proposals": selectors.proposals_waiting(actor=actor)},
    )


def _decide(actor: Any, proposal: ChangeProposal, values: dict[str, Any]) -> ChangeProposal:
    if values["decision"] == "approve":
        return services.proposal_approve(
            actor=actor, proposal=proposal, version=values["version"], comment=values["comment"]
        )
    if values["decision"] == "reject":
        return services.proposal_reject(
            actor=actor, proposal=proposal, version=values["version"], comment=values["comment"]
        )
    raise unknown_action()


@refusals_as_pages
def proposal_decision(request: HttpRequest, proposal_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    proposal = selectors.proposal_for(actor=actor, proposal_id=proposal_id)

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            "decision": request.POST.get("decision", ""),
            "version": errors.check(parse_version, request.POST.get("version", "")),
            "comment": request.POST.get("comment", ""),
        }

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "participants/proposal_decision.html",
            {
                "proposal": proposal,
                "participation": proposal.participation,
                "errors": errors,
                "form": request.POST,
                "can_decide": proposal.status == ProposalStatus.PENDING
                and policies.can_decide_proposal(actor, proposal),
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: _decide(actor, proposal, values),
        success=lambda _decided: reverse("participants:proposal_queue"),
        show=show,
        saved=_("The decision was saved."),
    )
