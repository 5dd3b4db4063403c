import datetime, json
import pytest
from django.utils import timezone
from velferd.followup import services, selectors
from velferd.followup.models import PlanMeasure, IndividualPlan
from velferd.people.models import Person
from velferd.people import services as people
from velferd.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
T = timezone.localdate()

def test_qual(actor_of_login):
    vera = actor_of_login("veileder")
    jonas = Person.objects.get(given_name="Jonas")
    people.consent_give(actor=vera, person=jonas, partner_service="nav_state", purpose="x", starts_on=T, ends_on=T+datetime.timedelta(days=5))
    jonas = Person.objects.get(given_name="Jonas")
    a = services.qualification_assessment_record(actor=vera, person=jonas, outcome="offered")
    print("QUAL allowed for veileder with consent", a)
    mgr = actor_of_login("kontorleder")
    a = services.qualification_assessment_record(actor=mgr, person=jonas, outcome="offered")
    print("QUAL allowed for kontorleder with consent", a)

def test_done(actor_of_login):
    vera = actor_of_login("veileder")
    m = PlanMeasure.objects.get(plan__person__given_name="Maria")
    stale = PlanMeasure.objects.get(pk=m.pk)
    services.plan_measure_done(actor=vera, measure=m, done_on=T - datetime.timedelta(days=2))
    try:
        services.plan_measure_done(actor=vera, measure=stale)
        print("DONE twice allowed", PlanMeasure.objects.get(pk=m.pk).done_on)
    except Exception as e:
        print("refused", e)

def test_leak(actor_of_login):
    vera = actor_of_login("veileder")
    numbers = list(Person.objects.values_list("national_id", flat=True))
    for e in AuditEvent.objects.all():
        text = json.dumps([e.before, e.after, e.target_label, e.actor_label, e.target_id], ensure_ascii=False)
        for n in numbers:
            if n in text: print("LEAK", e, text)
    print("events", AuditEvent.objects.count())
