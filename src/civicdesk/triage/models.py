"""Triage officers' corrections, kept as labelled examples for the next model."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TriageCorrection(models.Model):
    """What the model suggested and what a triage officer decided: one labelled training example."""

    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=5)
    case_type = models.CharField(_("type"), max_length=40)
    sector = models.CharField(_("sector"), max_length=40)
    category = models.CharField(_("category"), max_length=40)
    suggested_type = models.CharField(max_length=40, blank=True)
    suggested_category = models.CharField(max_length=40, blank=True)
    suggested_confidence = models.FloatField(null=True, blank=True)
    model_version = models.CharField(max_length=40, blank=True)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("triage correction")
        verbose_name_plural = _("triage corrections")
        ordering = ["-corrected_at"]

    def __str__(self) -> str:
        return f"{self.suggested_category or '?'} → {self.category}"
