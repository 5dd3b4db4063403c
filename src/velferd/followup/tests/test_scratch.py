import json
import pytest
pytestmark = pytest.mark.django_db
from velferd.people.models import Person
HARD = (
    "Arbeidsevnevurderingsprosessen dokumenterer funksjonsnedsettelsesrelaterte "
    "tilretteleggingsbehov, arbeidsmarkedstiltaksdeltakelsesmuligheter, "
    "kompetansehevingsprogrammer og langtidssykmeldingsoppfølgingsrutiner, "
    "inkluderingstilskuddsordninger samt lønnstilskuddsforvaltningsbestemmelser"
)
def test_x(client_as):
    c = client_as("veileder")
    for n in (1,3,5,8):
        r = c.post("/api/v1/followup/assessments", data=json.dumps({"person": str(Person.objects.get(given_name="Ahmed").pk), "need_group":"standard","main_goal":"get_work","reasoning": " ".join([HARD]*n)+"."}), content_type="application/json")
        print(n, r.json()["letter"]["lix"])
