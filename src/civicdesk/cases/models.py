"""The case, its append-only event log, messages, photos, ratings and response templates."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Area, CaseType, Category, Channel, Department, Entity, Sector
from civicdesk.core.validators import mask_cpr, mask_phone


class Status(models.TextChoices):
    NEW = "new", _("Received")
    TRIAGED = "triaged", _("Routed")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_CITIZEN = "awaiting_citizen", _("Waiting for your reply")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Second look")
    TRANSFERRED = "transferred", _("Transferred")
    REJECTED = "rejected", _("Not our responsibility")
    DUPLICATE = "duplicate", _("Duplicate")


OPEN_STATUSES = frozenset(
    {
        Status.NEW,
        Status.TRIAGED,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.AWAITING_CITIZEN,
        Status.REOPENED,
        Status.TRANSFERRED,
    }
)


class TriageState(models.TextChoices):
    PENDING = "pending", _("Waiting for triage")
    AUTO = "auto", _("Routed automatically")
    CONFIRMED = "confirmed", _("Suggestion confirmed")
    CORRECTED = "corrected", _("Corrected by triage")
    STAFF = "staff", _("Classified by staff at intake")


class SlaState(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    BREACHED = "breached", _("Overdue")


class Case(models.Model):
    """A suggestion, complaint, inquiry, request or compliment from a citizen or resident."""

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    tracking_token = models.CharField(max_length=32)
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, verbose_name=_("type"))
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, verbose_name=_("sector"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, verbose_name=_("category"))
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="cases", verbose_name=_("entity")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("department")
    )
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, verbose_name=_("channel"))
    area = models.ForeignKey(Area, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("area"))
    block = models.PositiveIntegerField(_("block"), null=True, blank=True)
    road = models.CharField(_("road"), max_length=60, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, default="ar")
    description = models.TextField(_("description"))
    search_text = models.TextField(editable=False, default="")

    contact_name = models.CharField(_("name"), max_length=120)
    contact_cpr = models.CharField(_("CPR number"), max_length=9, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=16, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_language = models.CharField(_("preferred language"), max_length=2, default="ar")
    contact_channel = models.CharField(
        _("updates by"),
        max_length=5,
        choices=[("both", _("SMS and e-mail")), ("sms", _("SMS")), ("email", _("E-mail"))],
        default="both",
    )

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    stage = models.PositiveSmallIntegerField(_("stage"), default=1)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )

    created_at = models.DateTimeField(_("received"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    due_at = models.DateTimeField(_("deadline"))
    stage_one_due_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="The first deadline, kept when a second look starts."
    )
    clock_paused_at = models.DateTimeField(null=True, blank=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    triage_state = models.CharField(
        _("triage"), max_length=10, choices=TriageState.choices, default=TriageState.PENDING
    )
    suggestion = models.JSONField(_("triage suggestion"), default=dict, blank=True)

    deadline_unit = models.CharField(max_length=5, default="days")
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    at_risk_at = models.DateTimeField(null=True, blank=True)
    sla_state = models.CharField(
        _("service level"), max_length=10, choices=SlaState.choices, default=SlaState.ON_TRACK
    )
    escalation_level = models.PositiveSmallIntegerField(_("escalation level"), default=0)
    first_response_late = models.BooleanField(default=False)
    next_sla_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["entity", "-created_at"], name="case_entity_recent"),
            models.Index(fields=["entity", "status", "-created_at"], name="case_entity_status"),
            models.Index(fields=["entity", "department", "-created_at"], name="case_entity_dept"),
            models.Index(fields=["entity", "category"], name="case_entity_category"),
            models.Index(fields=["entity", "channel"], name="case_entity_channel"),
            models.Index(fields=["entity", "area"], name="case_entity_area"),
            models.Index(fields=["entity", "case_type"], name="case_entity_type"),
            models.Index(fields=["entity", "sector"], name="case_entity_sector"),
            models.Index(fields=["entity", "due_at"], name="case_entity_due"),
            models.Index(fields=["entity", "stage"], name="case_entity_stage"),
            models.Index(fields=["assigned_to", "status"], name="case_assignee_status"),
            models.Index(fields=["contact_phone"], name="case_contact_phone"),
            models.Index(fields=["contact_cpr"], name="case_contact_cpr"),
            models.Index(fields=["entity", "triage_state"], name="case_entity_triage"),
            models.Index(
                fields=["next_sla_at"], name="case_sla_due", condition=models.Q(next_sla_at__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("staff:case", args=[self.reference])

    def tracking_path(self) -> str:
        return reverse("track_case", args=[self.reference, self.tracking_token])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.clock_paused_at is None and timezone.now() > self.due_at

    @property
    def is_confidential(self) -> bool:
        return self.sector_id == "security"

    @property
    def summary(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= 90 else text[:88] + "…"

    @property
    def masked_cpr(self) -> str:
        return mask_cpr(self.contact_cpr)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.contact_phone)

    @property
    def masked_email(self) -> str:
        if not self.contact_email:
            return ""
        local, _sep, domain = self.contact_email.partition("@")
        return f"{local[:1]}***@{domain}"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk edits and deletes, which bypass Model.save() and Model.delete()."""

    def update(self, **kwargs: object) -> int:
        raise RuntimeError("Case events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Case events are append-only.")


class CaseEvent(models.Model):
    """One line of a case's history. Written once, never edited or deleted."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    actor_label = models.CharField(max_length=20, default="staff")  # staff, citizen, system
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    is_public = models.BooleanField(default=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"], name="event_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise RuntimeError("Case events are append-only.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Case events are append-only.")


class Message(models.Model):
    """A public reply to the citizen, a message from the citizen, or an internal note."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply to the citizen")
        CITIZEN = "citizen", _("From the citizen")
        NOTE = "note", _("Internal note")
        INFO_REQUEST = "info_request", _("Request for more information")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    body = models.TextField()
    is_answer = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "created_at"], name="message_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    @property
    def is_public(self) -> bool:
        return self.kind != self.Kind.NOTE


class Attachment(models.Model):
    """A photo, re-encoded without metadata, stored outside the web root under a random name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, blank=True)
    storage_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    from_citizen = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def download_name(self) -> str:
        extension = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(
            self.content_type, "bin"
        )
        return f"{self.case.reference}-{str(self.id)[:8]}.{extension}"


class Rating(models.Model):
    """The citizen's rating of an answer, once per stage."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="ratings")
    stage = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "stage"], name="one_rating_per_stage"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.score}"


class ResponseTemplate(models.Model):
    """A reusable bilingual answer; national when no entity is set."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, null=True, blank=True)
    title_ar = models.CharField(_("Arabic title"), max_length=120)
    title_en = models.CharField(_("English title"), max_length=120)
    body_ar = models.TextField(_("Arabic text"))
    body_en = models.TextField(_("English text"))

    class Meta:
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["title_en"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "ar").startswith("en") else self.title_ar

    def body_for(self, language: str) -> str:
        return self.body_en if language == "en" else self.body_ar
