"""Test settings: the real settings with a test key, plain-HTTP and a fast password hasher."""

import os

os.environ.setdefault("CIVICDESK_SECRET_KEY", "tests-only-secret-key-" + "x" * 40)

from civicdesk.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "civicdesk.notify.sms.MemorySmsBackend"
PRIVATE_MEDIA_ROOT = Path(os.environ.get("CIVICDESK_TEST_MEDIA", "/tmp/civicdesk-test-media"))  # noqa: F405
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
STATIC_ROOT = BASE_DIR / "web" / "static"  # noqa: F405  (exists; silences WhiteNoise in tests)
