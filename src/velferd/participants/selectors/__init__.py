"""Reads for participants, a module per capability: each takes the actor and returns only
what the actor may see (access.policies.participants' list filters)."""

__all__: list[str] = []

from .enrolment import (
    Option as Option,
    WaitingList as WaitingList,
    comments_of as comments_of,
    enrolment_options as enrolment_options,
    own_participations as own_participations,
    participation_for as participation_for,
    participations_of as participations_of,
    position_of as position_of,
    waiting_list_for as waiting_list_for,
)
from .proposals import (
    participation_with_reports as participation_with_reports,
    pending_proposals_of as pending_proposals_of,
    proposal_count_waiting as proposal_count_waiting,
    proposal_for as proposal_for,
    proposals_of as proposals_of,
    proposals_waiting as proposals_waiting,
    reports_of as reports_of,
)
from .supplier import (
    SupplierParticipant as SupplierParticipant,
    participant_count as participant_count,
    participant_for_supplier as participant_for_supplier,
    participants_of_delivery as participants_of_delivery,
    participation_for_supplier as participation_for_supplier,
    pending_proposal_count as pending_proposal_count,
    supplier_deliveries as supplier_deliveries,
)
