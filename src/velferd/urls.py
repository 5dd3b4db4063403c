from django.urls import include, path

from velferd.access import views as access_views
from velferd.api import api
from velferd.audit import views as audit_views
from velferd.citizen import views as citizen_views
from velferd.core import views as core_views
from velferd.enquiries import views as enquiry_views
from velferd.followup import views as followup_views
from velferd.organisation import views as organisation_views
from velferd.people import views as people_views
from velferd.start import views as start_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("start/", start_views.start, name="start"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("login/", access_views.LoginView.as_view(), name="login"),
    path("logout/", access_views.logout_view, name="logout"),
    path("account/", access_views.account, name="account"),
    path("account/tokens/", access_views.tokens, name="tokens"),
    path("account/tokens/<uuid:token_id>/revoke/", access_views.token_revoke, name="token_revoke"),
    path("users/", access_views.users, name="users"),
    path("users/<uuid:user_id>/", access_views.user_detail, name="user"),
    path("audit/", audit_views.events, name="audit_events"),
    path("ministry/", organisation_views.ministry, name="ministry"),
    path("offices/", organisation_views.directory, name="directory"),
    path(
        "agreements/missing-minimum/",
        organisation_views.agreements_missing_minimum,
        name="agreements_missing_minimum",
    ),
    path("offices/<str:unit_number>/", organisation_views.office, name="office"),
    path(
        "offices/<str:unit_number>/visiting/",
        organisation_views.office_visiting,
        name="office_visiting",
    ),
    path("offices/<str:unit_number>/agreement/", organisation_views.agreement, name="agreement"),
    path("iw-centres/", organisation_views.iw_centres, name="iw_centres"),
    # Staff: people and their follow-up
    path("people/", people_views.person_list, name="people"),
    path("people/new/", people_views.person_register, name="person_register"),
    path("people/<uuid:person_id>/", followup_views.overview, name="person"),
    path("people/<uuid:person_id>/consents/", people_views.person_consents, name="person_consents"),
    path(
        "people/<uuid:person_id>/activity-requirement/",
        followup_views.activity_requirement_page,
        name="activity_requirement",
    ),
    path("people/<uuid:person_id>/period/", followup_views.period_start, name="period_start"),
    path(
        "people/<uuid:person_id>/assessments/new/",
        followup_views.assessment_new,
        name="assessment_new",
    ),
    path(
        "people/<uuid:person_id>/activities/new/", followup_views.activity_new, name="activity_new"
    ),
    path("people/<uuid:person_id>/threads/new/", followup_views.thread_new, name="thread_new"),
    path("periods/<uuid:period_id>/assign/", followup_views.period_assign, name="period_assign"),
    path("periods/<uuid:period_id>/end/", followup_views.period_end, name="period_end"),
    path("assessments/<uuid:assessment_id>/", followup_views.assessment, name="assessment"),
    path(
        "assessments/<uuid:assessment_id>/letter/",
        followup_views.decision_letter,
        name="decision_letter",
    ),
    path("approvals/", followup_views.approvals, name="approvals"),
    path(
        "assessments/<uuid:assessment_id>/appeal/",
        followup_views.appeal_new,
        name="appeal_new",
    ),
    path("appeals/", followup_views.appeals, name="appeals"),
    path("appeals/<uuid:appeal_id>/", followup_views.appeal, name="appeal"),
    path("portfolio/", followup_views.portfolio_page, name="portfolio"),
    path("portfolio/saved/", followup_views.saved_filter_save, name="saved_filter_save"),
    path("plans/", followup_views.plans_page, name="plans"),
    path("people/<uuid:person_id>/notes/", followup_views.note_add, name="note_add"),
    path("plans/<uuid:plan_id>/", followup_views.plan_page, name="plan"),
    # Shared by the person and the office
    path("activities/<uuid:activity_id>/", followup_views.activity, name="activity"),
    path("threads/<uuid:thread_id>/", followup_views.thread, name="thread"),
    path(
        "consents/<uuid:consent_id>/withdraw/",
        people_views.consent_withdraw,
        name="consent_withdraw",
    ),
    # The Ministry's enquiries
    path("enquiries/new/", enquiry_views.enquiry_new, name="enquiry_new"),
    path("enquiries/sent/<str:reference>/", enquiry_views.enquiry_sent, name="enquiry_sent"),
    path("inbox/", enquiry_views.inbox, name="inbox"),
    path("inbox/<uuid:enquiry_id>/", enquiry_views.enquiry_detail, name="enquiry"),
    path("journal/", enquiry_views.journal, name="journal"),
    path("journal/new/", enquiry_views.journal_entry_new, name="journal_entry_new"),
    path("journal/<uuid:entry_id>/", enquiry_views.journal_entry, name="journal_entry"),
    # The Ministry's publications
    path("publications/", include("velferd.publications.urls")),
    # Inclusive Workplace support and sick-leave statistics
    path("employers/", include("velferd.employers.urls")),
    path("sick-leave/", include("velferd.sickleave.urls")),
    # Labour market schemes, their procurement and their money
    path("schemes/", include("velferd.schemes.urls")),
    path("procurement/", include("velferd.procurement.urls")),
    path("funding/", include("velferd.funding.urls")),
    path("participants/", include("velferd.participants.urls")),
    path("settlement/", include("velferd.settlement.urls")),
    # What became of people after schemes and follow-up, and what the schemes did
    path("results/", include("velferd.results.urls")),
    # The municipality's financial assistance (social services)
    path("assistance/", include("velferd.assistance.urls")),
    # The citizen's own pages
    path("me/", citizen_views.my_plan, name="my_plan"),
    path("me/dialogue/", citizen_views.my_dialogue, name="my_dialogue"),
    path("me/decisions/", citizen_views.my_decisions, name="my_decisions"),
    path(
        "me/decisions/<uuid:assessment_id>/appeal/",
        citizen_views.my_appeal_new,
        name="my_appeal_new",
    ),
    path("me/consents/", citizen_views.my_consents, name="my_consents"),
    path("me/access-log/", citizen_views.my_access_log, name="my_access_log"),
]

urlpatterns.append(path("oidc/", include("velferd.access.oidc.urls")))

handler403 = "velferd.core.views.forbidden"
handler404 = "velferd.core.views.not_found"
handler500 = "velferd.core.views.server_error"
