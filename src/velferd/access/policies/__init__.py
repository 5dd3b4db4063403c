"""Who may do what: one plain function per question, shared by pages and the API, each in
the module of its domain, with the list filter that gives the same answer beside it.

Each predicate is named can_<verb>_<noun> and answers True or False; `require(actor, policy,
...)` turns a False into the refusal the caller shows (401 for nobody logged in, 403
otherwise). Callers use the package: `from velferd.access import policies`."""

from .accounts import (
    can_change_registry as can_change_registry,
)
from .accounts import (
    can_create_api_token as can_create_api_token,
)
from .accounts import (
    can_manage_users as can_manage_users,
)
from .accounts import (
    can_revoke_api_token as can_revoke_api_token,
)
from .accounts import (
    can_view_audit_trail as can_view_audit_trail,
)
from .accounts import (
    can_view_own_account as can_view_own_account,
)
from .accounts import (
    can_view_registry as can_view_registry,
)
from .base import (
    NOTHING as NOTHING,
)
from .base import (
    Policy as Policy,
)
from .base import (
    allows as allows,
)
from .base import (
    not_authenticated as not_authenticated,
)
from .base import (
    require as require,
)
from .coordination import (
    activity_requirements_visible as activity_requirements_visible,
)
from .coordination import (
    benefits_recordable as benefits_recordable,
)
from .coordination import (
    can_assess_for_qualification as can_assess_for_qualification,
)
from .coordination import (
    can_change_individual_plan as can_change_individual_plan,
)
from .coordination import (
    can_manage_plan_members as can_manage_plan_members,
)
from .coordination import (
    can_record_activity_requirement as can_record_activity_requirement,
)
from .coordination import (
    can_record_benefit as can_record_benefit,
)
from .coordination import (
    can_view_activity_requirement as can_view_activity_requirement,
)
from .coordination import (
    can_view_individual_plan as can_view_individual_plan,
)
from .coordination import (
    can_view_municipal_records as can_view_municipal_records,
)
from .coordination import (
    individual_plans_visible as individual_plans_visible,
)
from .coordination import (
    is_plan_partner as is_plan_partner,
)
from .coordination import (
    municipal_records_visible as municipal_records_visible,
)
from .coordination import (
    persons_activity_requirement_recordable as persons_activity_requirement_recordable,
)
from .coordination import (
    persons_assessable_for_qualification as persons_assessable_for_qualification,
)
from .coordination import (
    plans_as_partner as plans_as_partner,
)
from .coordination import (
    portfolio_rows_municipal as portfolio_rows_municipal,
)
from .employers import (
    can_advise_enterprise as can_advise_enterprise,
)
from .employers import (
    can_apply_for_subsidy as can_apply_for_subsidy,
)
from .employers import (
    can_assign_contact_person as can_assign_contact_person,
)
from .employers import (
    can_change_enterprise as can_change_enterprise,
)
from .employers import (
    can_decide_subsidy as can_decide_subsidy,
)
from .employers import (
    can_list_enterprises as can_list_enterprises,
)
from .employers import (
    can_register_enterprise as can_register_enterprise,
)
from .employers import (
    can_set_subsidy_budget as can_set_subsidy_budget,
)
from .employers import (
    can_view_cooperation as can_view_cooperation,
)
from .employers import (
    can_view_enterprise as can_view_enterprise,
)
from .employers import (
    can_view_subsidy_budget as can_view_subsidy_budget,
)
from .employers import (
    employer_organisation_numbers as employer_organisation_numbers,
)
from .employers import (
    enterprises_advised as enterprises_advised,
)
from .employers import (
    enterprises_represented as enterprises_represented,
)
from .employers import (
    enterprises_visible as enterprises_visible,
)
from .employers import (
    iw_counties as iw_counties,
)
from .employers import (
    represents_enterprise as represents_enterprise,
)
from .employers import (
    subsidy_budget_counties as subsidy_budget_counties,
)
from .followup import (
    PERSON_MAY_MOVE_TO as PERSON_MAY_MOVE_TO,
)
from .followup import (
    activities_changeable as activities_changeable,
)
from .followup import (
    activities_movable as activities_movable,
)
from .followup import (
    appeals_preparable as appeals_preparable,
)
from .followup import (
    appeals_visible as appeals_visible,
)
from .followup import (
    assessments_approvable as assessments_approvable,
)
from .followup import (
    can_agree_activity as can_agree_activity,
)
from .followup import (
    can_appeal_decision as can_appeal_decision,
)
from .followup import (
    can_approve_assessment as can_approve_assessment,
)
from .followup import (
    can_assign_caseworker as can_assign_caseworker,
)
from .followup import (
    can_change_activity as can_change_activity,
)
from .followup import (
    can_follow_up as can_follow_up,
)
from .followup import (
    can_move_activity as can_move_activity,
)
from .followup import (
    can_prepare_appeal as can_prepare_appeal,
)
from .followup import (
    can_take_part_in_plan as can_take_part_in_plan,
)
from .followup import (
    can_view_appeal as can_view_appeal,
)
from .followup import (
    decisions_appealable as decisions_appealable,
)
from .followup import (
    is_own_assessment as is_own_assessment,
)
from .followup import (
    is_own_proposal as is_own_proposal,
)
from .followup import (
    persons_agreeing_activities as persons_agreeing_activities,
)
from .followup import (
    persons_followed_up as persons_followed_up,
)
from .followup import (
    persons_taking_part as persons_taking_part,
)
from .followup import (
    portfolio_rows_visible as portfolio_rows_visible,
)
from .funding import (
    budgets_managed as budgets_managed,
)
from .funding import (
    can_manage_budget as can_manage_budget,
)
from .funding import (
    can_manage_claim as can_manage_claim,
)
from .funding import (
    can_manage_commitment as can_manage_commitment,
)
from .funding import (
    can_manage_funding as can_manage_funding,
)
from .funding import (
    can_submit_claim as can_submit_claim,
)
from .funding import (
    can_view_claim as can_view_claim,
)
from .funding import (
    can_work_with_funding as can_work_with_funding,
)
from .funding import (
    claims_managed as claims_managed,
)
from .funding import (
    claims_of_supplier as claims_of_supplier,
)
from .funding import (
    claims_visible as claims_visible,
)
from .funding import (
    commitments_managed as commitments_managed,
)
from .funding import (
    is_supplier_staff as is_supplier_staff,
)
from .ministry import (
    PRESS_DIVISION as PRESS_DIVISION,
)
from .ministry import (
    can_change_publications as can_change_publications,
)
from .ministry import (
    can_handle_enquiry as can_handle_enquiry,
)
from .ministry import (
    can_route_enquiries as can_route_enquiries,
)
from .ministry import (
    can_view_inbox as can_view_inbox,
)
from .ministry import (
    ministry_departments as ministry_departments,
)
from .participants import (
    can_change_participation as can_change_participation,
)
from .participants import (
    can_comment_on_draft as can_comment_on_draft,
)
from .participants import (
    can_decide_proposal as can_decide_proposal,
)
from .participants import (
    can_decide_proposals_for as can_decide_proposals_for,
)
from .participants import (
    can_enrol as can_enrol,
)
from .participants import (
    can_list_places_overview as can_list_places_overview,
)
from .participants import (
    can_list_proposals as can_list_proposals,
)
from .participants import (
    can_list_supplier_participants as can_list_supplier_participants,
)
from .participants import (
    can_propose_change as can_propose_change,
)
from .participants import (
    can_read_progress_reports as can_read_progress_reports,
)
from .participants import (
    can_report_progress as can_report_progress,
)
from .participants import (
    can_supplier_see_address as can_supplier_see_address,
)
from .participants import (
    can_supplier_view_participant as can_supplier_view_participant,
)
from .participants import (
    can_view_own_participations as can_view_own_participations,
)
from .participants import (
    can_view_participation as can_view_participation,
)
from .participants import (
    can_view_places_overview as can_view_places_overview,
)
from .participants import (
    can_view_proposal as can_view_proposal,
)
from .participants import (
    can_view_waiting_list as can_view_waiting_list,
)
from .participants import (
    can_withdraw_proposal as can_withdraw_proposal,
)
from .participants import (
    participants_visible_to_supplier as participants_visible_to_supplier,
)
from .participants import (
    participations_changeable as participations_changeable,
)
from .participants import (
    participations_visible as participations_visible,
)
from .participants import (
    places_overview_counties as places_overview_counties,
)
from .participants import (
    places_overview_offices as places_overview_offices,
)
from .participants import (
    proposals_decidable as proposals_decidable,
)
from .participants import (
    proposals_visible as proposals_visible,
)
from .participants import (
    supplier_access_days as supplier_access_days,
)
from .participants import (
    supplier_access_from as supplier_access_from,
)
from .people import (
    CASEWORKERS as CASEWORKERS,
)
from .people import (
    HIDING_PROTECTIONS as HIDING_PROTECTIONS,
)
from .people import (
    OFFICE_STAFF as OFFICE_STAFF,
)
from .people import (
    OPENS_MUNICIPAL_RECORDS as OPENS_MUNICIPAL_RECORDS,
)
from .people import (
    PROTECTION_LEVELS as PROTECTION_LEVELS,
)
from .people import (
    can_change_person as can_change_person,
)
from .people import (
    can_know_person_exists as can_know_person_exists,
)
from .people import (
    can_list_persons as can_list_persons,
)
from .people import (
    can_lower_address_protection as can_lower_address_protection,
)
from .people import (
    can_manage_consents as can_manage_consents,
)
from .people import (
    can_move_person as can_move_person,
)
from .people import (
    can_record_consent as can_record_consent,
)
from .people import (
    can_register_person as can_register_person,
)
from .people import (
    can_view_access_log as can_view_access_log,
)
from .people import (
    can_view_person as can_view_person,
)
from .people import (
    can_view_person_address as can_view_person_address,
)
from .people import (
    is_the_person as is_the_person,
)
from .people import (
    lowers_address_protection as lowers_address_protection,
)
from .people import (
    needs_consent_document as needs_consent_document,
)
from .people import (
    persons_known as persons_known,
)
from .people import (
    persons_visible as persons_visible,
)
from .people import (
    persons_visible_as_staff as persons_visible_as_staff,
)
from .people import (
    role_reading as role_reading,
)
from .people import (
    the_person as the_person,
)
from .procurement import (
    bids_visible as bids_visible,
)
from .procurement import (
    can_approve_award as can_approve_award,
)
from .procurement import (
    can_bid_for as can_bid_for,
)
from .procurement import (
    can_create_competition as can_create_competition,
)
from .procurement import (
    can_manage_competition as can_manage_competition,
)
from .procurement import (
    can_score as can_score,
)
from .procurement import (
    can_start_competitions as can_start_competitions,
)
from .procurement import (
    can_view_bid as can_view_bid,
)
from .procurement import (
    can_view_competition as can_view_competition,
)
from .procurement import (
    competitions_evaluated as competitions_evaluated,
)
from .procurement import (
    competitions_managed as competitions_managed,
)
from .procurement import (
    competitions_visible as competitions_visible,
)
from .procurement import (
    is_evaluator as is_evaluator,
)
from .procurement import (
    may_evaluate as may_evaluate,
)
from .schemes import (
    agreements_visible as agreements_visible,
)
from .schemes import (
    can_create_agreement as can_create_agreement,
)
from .schemes import (
    can_edit_catalogue as can_edit_catalogue,
)
from .schemes import (
    can_edit_supplier as can_edit_supplier,
)
from .schemes import (
    can_edit_supplier_details as can_edit_supplier_details,
)
from .schemes import (
    can_list_agreements as can_list_agreements,
)
from .schemes import (
    can_list_deliveries as can_list_deliveries,
)
from .schemes import (
    can_manage_agreement as can_manage_agreement,
)
from .schemes import (
    can_manage_delivery as can_manage_delivery,
)
from .schemes import (
    can_manage_schemes_in as can_manage_schemes_in,
)
from .schemes import (
    can_register_supplier as can_register_supplier,
)
from .schemes import (
    can_search_delivery_catalogue as can_search_delivery_catalogue,
)
from .schemes import (
    can_view_agreement as can_view_agreement,
)
from .schemes import (
    can_view_catalogue as can_view_catalogue,
)
from .schemes import (
    can_view_delivery as can_view_delivery,
)
from .schemes import (
    can_view_supplier as can_view_supplier,
)
from .schemes import (
    counties_managed as counties_managed,
)
from .schemes import (
    deliveries_visible as deliveries_visible,
)
from .schemes import (
    is_national_scheme_manager as is_national_scheme_manager,
)
from .schemes import (
    represents_supplier as represents_supplier,
)
from .schemes import (
    scheme_counties as scheme_counties,
)
from .schemes import (
    supplier_organisation_numbers as supplier_organisation_numbers,
)
from .schemes import (
    suppliers_represented as suppliers_represented,
)
from .schemes import (
    suppliers_visible as suppliers_visible,
)
from .sickleave import (
    can_import_sick_leave_statistics as can_import_sick_leave_statistics,
)
from .sickleave import (
    can_prioritise_enterprises as can_prioritise_enterprises,
)
from .sickleave import (
    can_view_enterprise_sick_leave as can_view_enterprise_sick_leave,
)
from .sickleave import (
    can_view_iw_results as can_view_iw_results,
)
from .sickleave import (
    can_view_priority_line as can_view_priority_line,
)
from .sickleave import (
    can_view_sick_leave_aggregates as can_view_sick_leave_aggregates,
)
from .sickleave import (
    iw_results_counties as iw_results_counties,
)
from .sickleave import (
    iw_results_county as iw_results_county,
)
from .sickleave import (
    priority_lines_visible as priority_lines_visible,
)
