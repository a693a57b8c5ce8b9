"""Open311 responses in XML (required) and JSON (a mechanical mapping): lists are bare arrays in JSON."""

from __future__ import annotations

import json
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from django.http import HttpResponse

XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


def _fill(parent: Element, name: str, value: Any) -> None:
    if isinstance(value, list):
        holder = SubElement(parent, name)
        singular = name[:-1] if name.endswith("s") else name
        for item in value:
            _fill(holder, singular, item)
        return
    child = SubElement(parent, name)
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(child, key, item)
    elif isinstance(value, bool):
        child.text = "true" if value else "false"
    elif value is not None:
        child.text = str(value)


def render(fmt: str, root: str, item: str | None, data: Any, *, status: int = 200) -> HttpResponse:
    """`data` as JSON, or as XML under `root` (with each list entry named `item`)."""
    if fmt == "json":
        return HttpResponse(json.dumps(data, ensure_ascii=False), status=status, content_type=JSON_TYPE)
    top = Element(root)
    if isinstance(data, list):
        for entry in data:
            _fill(top, item or "item", entry)
    else:
        for key, value in data.items():
            _fill(top, key, value)
    body = b'<?xml version="1.0" encoding="utf-8"?>' + tostring(top, encoding="unicode").encode()
    return HttpResponse(body, status=status, content_type=XML_TYPE)


def errors(fmt: str, status: int, *descriptions: str) -> HttpResponse:
    """The spec's error list: `[{"code": 400, "description": "..."}]` or `<errors><error>…`."""
    return render(
        fmt,
        "errors",
        "error",
        [{"code": status, "description": text} for text in descriptions],
        status=status,
    )
