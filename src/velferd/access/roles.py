"""The roles of velferd and the organisation unit each one is bound to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER_STATE = "caseworker_state", _("Caseworker, state (veileder)")
    CASEWORKER_MUNICIPAL = "caseworker_municipal", _("Caseworker, municipal social services")
    APPROVER = "approver", _("Approver (beslutter)")
    OFFICE_MANAGER = "office_manager", _("Office manager")
    IW_ADVISOR = "iw_advisor", _("IW advisor")
    PARTNER = "partner", _("Partner from another service")
    SUPPLIER = "supplier", _("Supplier staff")
    EMPLOYER = "employer", _("Employer representative")
    CITIZEN = "citizen", _("Citizen")
    ANALYST = "analyst", _("Analyst")
    MINISTRY_STAFF = "ministry_staff", _("Ministry staff")
    ADMINISTRATOR = "administrator", _("Administrator")
    SCHEME_MANAGER = "scheme_manager", _("Scheme manager (tiltaksforvalter)")
    SETTLEMENT_OFFICER = "settlement_officer", _("Settlement officer, IMDi")
    SETTLEMENT_COORDINATOR = "settlement_coordinator", _("Settlement coordinator, municipality")


class PartnerService(models.TextChoices):
    GP = "gp", _("General practitioner (fastlege)")
    SPECIALIST_HEALTH = "specialist_health", _("Specialist health service")
    MUNICIPAL_HEALTH_CARE = "municipal_health_care", _("Municipal health and care services")
    FACT_TEAM = "fact_team", _("FACT team")
    FOLLOW_UP_SERVICE = "follow_up_service", _("County follow-up service (upper secondary)")
    CHILD_WELFARE = "child_welfare", _("Child welfare service")
    CHILD_COORDINATOR = "child_coordinator", _("Child coordinator")
    SCHOOL = "school", _("School")
    NAV_STATE = "nav_state", _("NAV's state services (to see social-services records)")


# The unit each role is bound to: the name of the RoleAssignment field that must be set.
OFFICE_ROLES = frozenset(
    {Role.CASEWORKER_STATE, Role.CASEWORKER_MUNICIPAL, Role.APPROVER, Role.OFFICE_MANAGER}
)
UNIT_FIELDS_BY_ROLE: dict[str, tuple[str, ...]] = {
    Role.CASEWORKER_STATE: ("office",),
    Role.CASEWORKER_MUNICIPAL: ("office",),
    Role.APPROVER: ("office",),
    Role.OFFICE_MANAGER: ("office",),
    Role.IW_ADVISOR: ("iw_centre",),
    Role.PARTNER: ("municipality", "partner_service"),
    Role.SUPPLIER: ("organisation_number",),
    Role.EMPLOYER: ("organisation_number",),
    Role.CITIZEN: (),
    Role.ANALYST: (),
    Role.MINISTRY_STAFF: ("department",),
    Role.ADMINISTRATOR: (),
    Role.SCHEME_MANAGER: (),
    Role.SETTLEMENT_OFFICER: (),
    Role.SETTLEMENT_COORDINATOR: ("municipality",),
}
# Units a role may be bound to but need not be: a scheme manager works for a county, or for
# the whole country when bound to none.
OPTIONAL_UNIT_FIELDS_BY_ROLE: dict[str, tuple[str, ...]] = {
    Role.SCHEME_MANAGER: ("county",),
    # IMDi's regional offices work for their counties; its head office for the country.
    Role.SETTLEMENT_OFFICER: ("county",),
}
ALL_UNIT_FIELDS = (
    "office",
    "iw_centre",
    "municipality",
    "partner_service",
    "organisation_number",
    "department",
    "county",
)
