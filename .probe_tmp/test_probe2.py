import json, re
import pytest
from velferd.people.models import Person
from velferd.audit.models import AuditEvent, AccessEvent
pytestmark = pytest.mark.django_db

def test_leak2():
    numbers = list(Person.objects.values_list("national_id", flat=True))
    for e in AuditEvent.objects.all():
        text = json.dumps([e.before, e.after, e.target_label, e.actor_label, e.target_id, e.request_id], ensure_ascii=False)
        for n in numbers:
            for form in (n, n[:6]+" "+n[6:], n[:6]+"-"+n[6:], n[6:]):
                if form in text and len(form) > 5: print("LEAK", e, form)
    for e in AccessEvent.objects.all():
        text = " ".join([e.actor_label, e.subject_id, e.what, e.purpose, e.actor_unit])
        for n in numbers:
            if n in text: print("ALEAK", e)
    print(AuditEvent.objects.values_list("action", flat=True).distinct().count())
    print(sorted(set(AuditEvent.objects.values_list("action", flat=True))))
