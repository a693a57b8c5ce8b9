"""Visit surveys after a ticket is served, and the centres' monthly self-assessment against a checklist."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.models import Centre
from civicdesk.cases.models import Case
from civicdesk.queues.models import Ticket

RATINGS = ("rating_staff", "rating_waiting", "rating_organisation", "rating_overall")
LOW_RATING = 2  # a rating at or below this opens a complaint case


def _in_language(arabic: str, english: str) -> str:
    return english if (get_language() or "ar").startswith("en") else arabic


def _one_to_five(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
        name=f"survey_{field}_1_to_5",
    )


class VisitSurvey(models.Model):
    """The one-minute survey sent after a visit: four ratings from 1 to 5 and a comment, answered once."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="survey")
    token = models.CharField(max_length=32, unique=True)  # the secret in the survey link
    rating_staff = models.PositiveSmallIntegerField(_("staff courtesy"), null=True, blank=True)
    rating_waiting = models.PositiveSmallIntegerField(_("waiting time"), null=True, blank=True)
    rating_organisation = models.PositiveSmallIntegerField(_("organisation"), null=True, blank=True)
    rating_overall = models.PositiveSmallIntegerField(_("overall"), null=True, blank=True)
    comment = models.CharField(_("comment"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    complaint = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("complaint")
    )

    class Meta:
        verbose_name = _("visit survey")
        verbose_name_plural = _("visit surveys")
        constraints = [
            *(_one_to_five(field) for field in RATINGS),
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True)
                | models.Q(**{f"{field}__isnull": False for field in RATINGS}),
                name="survey_answered_has_ratings",
            ),
        ]
        indexes = [models.Index(fields=["answered_at"], name="survey_answered")]

    def __str__(self) -> str:
        return f"survey {self.ticket_id}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class AssessmentCriterion(models.Model):
    """One line of the self-assessment checklist (clear signage, privacy at counters...), with a weight."""

    text_ar = models.CharField(_("criterion (Arabic)"), max_length=300)
    text_en = models.CharField(_("criterion (English)"), max_length=300)
    section_ar = models.CharField(_("section (Arabic)"), max_length=120, blank=True)
    section_en = models.CharField(_("section (English)"), max_length=120, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, help_text=_("From 1 to 5: how much the criterion counts in the score.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("self-assessment criterion")
        verbose_name_plural = _("self-assessment criteria")
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=5), name="criterion_weight_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return _in_language(self.text_ar, self.text_en)

    @property
    def section(self) -> str:
        return _in_language(self.section_ar, self.section_en)


class SelfAssessment(models.Model):
    """A centre's checklist for one month (`period` is the month's first day), with its weighted score."""

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="self_assessments", verbose_name=_("centre")
    )
    period = models.DateField(_("month"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    score_percent = models.DecimalField(_("score (%)"), max_digits=4, decimal_places=1)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["centre", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "period"], name="one_assessment_a_month"),
            models.CheckConstraint(
                condition=models.Q(score_percent__gte=0, score_percent__lte=100), name="score_is_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.centre_id} {self.period:%Y-%m}"


class Rating(models.IntegerChoices):
    NOT_MET = 0, _("Not met")
    PARTLY = 1, _("Partly met")
    MET = 2, _("Met")


class AssessmentAnswer(models.Model):
    """How well a centre met one criterion, with the weight the criterion had when it was answered."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        AssessmentCriterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    weight = models.PositiveSmallIntegerField(_("weight"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        ordering = ["assessment", "criterion__sort_order", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="one_answer_a_criterion"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=0, rating__lte=2), name="answer_rating_0_to_2"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.criterion_id}: {self.rating}"
