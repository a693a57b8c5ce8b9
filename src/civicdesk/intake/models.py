"""The "we come to you" QR service: a code bound to a place (and optionally a category)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Area, Category, Entity


def new_qr_token() -> str:
    return secrets.token_urlsafe(9)


class QrPlace(models.Model):
    """A printed QR code on a street sign, a park gate or a facility: scanning it opens a pre-filled form."""

    token = models.CharField(max_length=16, unique=True, default=new_qr_token, editable=False)
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, verbose_name=_("entity"))
    label_ar = models.CharField(_("place (Arabic)"), max_length=120)
    label_en = models.CharField(_("place (English)"), max_length=120)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, verbose_name=_("area"))
    block = models.PositiveIntegerField(_("block"), null=True, blank=True)
    road = models.CharField(_("road"), max_length=60, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("category (optional)")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("QR place")
        verbose_name_plural = _("QR places")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "ar").startswith("en") else self.label_ar
