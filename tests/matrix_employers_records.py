"""The enterprises the employers and sick-leave rows of the access matrix act on, in
Vestland, each built at most once in a test when a row first asks for it (inside the
test's rolled-back transaction): one being assessed, which the login arbeidsgiver
represents; one active with its plan under way; one to assess; one with no cooperation."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import RoleAssignment, User
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.core.testing import login_actor
from velferd.employers import services
from velferd.employers.models import Enterprise, SubsidyBudget
from velferd.employers.tests.factories import (
    NEEDS,
    an_application,
    an_enterprise,
    being_assessed,
    in_municipality,
)

BERGEN = "bergen"  # the employer's own, assessing, with a survey and an application
FJORD = "fjord"  # active, plan under way, a partly granted subsidy
ASKOY = "askoy"  # to assess
VOSS = "voss"  # no cooperation
SYSTEM = system_actor("matrix")
_BUILT: dict[str, Enterprise] = {}


def _build_bergen() -> Enterprise:
    """Being assessed by ia-radgiver; the login arbeidsgiver represents it (and no other)."""
    enterprise = being_assessed(login_actor("ia-radgiver"), an_enterprise()).enterprise
    employer = User.objects.get(username="arbeidsgiver")
    RoleAssignment.objects.filter(user=employer, role=Role.EMPLOYER).update(is_active=False)
    role_assign(
        actor=SYSTEM,
        user=employer,
        role=Role.EMPLOYER,
        organisation_number=enterprise.organisation_number,
    )
    return enterprise


def _build_fjord() -> Enterprise:
    """Active, with its needs assessment closed, a sub-theme and a delivery planned, and a
    subsidy granted in part."""
    advisor, enterprise = login_actor("ia-radgiver"), an_enterprise()
    cooperation = services.cooperation_start(actor=advisor, enterprise=enterprise)
    for move in (services.cooperation_assess, services.cooperation_activate):
        cooperation = move(actor=advisor, cooperation=cooperation, version=cooperation.version)
    survey = services.survey_open(actor=advisor, cooperation=cooperation, kind="needs_assessment")
    for group in ("employee", "manager"):
        services.survey_answer(token=survey.token, group=group, answers=dict.fromkeys(NEEDS, 3))
    services.survey_close(actor=advisor, survey=survey)
    today = timezone.localdate()
    services.sub_theme_add(
        actor=advisor, cooperation=cooperation, theme="sick_leave", title="Rutiner",
        goal="Tidlig oppfølging", starts_on=today, ends_on=today.replace(year=today.year + 1),
    )  # fmt: skip
    services.delivery_add(
        actor=advisor, cooperation=cooperation, kind="training", deadline=today,
        description="Kurs for ledere",
    )  # fmt: skip
    ensure_budget()
    subsidy = an_application(enterprise, advisor)  # applied for in 2018
    subsidy = services.subsidy_assess(actor=advisor, subsidy=subsidy, version=subsidy.version)
    services.subsidy_grant(
        actor=advisor, subsidy=subsidy, version=subsidy.version, amount="60000.00"
    )
    return enterprise


def _build_askoy() -> Enterprise:
    enterprise = in_municipality("4627")
    services.cooperation_start(actor=login_actor("ia-radgiver"), enterprise=enterprise)
    return enterprise


BUILDERS: dict[str, Callable[[], Enterprise]] = {
    BERGEN: _build_bergen,
    FJORD: _build_fjord,
    ASKOY: _build_askoy,
    VOSS: an_enterprise,
}


def built_enterprise(name: str) -> Enterprise:
    """The enterprise of this name, built at most once in a test."""
    found = _BUILT.get(name)
    if found is None or not Enterprise.objects.filter(pk=found.pk).exists():
        found = _BUILT[name] = BUILDERS[name]()
    return found


def number_of(name: str) -> Callable[[str], str]:
    return lambda _: built_enterprise(name).organisation_number


def ensure_budget() -> SubsidyBudget:
    """Vestland's budget for this year, set if it has none; and its budget for 2018, the
    last year of prevention and facilitation subsidies, from which theirs are granted."""
    if not SubsidyBudget.objects.filter(county_id="46", year=2018).exists():
        services.budget_set(actor=SYSTEM, county_number="46", year=2018, amount="1000000.00")
    year = timezone.localdate().year
    budget = SubsidyBudget.objects.filter(county_id="46", year=year).first()
    return budget or services.budget_set(
        actor=SYSTEM, county_number="46", year=year, amount="3500000.00"
    )
