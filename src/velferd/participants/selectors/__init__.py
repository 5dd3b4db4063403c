"""Reads for participants, a module per capability: each takes the actor and returns only
what the actor may see (access.policies.participants' list filters)."""

__all__: list[str] = []

from .enrolment import Option as Option
from .enrolment import WaitingList as WaitingList
from .enrolment import comments_of as comments_of
from .enrolment import enrolment_options as enrolment_options
from .enrolment import own_participations as own_participations
from .enrolment import participation_for as participation_for
from .enrolment import participations_of as participations_of
from .enrolment import position_of as position_of
from .enrolment import waiting_list_for as waiting_list_for
from .proposals import participation_with_reports as participation_with_reports
from .proposals import pending_proposals_of as pending_proposals_of
from .proposals import proposal_count_waiting as proposal_count_waiting
from .proposals import proposal_for as proposal_for
from .proposals import proposals_of as proposals_of
from .proposals import proposals_waiting as proposals_waiting
from .proposals import reports_of as reports_of
from .supplier import SupplierParticipant as SupplierParticipant
from .supplier import participant_count as participant_count
from .supplier import participant_for_supplier as participant_for_supplier
from .supplier import participants_of_delivery as participants_of_delivery
from .supplier import participation_for_supplier as participation_for_supplier
from .supplier import pending_proposal_count as pending_proposal_count
from .supplier import supplier_deliveries as supplier_deliveries
