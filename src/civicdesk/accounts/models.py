"""Staff users scoped to an entity and department, and the citizen's one-time codes."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Department, Entity


class User(AbstractUser):
    """A member of staff. Citizens need no account: they track cases by link or one-time code."""

    class Role(models.TextChoices):
        AGENT = "agent", _("Case officer")
        TRIAGE = "triage", _("Triage officer")
        SUPERVISOR = "supervisor", _("Supervisor")
        NATIONAL_ADMIN = "national_admin", _("National administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.AGENT)
    entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("entity"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("department"),
    )
    preferred_language = models.CharField(_("language"), max_length=2, default="ar")

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    @property
    def is_national(self) -> bool:
        return self.role == self.Role.NATIONAL_ADMIN

    @property
    def is_supervisor(self) -> bool:
        return self.role in {self.Role.SUPERVISOR, self.Role.NATIONAL_ADMIN}

    @property
    def can_triage(self) -> bool:
        """Triage officers, supervisors and national administrators confirm or correct suggestions."""
        return self.role in {self.Role.TRIAGE, self.Role.SUPERVISOR, self.Role.NATIONAL_ADMIN}

    @property
    def sees_whole_entity(self) -> bool:
        return self.can_triage or self.department_id is None

    @property
    def sees_security(self) -> bool:
        """Security cases are confidential: security entities and national administrators only."""
        return self.is_national or bool(self.entity_id and self.entity and self.entity.is_security)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class OneTimeCode(models.Model):
    """A 6-digit code sent to a citizen: single use, short-lived, a few tries."""

    purpose = models.CharField(max_length=20)
    subject = models.CharField(max_length=64, help_text=_("What the code unlocks, e.g. a case reference."))
    code_hash = models.CharField(max_length=128)
    sent_to = models.CharField(max_length=120, help_text=_("Masked destination"))
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["purpose", "subject", "created_at"], name="otp_lookup")]

    def __str__(self) -> str:
        return f"{self.purpose}:{self.subject}"
