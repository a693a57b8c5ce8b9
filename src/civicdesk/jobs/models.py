"""Durable jobs and the schedule of periodic tasks, both claimed by conditional UPDATEs."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One run of a registered task, retried with backoff until it is done or out of attempts."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    name = models.CharField(_("task"), max_length=100)
    kwargs = models.JSONField(_("arguments"), default=dict, blank=True)
    key = models.CharField(
        _("key"), max_length=200, unique=True, null=True, blank=True, help_text=_("Same key, same job.")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    run_at = models.DateTimeField(_("run at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("maximum attempts"), default=5)
    lease_until = models.DateTimeField(_("lease until"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=100, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [
            # The claim query: due pending jobs, oldest first.
            models.Index(fields=["run_at"], condition=Q(state="pending"), name="job_due"),
            # Lease recovery: running jobs whose worker stopped renewing.
            models.Index(fields=["lease_until"], condition=Q(state="running"), name="job_lease"),
            # The purge and the admin's lists.
            models.Index(fields=["state", "finished_at"], name="job_state_finished"),
        ]

    def __str__(self) -> str:
        return f"{self.name} #{self.pk}"


class PeriodicSchedule(models.Model):
    """When a periodic task is next due; a worker takes a tick by moving `next_run_at` forward."""

    name = models.CharField(_("task"), max_length=100, primary_key=True)
    every = models.FloatField(_("every (seconds)"))
    next_run_at = models.DateTimeField(_("next run"))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_worker = models.CharField(_("last worker"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("periodic task")
        verbose_name_plural = _("periodic tasks")

    def __str__(self) -> str:
        return self.name
