"""Service centres, their services and staff plans, and the bookings made for them (Mawaeed).

A booking holds one *seat* of one slot: (centre service, start, seat). A partial unique constraint on that
triple, over the bookings that hold their seat (neither cancelled nor solved before the visit), is what
makes double booking impossible on PostgreSQL and on SQLite alike; a second one keeps a person to one
booking per service per day.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Area, Bilingual, Entity
from civicdesk.core.validators import mask_cpr, mask_phone

WEEKDAYS = [
    (6, _("Sunday")),
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
]


def _in_language(arabic: str, english: str) -> str:
    return english if (get_language() or "ar").startswith("en") else arabic


class Centre(Bilingual):
    """A service centre of an entity, where people come for services that need a visit."""

    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="centres", verbose_name=_("entity")
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, verbose_name=_("area"))
    address_ar = models.CharField(_("address (Arabic)"), max_length=200)
    address_en = models.CharField(_("address (English)"), max_length=200)

    class Meta(Bilingual.Meta):
        verbose_name = _("service centre")
        verbose_name_plural = _("service centres")

    @property
    def address(self) -> str:
        return _in_language(self.address_ar, self.address_en)


class OpeningHours(models.Model):
    """When a centre's doors are open on a weekday (several rows for a split day)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["centre", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="hours_ordered")
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Closure(models.Model):
    """Days a centre is shut beyond the public holidays (maintenance, an event)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="closures")
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    reason_ar = models.CharField(_("reason (Arabic)"), max_length=200, blank=True)
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")), name="closure_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} {self.first_day}–{self.last_day}"


class Service(Bilingual):
    """A service in the national catalogue (renew an ID card, a building permit visit)."""

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+", verbose_name=_("entity"))

    class Meta(Bilingual.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class CentreService(models.Model):
    """A service as one centre offers it, with its own duration, prefix and booking rules."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="services")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=15)
    buffer_minutes = models.PositiveSmallIntegerField(_("buffer after each slot (minutes)"), default=0)
    places_per_slot = models.PositiveSmallIntegerField(
        _("places per slot"),
        default=1,
        help_text=_("People booked into one slot for each staff member on duty."),
    )
    ticket_prefix = models.CharField(_("ticket prefix"), max_length=2)
    documents_ar = models.TextField(_("required documents (Arabic)"), blank=True)
    documents_en = models.TextField(_("required documents (English)"), blank=True)
    bookable_online = models.BooleanField(_("bookable online"), default=True)
    lead_minutes = models.PositiveIntegerField(_("book at least this many minutes ahead"), default=60)
    horizon_days = models.PositiveSmallIntegerField(_("book at most this many days ahead"), default=30)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service at a centre")
        verbose_name_plural = _("services at centres")
        constraints = [
            models.UniqueConstraint(fields=["centre", "service"], name="one_offer_per_centre_service"),
            models.UniqueConstraint(fields=["centre", "ticket_prefix"], name="one_prefix_per_centre"),
            models.CheckConstraint(condition=models.Q(duration_minutes__gte=1), name="duration_positive"),
            models.CheckConstraint(condition=models.Q(places_per_slot__gte=1), name="places_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.centre_id}/{self.service_id}"

    @property
    def documents(self) -> str:
        return _in_language(self.documents_ar, self.documents_en)


class Counter(models.Model):
    """A desk where tickets are called; it serves some of the centre's services."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="counters")
    number = models.PositiveSmallIntegerField(_("number"))
    services = models.ManyToManyField(CentreService, related_name="counters", verbose_name=_("services"))
    is_open = models.BooleanField(_("open"), default=False)

    class Meta:
        verbose_name = _("counter")
        verbose_name_plural = _("counters")
        ordering = ["centre", "number"]
        constraints = [models.UniqueConstraint(fields=["centre", "number"], name="one_counter_number")]

    def __str__(self) -> str:
        return f"{self.centre_id} #{self.number}"


class WorkingPlan(models.Model):
    """When a staff member serves at a centre on a weekday; with no services chosen, every service."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="plans")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_plans"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))
    services = models.ManyToManyField(
        CentreService, blank=True, related_name="plans", verbose_name=_("services")
    )

    class Meta:
        verbose_name = _("working plan")
        verbose_name_plural = _("working plans")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends__gt=models.F("starts")), name="plan_ordered")
        ]

    def __str__(self) -> str:
        return f"{self.staff_id} {self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"


class PlanBreak(models.Model):
    """A break inside a working plan (prayer, lunch): no slot overlaps it."""

    plan = models.ForeignKey(WorkingPlan, on_delete=models.CASCADE, related_name="breaks")
    starts = models.TimeField(_("starts"))
    ends = models.TimeField(_("ends"))

    class Meta:
        verbose_name = _("break")
        verbose_name_plural = _("breaks")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends__gt=models.F("starts")), name="break_ordered")
        ]

    def __str__(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"


class PlanException(models.Model):
    """One day that differs from a staff member's plan: off (no times) or other hours."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="plan_exceptions")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    starts = models.TimeField(_("starts"), null=True, blank=True)
    ends = models.TimeField(_("ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("working plan exception")
        verbose_name_plural = _("working plan exceptions")
        constraints = [
            models.UniqueConstraint(fields=["centre", "staff", "day"], name="one_exception_a_day"),
            models.CheckConstraint(
                condition=models.Q(starts__isnull=True, ends__isnull=True)
                | models.Q(starts__isnull=False, ends__isnull=False, ends__gt=models.F("starts")),
                name="exception_off_or_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_id} {self.day}"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CHECKED_IN = "checked_in", _("Checked in")
    SERVED = "served", _("Served")
    NO_SHOW = "no_show", _("Did not come")
    SOLVED_REMOTELY = "solved_remotely", _("Solved before the visit")
    CANCELLED = "cancelled", _("Cancelled")


# A cancelled booking, or one settled by phone before the visit, gives its seat back.
FREES_SEAT = (BookingStatus.CANCELLED, BookingStatus.SOLVED_REMOTELY)
HOLDS_SEAT = ~models.Q(status__in=[status.value for status in FREES_SEAT])


class Booking(models.Model):
    """One person's appointment: a seat of a slot of a service at a centre."""

    code = models.CharField(_("booking code"), max_length=16, unique=True)  # MW-26-7K3M9QK
    token = models.CharField(max_length=32, unique=True)  # in the cancel and reschedule links
    centre_service = models.ForeignKey(CentreService, on_delete=models.PROTECT, related_name="bookings")
    day = models.DateField(_("day"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    seat = models.PositiveSmallIntegerField()
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    name = models.CharField(_("name"), max_length=120)
    cpr = models.CharField(_("CPR"), max_length=9)
    phone = models.CharField(_("phone"), max_length=16)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(max_length=2, default="ar")
    channel = models.CharField(max_length=16, default="web")  # web, api, staff
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_day_before = models.BooleanField(default=False)
    reminded_two_hours = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["centre_service", "starts_at", "seat"],
                condition=HOLDS_SEAT,
                name="one_booking_per_seat",
            ),
            models.UniqueConstraint(
                fields=["centre_service", "cpr", "day"],
                condition=HOLDS_SEAT,
                name="one_booking_per_person_day",
            ),
        ]
        indexes = [models.Index(fields=["centre_service", "day"], name="booking_service_day")]

    def __str__(self) -> str:
        return self.code

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def masked_cpr(self) -> str:
        return mask_cpr(self.cpr)
