"""Staff-assisted intake: caller lookup, every staff channel recorded, the slip, clear errors."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Case
from civicdesk.core import reference_data as ref
from civicdesk.core.models import AuditEntry
from tests.cases.staff_support import make_case

pytestmark = pytest.mark.django_db
STAFF_CHANNELS = [code for code, *_rest, staff_entry in ref.CHANNELS if staff_entry]
FORM = {
    "case_type": "complaint",
    "category": "street_lighting",
    "description": "The caller says the lights on Road 45 are out.",
    "area": "isa_town",
    "block": "804",
    "contact_name": "Ali Hasan",
    "contact_phone": "36123456",
    "contact_language": "ar",
    "contact_channel": "both",
}


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("channel", STAFF_CHANNELS)
def test_each_staff_channel_is_recorded_and_the_case_routed_at_once(client, agent_a, channel):
    client.force_login(agent_a)
    response = client.post(url("staff:intake"), FORM | {"channel": channel})
    assert response.status_code == 302 and response.url == url("staff:intake_slip")
    case = Case.objects.get()
    assert (case.channel_id, case.triage_state, case.status) == (channel, "staff", "triaged")
    assert case.events.get(action="submitted").actor == agent_a
    slip = client.get(url("staff:intake_slip")).content.decode()
    assert case.reference in slip and "sent to the person" in slip


def test_the_caller_lookup_finds_earlier_cases_by_phone_or_cpr_and_is_audited(client, agent_a, agent_b):
    mine = make_case(contact_phone="+97336123456", contact_cpr="880112345")
    theirs = make_case(category="electricity_water", contact_phone="+97336123456")  # another entity's
    client.force_login(agent_a)
    for query in ("3612 3456", "880112345"):
        page = client.get(url("staff:intake"), {"lookup": query})
        html = page.content.decode()
        assert mine.reference in html and theirs.reference not in html
    assert AuditEntry.objects.filter(action="pii.caller_lookup", actor=agent_a).count() == 2
    assert "No earlier cases" in client.get(url("staff:intake"), {"lookup": "39999999"}).content.decode()


def test_a_visitor_without_phone_or_email_gets_a_printed_slip(client, agent_a):
    client.force_login(agent_a)
    form = FORM | {"channel": "service_desk", "contact_phone": ""}
    assert client.post(url("staff:intake"), form).status_code == 302
    assert "print this slip" in client.get(url("staff:intake_slip")).content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_bad_input_is_refused_in_the_officers_language_and_writes_nothing(client, agent_a, language):
    client.force_login(agent_a)
    response = client.post(url("staff:intake", language), FORM | {"channel": "web_form", "block": "901"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'lang="{language}"' in html
    if language == "en":
        assert "Choose the channel it came by." in html and "Block 901 is not in" in html
    assert Case.objects.count() == 0
