"""Citizen tracking: by link, by reference and one-time code, the case page, its actions and photos."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicdesk.accounts.models import OneTimeCode
from civicdesk.cases.models import Case, Message, Rating, Status
from civicdesk.cases.photos import clean_photo, store_photo
from civicdesk.cases.services import (
    add_internal_note,
    answer_case,
    close_case,
    request_information,
    submit_case,
)
from civicdesk.notify.sms import MemorySmsBackend
from tests.cases.conftest_citizen import (
    HTML_LANG,
    jpeg_bytes,
    photo_upload,
    private_media,  # noqa: F401  (fixture)
    url,
)
from tests.conftest import submission

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]


def unlock(client, case: Case, language: str = "ar"):  # type: ignore[no-untyped-def]
    return client.get(url("track_case", language, case.reference, case.tracking_token))


def detail(client, case: Case, language: str = "ar"):  # type: ignore[no-untyped-def]
    return client.get(url("track_detail", language, case.reference))


def code_messages() -> list[str]:
    return [sms["body"] for sms in MemorySmsBackend.outbox if sms["reference"].startswith("otp")]


def sms_code() -> str:
    return re.search(r"\b(\d{6})\b", code_messages()[-1]).group(1)


# By link.


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_link_unlocks_the_case_and_drops_the_token(client, citizen_case, language):
    response = unlock(client, citizen_case, language)
    assert response.status_code == 302
    assert response["Location"] == url("track_detail", language, citizen_case.reference)
    page = detail(client, citizen_case, language)
    html = page.content.decode()
    assert page.status_code == 200 and HTML_LANG[language] in html
    assert html.count("<h1") == 1
    assert f'<bdi dir="ltr">{citizen_case.reference}</bdi>' in html
    assert citizen_case.tracking_token not in html
    assert 'class="tag tag--triaged"' in html
    assert citizen_case.entity.name_en in html or citizen_case.entity.name_ar in html
    assert ("AH" in html) if language == "en" else ("هـ" in html)
    assert page["Cache-Control"].startswith("no-store")


def test_a_forged_token_looks_exactly_like_an_unknown_reference(client, citizen_case):
    forged = client.get(url("track_case", "ar", citizen_case.reference, "x" * 24))
    other = Case(reference="TW-26-7K3M9QK", tracking_token="y" * 24)
    unknown = client.get(url("track_case", "ar", other.reference, other.tracking_token))
    assert forged.status_code == unknown.status_code == 404
    assert forged.content == unknown.content
    assert detail(client, citizen_case)["Location"] == url("track_lookup")


def test_the_case_page_needs_the_session_to_have_unlocked_it(client, citizen_case):
    assert detail(client, citizen_case)["Location"] == url("track_lookup")


# By reference and one-time code.


def _ask_for_code(client, reference: str, captured):  # type: ignore[no-untyped-def]
    with captured(execute=True):
        return client.post(url("track_lookup", "en"), {"reference": reference})


def test_reference_and_code_unlock_the_case(client, citizen_case, django_capture_on_commit_callbacks):
    typed = citizen_case.reference.lower().replace("-", " ").replace("2", "٢")
    response = _ask_for_code(client, typed, django_capture_on_commit_callbacks)
    assert response["Location"] == url("track_code", "en")
    assert MemorySmsBackend.outbox[-1]["to"] == citizen_case.contact_phone
    page = client.get(url("track_code", "en")).content.decode()
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    arabic_code = sms_code().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    verified = client.post(url("track_code", "en"), {"code": arabic_code})
    assert verified["Location"] == url("track_detail", "en", citizen_case.reference)
    assert detail(client, citizen_case, "en").status_code == 200
    row = OneTimeCode.objects.get()
    assert row.used_at is not None and sms_code() not in row.code_hash


def test_an_unknown_reference_gets_the_same_answer_and_no_message(
    client, citizen_case, django_capture_on_commit_callbacks
):
    known = _ask_for_code(client, citizen_case.reference, django_capture_on_commit_callbacks)
    known_page = client.get(url("track_code", "en")).content.decode()
    MemorySmsBackend.outbox.clear()
    stranger = type(client)()
    unknown = _ask_for_code(stranger, "TW-26-7K3M9QK", django_capture_on_commit_callbacks)
    unknown_page = stranger.get(url("track_code", "en")).content.decode()
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert code_messages() == []

    def strip(html: str, reference: str) -> str:
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html).replace(reference, "REF")

    assert strip(known_page, citizen_case.reference) == strip(unknown_page, "TW-26-7K3M9QK")


def test_a_malformed_reference_is_an_error_on_the_field(client):
    response = client.post(url("track_lookup", "en"), {"reference": "hello"})
    assert response.status_code == 400
    assert "for example TW-26-7K3M9QK" in response.content.decode()


def test_wrong_code_is_refused_and_five_wrong_tries_burn_the_code(
    client, citizen_case, django_capture_on_commit_callbacks
):
    _ask_for_code(client, citizen_case.reference, django_capture_on_commit_callbacks)
    code = sms_code()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        response = client.post(url("track_code", "en"), {"code": wrong})
        assert response.status_code == 400
        assert "The code is not right" in response.content.decode()
    assert client.post(url("track_code", "en"), {"code": code}).status_code == 400
    assert detail(client, citizen_case)["Location"] == url("track_lookup")


def test_an_expired_code_is_refused(client, django_capture_on_commit_callbacks, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False)
    case = submit_case(submission=submission(), channel="web_form")
    _ask_for_code(client, case.reference, django_capture_on_commit_callbacks)
    time_machine.shift(dt.timedelta(minutes=10, seconds=1))
    assert client.post(url("track_code", "en"), {"code": sms_code()}).status_code == 400


def test_a_used_code_does_not_work_again(client, citizen_case, django_capture_on_commit_callbacks):
    _ask_for_code(client, citizen_case.reference, django_capture_on_commit_callbacks)
    code = sms_code()
    assert client.post(url("track_code", "en"), {"code": code}).status_code == 302
    other = type(client)()
    session = other.session
    session["track_pending"] = citizen_case.reference
    session.save()
    assert other.post(url("track_code", "en"), {"code": code}).status_code == 400


@pytest.mark.parametrize("known", [True, False])
def test_at_most_three_codes_per_reference_in_fifteen_minutes(
    client, citizen_case, django_capture_on_commit_callbacks, known
):
    reference = citizen_case.reference if known else "TW-26-7K3M9QK"
    for _ in range(3):
        assert _ask_for_code(client, reference, django_capture_on_commit_callbacks).status_code == 302
    capped = _ask_for_code(client, reference, django_capture_on_commit_callbacks)
    assert capped.status_code == 429 and capped["Retry-After"] == "900"
    assert "too many codes" in capped.content.decode()
    assert len(code_messages()) == (3 if known else 0)


def test_the_code_goes_by_email_when_there_is_no_mobile(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    case = submit_case(submission=submission(contact_phone=""), channel="web_form")
    mailoutbox.clear()
    _ask_for_code(client, case.reference, django_capture_on_commit_callbacks)
    assert mailoutbox[-1].to == ["fatima@example.com"]
    assert re.search(r"\b\d{6}\b", mailoutbox[-1].body)


def test_the_code_page_without_a_lookup_goes_back_to_it(client):
    assert client.get(url("track_code"))["Location"] == url("track_lookup")


# The case page.


def test_internal_notes_never_reach_the_citizen(client, citizen_case, agent_a):
    add_internal_note(case=citizen_case, actor=agent_a, body="INTERNAL-NOTE-do-not-show")
    answer_case(case=citizen_case, actor=agent_a, body="The lights were repaired on Sunday.")
    unlock(client, citizen_case)
    html = detail(client, citizen_case, "en").content.decode()
    assert "INTERNAL-NOTE-do-not-show" not in html
    assert "The lights were repaired on Sunday." in html
    assert agent_a.username not in html


def test_user_text_is_escaped_on_the_case_page(client):
    case = submit_case(
        submission=submission(description='<script>alert("x")</script> and <img src=x onerror=alert(1)>'),
        channel="web_form",
    )
    unlock(client, case)
    html = detail(client, case).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def _case_with(n: int, agent) -> Case:  # type: ignore[no-untyped-def]
    case = submit_case(submission=submission(), channel="web_form", photos=[_photo()])
    for i in range(n):
        request_information(case=case, actor=agent, body=f"Question {i}")
        message = Message.objects.create(case=case, kind=Message.Kind.CITIZEN, body=f"Answer {i}")
        store_photo(case=case, photo=_photo(), message=message)
        case.refresh_from_db()
        case.status = Status.IN_PROGRESS
        case.clock_paused_at = None
        case.save()
    answer_case(case=case, actor=agent, body="Done")
    return case


def _photo():  # type: ignore[no-untyped-def]
    import io

    return clean_photo(io.BytesIO(jpeg_bytes()))


def test_the_case_page_runs_a_fixed_number_of_queries(client, agent_a, django_assert_max_num_queries):
    small, large = _case_with(3, agent_a), _case_with(30, agent_a)
    counts = []
    for case in (small, large):
        unlock(client, case)
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(8):
            response = detail(client, case, "en")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    html = detail(client, large, "en").content.decode()
    assert html.count('class="message message--citizen"') == 31  # description + 30 replies
    assert html.count("<img ") == 31


# Actions.


def test_adding_information_restarts_a_paused_clock(client, agent_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC))  # a Sunday
    citizen_case = submit_case(submission=submission(), channel="web_form")
    request_information(case=citizen_case, actor=agent_a, body="Which pole number?")
    citizen_case.refresh_from_db()
    due_before = citizen_case.due_at
    unlock(client, citizen_case)
    page = detail(client, citizen_case, "en").content.decode()
    assert "Send the information we asked for" in page and "Which pole number?" in page
    time_machine.shift(dt.timedelta(days=2))  # two working days later; the old session has expired
    unlock(client, citizen_case)
    response = client.post(
        url("track_add_information", "en", citizen_case.reference),
        {"body": "Pole 17, next to the mosque.", "photos": [photo_upload()]},
    )
    assert response["Location"] == url("track_detail", "en", citizen_case.reference)
    citizen_case.refresh_from_db()
    assert citizen_case.status == Status.IN_PROGRESS
    assert citizen_case.due_at > due_before
    message = citizen_case.messages.get(kind=Message.Kind.CITIZEN)
    assert message.body == "Pole 17, next to the mosque."
    assert citizen_case.attachments.filter(message=message).count() == 1
    page = detail(client, citizen_case, "en").content.decode()
    assert "We have added your information to the case." in page


def test_adding_nothing_is_an_error(client, citizen_case):
    unlock(client, citizen_case)
    response = client.post(url("track_add_information", "en", citizen_case.reference), {"body": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error:" in html and 'href="#id_body"' in html
    assert not citizen_case.messages.exists()


def test_adding_information_to_a_closed_case_is_refused(client, citizen_case, agent_a):
    answer_case(case=citizen_case, actor=agent_a, body="Fixed.")
    close_case(case=citizen_case, actor=agent_a)
    unlock(client, citizen_case)
    assert "id_body" not in detail(client, citizen_case, "en").content.decode()
    response = client.post(url("track_add_information", "en", citizen_case.reference), {"body": "More"})
    assert response.status_code == 409
    assert "This case is closed." in response.content.decode()
    assert not citizen_case.messages.filter(kind=Message.Kind.CITIZEN).exists()


def test_actions_are_post_only_and_need_the_session(client, citizen_case):
    assert client.get(url("track_rate", "en", citizen_case.reference)).status_code == 405
    response = client.post(url("track_rate", "en", citizen_case.reference), {"score": "5"})
    assert response["Location"] == url("track_lookup", "en")
    assert not Rating.objects.exists()


def test_rating_once_per_stage(client, citizen_case, agent_a):
    unlock(client, citizen_case)
    assert 'name="score"' not in detail(client, citizen_case).content.decode()
    early = client.post(url("track_rate", "en", citizen_case.reference), {"score": "4"})
    assert early.status_code == 409
    answer_case(case=citizen_case, actor=agent_a, body="Fixed.")
    assert 'name="score"' in detail(client, citizen_case).content.decode()
    first = client.post(url("track_rate", "en", citizen_case.reference), {"score": "4", "comment": "Quick"})
    assert first.status_code == 302
    assert 'name="score"' not in detail(client, citizen_case).content.decode()
    again = client.post(url("track_rate", "en", citizen_case.reference), {"score": "1"})
    assert again.status_code == 409
    assert "already rated" in again.content.decode()
    assert Rating.objects.get(case=citizen_case).score == 4


def test_rating_must_be_one_to_five(client, citizen_case, agent_a):
    answer_case(case=citizen_case, actor=agent_a, body="Fixed.")
    unlock(client, citizen_case)
    response = client.post(url("track_rate", "en", citizen_case.reference), {"score": "9"})
    assert response.status_code == 400 and 'href="#id_score_0"' in response.content.decode()
    assert not Rating.objects.exists()


def test_second_look_reopens_at_stage_two_with_a_new_deadline(client, agent_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC))
    citizen_case = submit_case(submission=submission(), channel="web_form")
    answer_case(case=citizen_case, actor=agent_a, body="Fixed.")
    time_machine.shift(dt.timedelta(days=20))
    unlock(client, citizen_case)
    assert 'name="reason"' in detail(client, citizen_case).content.decode()
    response = client.post(
        url("track_second_look", "en", citizen_case.reference), {"reason": "The light is still off."}
    )
    assert response.status_code == 302
    citizen_case.refresh_from_db()
    assert citizen_case.status == Status.REOPENED and citizen_case.stage == 2
    assert citizen_case.due_at > dt.datetime(2026, 3, 21, tzinfo=dt.UTC)
    html = detail(client, citizen_case, "en").content.decode()
    assert "A supervisor is taking a second look" in html and 'name="reason"' not in html
    again = client.post(url("track_second_look", "en", citizen_case.reference), {"reason": "Again"})
    assert again.status_code == 409


def test_second_look_needs_a_reason(client, citizen_case, agent_a):
    answer_case(case=citizen_case, actor=agent_a, body="Fixed.")
    unlock(client, citizen_case)
    response = client.post(url("track_second_look", "en", citizen_case.reference), {"reason": "  "})
    assert response.status_code == 400
    citizen_case.refresh_from_db()
    assert citizen_case.status == Status.ANSWERED


# Photos.


def test_photos_are_served_only_to_the_session_that_unlocked_the_case(client, agent_a):
    case = submit_case(submission=submission(), channel="web_form", photos=[_photo()])
    staff_only = store_photo(case=case, photo=_photo(), from_citizen=False)
    photo = case.attachments.get(from_citizen=True)
    photo_url = url("track_photo", "en", case.reference, photo.id)
    assert client.get(photo_url).status_code == 404
    unlock(client, case)
    inline = client.get(photo_url)
    assert inline.status_code == 200 and inline["Content-Type"] == "image/jpeg"
    assert inline["Content-Disposition"].startswith("inline")
    assert inline["X-Content-Type-Options"] == "nosniff" and inline["Cache-Control"] == "no-store, private"
    assert client.get(photo_url + "?download=1")["Content-Disposition"].startswith("attachment")
    assert client.get(url("track_photo", "en", case.reference, staff_only.id)).status_code == 404
    assert str(staff_only.id) not in detail(client, case, "en").content.decode()
    other = submit_case(submission=submission(), channel="web_form")
    assert client.get(url("track_photo", "en", other.reference, photo.id)).status_code == 404


@pytest.mark.parametrize("language", ["ar", "en"])
def test_lookup_and_code_pages_are_question_pages(client, language):
    lookup = client.get(url("track_lookup", language)).content.decode()
    assert HTML_LANG[language] in lookup and lookup.count("<h1") == 1 and 'class="back-link"' in lookup
    assert re.search(r'<input[^>]*name="reference"[^>]*dir="ltr"', lookup)
    client.post(url("track_lookup", language), {"reference": "TW-26-7K3M9QK"})
    code = client.get(url("track_code", language)).content.decode()
    assert HTML_LANG[language] in code and code.count("<h1") == 1
    assert '<bdi dir="ltr">TW-26-7K3M9QK</bdi>' in code
