"""The staff form for a new QR place."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Block
from civicdesk.intake.models import QrPlace


class QrPlaceForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = QrPlace
        fields = ["label_ar", "label_en", "area", "block", "road", "latitude", "longitude", "category"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        area, number = cleaned.get("area"), cleaned.get("block")
        if (
            area is not None
            and number is not None
            and not Block.objects.filter(number=number, area=area).exists()
        ):
            self.add_error(
                "block", _("Block %(block)s is not in %(area)s.") % {"block": number, "area": area.name}
            )
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both the latitude and the longitude, or neither."))
        return cleaned
