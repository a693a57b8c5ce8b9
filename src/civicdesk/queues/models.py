"""The queue inside a service centre: tickets, the calls the display shows, and who staffs each counter.

A ticket is called in the order of its `queue_key`, a moment worked out once when it joins the queue: the
time of arrival, brought forward by its priority class's advance; a booking checked in on time queues at
its appointment time (brought forward by the centre's appointment advance), so people with appointments go
first when their time comes and early arrivals wait their turn. Ties go to the older ticket.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.models import Booking, Centre, CentreService, Counter
from civicdesk.core.models import Bilingual
from civicdesk.core.validators import mask_phone


class PriorityClass(Bilingual):
    """People served ahead of others (the elderly, people with disabilities), by so many minutes."""

    advance_minutes = models.PositiveSmallIntegerField(
        _("advance (minutes)"),
        default=30,
        help_text=_("A ticket of this class is called as if it had arrived this many minutes earlier."),
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("priority class")
        verbose_name_plural = _("priority classes")


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    CALLED = "called", _("Called")
    SERVING = "serving", _("Being served")
    HELD = "held", _("On hold")
    DONE = "done", _("Served")
    NO_SHOW = "no_show", _("Did not come")
    CANCELLED = "cancelled", _("Cancelled")


AT_COUNTER = (TicketStatus.CALLED, TicketStatus.SERVING)


class TicketSequence(models.Model):
    """The last ticket number given for one service at one centre on one day."""

    centre_service = models.ForeignKey(CentreService, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre_service", "day"], name="one_sequence_a_day")]

    def __str__(self) -> str:
        return f"{self.centre_service_id} {self.day}: {self.last}"


class Ticket(models.Model):
    """One person's place in a centre's queue, from the kiosk or a checked-in booking, with its timings."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="tickets")
    centre_service = models.ForeignKey(
        CentreService, on_delete=models.PROTECT, related_name="tickets", verbose_name=_("service")
    )
    day = models.DateField(_("day"))
    number = models.CharField(_("ticket number"), max_length=8)  # A001
    token = models.CharField(max_length=32, unique=True)  # the person's ticket page
    booking = models.OneToOneField(
        Booking, on_delete=models.PROTECT, null=True, blank=True, related_name="ticket"
    )
    priority = models.ForeignKey(
        PriorityClass, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("priority")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TicketStatus.choices, default=TicketStatus.WAITING
    )
    queue_key = models.DateTimeField()
    counter = models.ForeignKey(
        Counter,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tickets",
        verbose_name=_("counter"),
    )
    for_counter = models.ForeignKey(  # transferred to one counter only
        Counter, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    served_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    service_given = models.ForeignKey(
        CentreService,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service given"),
    )
    calls = models.PositiveSmallIntegerField(default=0)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    called_at = models.DateTimeField(_("called"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(max_length=2, default="ar")
    notify_at_position = models.PositiveSmallIntegerField(null=True, blank=True)
    position_notified = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        constraints = [
            models.UniqueConstraint(fields=["centre", "day", "number"], name="one_ticket_number_a_day"),
            models.UniqueConstraint(
                fields=["counter"],
                condition=models.Q(status__in=AT_COUNTER),
                name="one_ticket_at_a_counter",
            ),
        ]
        indexes = [
            models.Index(fields=["centre_service", "status", "queue_key"], name="ticket_queue"),
            # "Call next" reads a centre's waiting tickets of the day in calling order, and only those.
            models.Index(
                fields=["centre", "day", "queue_key", "id"],
                condition=models.Q(status=TicketStatus.WAITING),
                name="ticket_waiting",
            ),
            models.Index(  # who asked for an SMS and was not told yet
                fields=["centre_service", "day"],
                condition=models.Q(
                    status=TicketStatus.WAITING, notify_at_position__isnull=False, position_notified=False
                ),
                name="ticket_watching",
            ),
            models.Index(fields=["centre", "day", "status"], name="ticket_centre_day"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def wait_seconds(self) -> float | None:
        """From joining the queue to the first call."""
        if self.called_at is None:
            return None
        return (self.called_at - self.issued_at).total_seconds()

    @property
    def service_seconds(self) -> float | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


class QueueCall(models.Model):
    """A ticket called (or called again) to a counter: what the centre's display shows, in order."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="call_log")
    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="+")
    number = models.CharField(max_length=8)
    counter_number = models.PositiveSmallIntegerField()
    is_recall = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["centre", "id"], name="queue_call_feed")]

    def __str__(self) -> str:
        return f"{self.number} → {self.counter_number}"


class CounterShift(models.Model):
    """A staff member at a counter from opening it to closing it (for the console and the KPIs)."""

    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="shifts")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["counter"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_shift_a_counter",
            )
        ]

    def __str__(self) -> str:
        return f"{self.counter_id} {self.staff_id} {self.opened_at:%Y-%m-%d %H:%M}"
