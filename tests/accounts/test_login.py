"""Staff sign-in and sign-out, and their audit trail (never a password in it)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.core.models import AuditEntry
from tests.conftest import PASSWORD


def _login(client, username: str, password: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("staff:login"), {"username": username, "password": password, **extra})


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_login_page_renders_in_both_languages(client, db, language, direction):
    with translation.override(language):
        url = reverse("staff:login")
    html = client.get(url).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count("<h1") == 1
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert '<label for="id_username">' in html and '<label for="id_password">' in html


def test_login_success_goes_to_the_inbox_and_is_audited(client, agent_a):
    response = _login(client, "agent_a", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("staff:inbox")
    entry = AuditEntry.objects.get(action="auth.login")
    assert (entry.actor, entry.entity_id, entry.object_id) == (agent_a, "works", str(agent_a.pk))
    assert client.get(reverse("staff:inbox")).status_code == 200


def test_login_follows_a_safe_next_only(client, agent_a, citizen_case):
    target = reverse("staff:case", args=[citizen_case.reference])
    assert _login(client, "agent_a", PASSWORD, next=target).url == target
    client.logout()
    assert _login(client, "agent_a", PASSWORD, next="https://evil.example/").url == reverse("staff:inbox")


def test_login_failure_is_audited_without_the_password(client, agent_a):
    response = _login(client, "agent_a", "wrong password 123")
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.actor is None and entry.actor_label == "anonymous"
    assert entry.data == {"username": "agent_a"}
    assert not AuditEntry.objects.filter(action="auth.login").exists()
    for row in AuditEntry.objects.values_list("data", flat=True):
        assert "wrong password" not in str(row) and PASSWORD not in str(row)


def test_unknown_user_and_wrong_password_look_the_same(client, agent_a):
    unknown = _login(client, "nobody", "wrong password 123")
    wrong = _login(client, "agent_a", "wrong password 123")
    assert unknown.status_code == wrong.status_code == 200
    strip = lambda r, name: r.content.decode().replace(name, "")  # noqa: E731
    without_token = [
        "\n".join(line for line in strip(r, n).splitlines() if "csrfmiddlewaretoken" not in line)
        for r, n in ((unknown, "nobody"), (wrong, "agent_a"))
    ]
    assert without_token[0] == without_token[1]


def test_logout_is_post_only_and_audited(client, agent_a):
    client.force_login(agent_a)
    assert client.get(reverse("staff:logout")).status_code == 405
    assert client.get(reverse("staff:inbox")).status_code == 200
    response = client.post(reverse("staff:logout"))
    assert response.status_code == 302 and response.url == reverse("staff:login")
    entry = AuditEntry.objects.get(action="auth.logout")
    assert entry.actor == agent_a
    inbox = client.get(reverse("staff:inbox"))
    assert inbox.status_code == 302 and inbox.url.startswith(reverse("staff:login"))


def test_signed_in_staff_skip_the_login_page(client, agent_a):
    client.force_login(agent_a)
    response = client.get(reverse("staff:login"))
    assert response.status_code == 302 and response.url == reverse("staff:inbox")


def test_staff_pages_offer_sign_out(client, agent_a):
    client.force_login(agent_a)
    html = client.get(reverse("staff:inbox")).content.decode()
    assert f'action="{reverse("staff:logout")}"' in html
