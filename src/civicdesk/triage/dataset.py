"""Labelled messages for the triage classifier: the shipped JSONL files, validated line by line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from civicdesk.core import reference_data as ref

DATA_DIR = Path(__file__).resolve().parent / "data"
TYPES = frozenset(code for code, _ar, _en in ref.CASE_TYPES)
SECTOR_OF = {code: sector for code, sector, *_rest in ref.CATEGORIES}
LANGUAGES = frozenset({"ar", "en", "mixed"})
FIELDS = ("text", "lang", "type", "sector", "category")


@dataclass(frozen=True)
class Example:
    """One labelled message."""

    text: str
    lang: str
    type: str
    sector: str
    category: str


def parse_line(line: str, *, where: str = "") -> Example:
    """One JSONL line as an Example, or ValueError saying what is wrong."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(row, dict) or set(row) != set(FIELDS):
        raise ValueError(f"{where}: keys must be exactly {', '.join(FIELDS)}")
    if not isinstance(row["text"], str) or not row["text"].strip():
        raise ValueError(f"{where}: empty text")
    if row["lang"] not in LANGUAGES or row["type"] not in TYPES or row["category"] not in SECTOR_OF:
        raise ValueError(f"{where}: unknown lang, type or category")
    if SECTOR_OF[row["category"]] != row["sector"]:
        raise ValueError(f"{where}: category {row['category']} is not in sector {row['sector']}")
    return Example(**{field: row[field].strip() if field == "text" else row[field] for field in FIELDS})


def read_jsonl(path: Path) -> list[Example]:
    """Every example of one file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [
            parse_line(line, where=f"{path.name}:{number}")
            for number, line in enumerate(handle, start=1)
            if line.strip()
        ]


def shipped_examples(split: str = "train") -> list[Example]:
    """The examples the project ships for `split` ("train" or "heldout")."""
    return [example for path in sorted((DATA_DIR / split).glob("*.jsonl")) for example in read_jsonl(path)]
