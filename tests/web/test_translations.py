"""Bilingual parity: every message in the code has an Arabic translation, and the catalogue is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "civicdesk"
PO = SRC / "locale" / "ar" / "LC_MESSAGES" / "django.po"
_ENTRY = re.compile(
    r'(?:^#, (?P<flags>.*)\n)?^msgid (?P<id>(?:".*"\n)+)'
    r'(?:msgid_plural .*\n)?^msgstr(?:\[0\])? (?P<str>(?:".*"\n)+)',
    re.M,
)


def _join(block: str) -> str:
    return "".join(line.strip()[1:-1] for line in block.strip().splitlines())


def catalogue(path: Path) -> dict[str, tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    return {
        _join(m["id"]): (_join(m["str"]), m["flags"] or "") for m in _ENTRY.finditer(text) if _join(m["id"])
    }


def test_every_arabic_message_is_translated_and_not_fuzzy():
    entries = catalogue(PO)
    assert len(entries) > 100
    untranslated = [msgid for msgid, (msgstr, _flags) in entries.items() if not msgstr]
    fuzzy = [msgid for msgid, (_msgstr, flags) in entries.items() if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    for msgid, (msgstr, _flags) in catalogue(PO).items():
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", msgstr)), msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools are not installed")
def test_catalogue_lists_every_message_in_the_code(tmp_path):
    copy = tmp_path / "civicdesk"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "civicdesk.cli",
            "makemessages",
            "-l",
            "ar",
            "--no-obsolete",
            "--ignore",
            "migrations/*",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        env={"CIVICDESK_DEBUG": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(SRC.parent)},
    )
    fresh = set(catalogue(copy / "locale" / "ar" / "LC_MESSAGES" / "django.po"))
    committed = set(catalogue(PO))
    assert sorted(fresh - committed) == [], "run makemessages and translate the new strings"
