"""Operations: health probes, security headers, settings refusal, JSON logs."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest


def test_healthz_answers_without_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"


@pytest.mark.django_db
def test_readyz_reports_a_broken_database(client, monkeypatch):
    from django.db import connection

    def broken(*_args, **_kwargs):
        raise RuntimeError("down")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_security_headers_on_a_page(client):
    response = client.get("/ar/", secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'"):
        assert directive in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in response["Strict-Transport-Security"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert len(response["X-Request-ID"]) >= 16


@pytest.mark.django_db
def test_request_id_is_kept_when_well_formed_and_replaced_when_not(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abcd1234-ef"})["X-Request-ID"] == "abcd1234-ef"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\n"})["X-Request-ID"] != "bad id\n"


def test_cookies_are_host_prefixed_and_secure_in_production():
    from django.conf import settings

    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.DEBUG is False


def test_argon2_is_the_production_hasher():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICDESK_")}
    env["CIVICDESK_SECRET_KEY"] = "k" * 50
    code = "from civicdesk import settings; print(settings.PASSWORD_HASHERS[0])"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize(
    "secret", [None, "", "short", "civicdesk-development-only-key-never-use-in-production"]
)
def test_refuses_to_start_in_production_with_a_default_or_weak_secret(secret):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICDESK_")}
    if secret is not None:
        env["CIVICDESK_SECRET_KEY"] = secret
    out = subprocess.run(
        [sys.executable, "-c", "import civicdesk.settings"], env=env, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "CIVICDESK_SECRET_KEY" in out.stderr


def test_debug_mode_allows_the_development_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICDESK_")}
    env["CIVICDESK_DEBUG"] = "1"
    code = "from civicdesk import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True False"


@pytest.mark.django_db
def test_logs_are_json_lines_with_time_level_and_request_id(client):
    from django.conf import settings

    handler_config = settings.LOGGING["formatters"]["json"]
    formatter_class = handler_config["()"]
    module_name, _sep, class_name = formatter_class.rpartition(".")
    formatter = getattr(__import__(module_name, fromlist=[class_name]), class_name)(
        **{k: v for k, v in handler_config.items() if k != "()"}
    )
    from civicdesk.web.middleware import RequestIdLogFilter, _request_id

    token = _request_id.set("req-1234567890")
    try:
        record = logging.LogRecord("civicdesk.test", logging.INFO, __file__, 1, "hello %s", ("world",), None)
        RequestIdLogFilter().filter(record)
        line = json.loads(formatter.format(record))
    finally:
        _request_id.reset(token)
    assert line["message"] == "hello world"
    assert line["level"] == "INFO"
    assert line["request_id"] == "req-1234567890"
    assert line["ts"].endswith(("+00:00", "Z"))
