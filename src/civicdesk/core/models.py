"""Reference data shared by every app: entities, departments, places, case vocabulary, channels, calendar."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Bilingual(models.Model):
    """A row with a stable code and a name in Arabic and English."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if (get_language() or "ar").startswith("en") else self.name_ar


class Entity(Bilingual):
    """A ministry, authority or governorate that owns cases."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry or authority")
        GOVERNORATE = "governorate", _("Governorate")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MINISTRY)
    is_security = models.BooleanField(_("security entity"), default=False)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    head = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of entity"),
        help_text=_("Receives second-level escalations; empty means the entity's supervisors."),
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("entity")
        verbose_name_plural = _("entities")


class Department(models.Model):
    """A department inside an entity; cases are routed to one."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="departments")
    code = models.SlugField(_("code"), max_length=60)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    is_active = models.BooleanField(_("active"), default=True)
    head = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("head of department"),
        help_text=_("Receives first-level escalations; empty means the entity's supervisors."),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["entity_id", "code"]
        constraints = [models.UniqueConstraint(fields=["entity", "code"], name="department_code_per_entity")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if (get_language() or "ar").startswith("en") else self.name_ar


class Area(Bilingual):
    """A residential area of a governorate."""

    governorate = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        related_name="areas",
        limit_choices_to={"kind": Entity.Kind.GOVERNORATE},
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")


class Block(models.Model):
    """A numbered block (مجمع) of an area; block numbers are unique in Bahrain."""

    number = models.PositiveIntegerField(_("block number"), primary_key=True)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="blocks")

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["number"]

    def __str__(self) -> str:
        return str(self.number)


class CaseType(Bilingual):
    """Complaint, suggestion, inquiry, request or compliment."""

    class Meta(Bilingual.Meta):
        verbose_name = _("case type")
        verbose_name_plural = _("case types")


class Sector(Bilingual):
    """Security, service or social."""

    class Meta(Bilingual.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Category(Bilingual):
    """What a case is about; it decides the default entity and department."""

    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="categories")
    default_entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the case goes to the governorate of its area."),
    )
    default_department_code = models.SlugField(_("default department code"), max_length=60)
    description_ar = models.CharField(_("Arabic hint"), max_length=200, blank=True)
    description_en = models.CharField(_("English hint"), max_length=200, blank=True)

    class Meta(Bilingual.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    @property
    def is_confidential(self) -> bool:
        """Security cases are confidential."""
        return self.sector_id == "security"

    @property
    def description(self) -> str:
        return self.description_en if (get_language() or "ar").startswith("en") else self.description_ar


class Channel(Bilingual):
    """One of the 24 ways a case arrives."""

    entry_ar = models.CharField(_("how it enters (Arabic)"), max_length=200, blank=True)
    entry_en = models.CharField(_("how it enters (English)"), max_length=200, blank=True)
    staff_entry = models.BooleanField(_("entered by staff"), default=False)
    auto_route = models.BooleanField(
        _("trusted for automatic routing"),
        default=True,
        help_text=_("Cases from this channel are routed without a triage officer when the model is sure."),
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("channel")
        verbose_name_plural = _("channels")


class HolidayOverride(models.Model):
    """An announced change to the calendar: a moon-sighted holiday added, or a computed one cancelled."""

    date = models.DateField(_("date"), unique=True)
    is_holiday = models.BooleanField(
        _("is a holiday"), default=True, help_text=_("Untick to make a computed holiday a working day.")
    )
    name_ar = models.CharField(_("Arabic name"), max_length=120, blank=True)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("holiday override")
        verbose_name_plural = _("holiday overrides")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.name_en}"


class AuditEntry(models.Model):
    """An append-only record of a sensitive action: who, what, on which object, from where."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    entity = models.ForeignKey(Entity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise RuntimeError("The audit trail is append-only.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
