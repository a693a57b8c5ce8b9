"""Routing rules (which entity and department handle a case) and service-level policies (how fast)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Area, CaseType, Category, Department, Entity


class RoutingRule(models.Model):
    """Category (plus type, governorate or area) to entity and department; the first match by order wins."""

    order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are tried first.")
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, verbose_name=_("category"))
    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("only for type")
    )
    governorate = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Entity.Kind.GOVERNORATE},
        verbose_name=_("only in governorate"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("only in area")
    )
    entity = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="routing_rules",
        verbose_name=_("send to entity"),
        help_text=_("Leave empty to send it to the governorate of the case's area."),
    )
    department_code = models.SlugField(
        _("send to department (code)"),
        max_length=60,
        blank=True,
        help_text=_("A department code of that entity; empty means the category's default department."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["category", "order"], name="routing_rule_lookup")]

    def __str__(self) -> str:
        target = f"{self.entity_id or 'governorate'}/{self.department_code or '-'}"
        return f"{self.order}: {self.category_id} → {target}"

    def clean(self) -> None:
        if self.area is not None and self.governorate_id and self.area.governorate_id != self.governorate_id:
            raise ValidationError({"area": _("This area is not in the chosen governorate.")})
        if (
            self.entity_id
            and self.department_code
            and not Department.objects.filter(entity_id=self.entity_id, code=self.department_code).exists()
        ):
            raise ValidationError(
                {"department_code": _("The chosen entity has no department with this code.")}
            )


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "days", _("working days")
    WORKING_HOURS = "hours", _("working hours")


class ServicePolicy(models.Model):
    """How fast an entity must respond and resolve, per type and optionally category.

    The most specific policy wins."""

    entity = models.ForeignKey(
        Entity, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("entity")
    )
    case_type = models.ForeignKey(
        CaseType, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("type")
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("category")
    )
    first_response = models.PositiveSmallIntegerField(
        _("first response within"),
        null=True,
        blank=True,
        help_text=_("Empty: no separate first-response target."),
    )
    first_response_unit = models.CharField(
        _("first response unit"), max_length=5, choices=TimeUnit.choices, default=TimeUnit.WORKING_HOURS
    )
    resolution = models.PositiveSmallIntegerField(_("answer within"), default=14)
    resolution_unit = models.CharField(
        _("answer unit"), max_length=5, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    stage_two_days = models.PositiveSmallIntegerField(_("second look within (working days)"), default=10)
    at_risk_percent = models.PositiveSmallIntegerField(_("at risk from (percent of the time)"), default=75)
    department_head_days = models.PositiveSmallIntegerField(
        _("extra working days for the department head"), default=2
    )
    entity_head_days = models.PositiveSmallIntegerField(
        _("extra working days for the entity head"), default=3
    )
    national_days = models.PositiveSmallIntegerField(
        _("extra working days for national oversight"), default=5
    )
    on_transfer = models.CharField(
        _("when a case is transferred in"),
        max_length=10,
        choices=[("keep", _("keep the original deadline")), ("restart", _("start a new deadline"))],
        default="keep",
    )

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(at_risk_percent__gte=1, at_risk_percent__lte=99),
                name="at_risk_percent_range",
            ),
            models.CheckConstraint(condition=models.Q(resolution__gte=1), name="resolution_at_least_one"),
        ]

    def __str__(self) -> str:
        scope = "/".join(str(x or "*") for x in (self.entity_id, self.case_type_id, self.category_id))
        return f"{scope}: {self.resolution} {self.resolution_unit}"

    @property
    def specificity(self) -> int:
        """Category beats entity beats type; used to pick the most specific policy."""
        return (
            (self.category_id is not None) * 4
            + (self.entity_id is not None) * 2
            + (self.case_type_id is not None)
        )

    def clean(self) -> None:
        duplicate = ServicePolicy.objects.filter(
            entity_id=self.entity_id, case_type_id=self.case_type_id, category_id=self.category_id
        ).exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError(_("A service level for this entity, type and category already exists."))

    def escalation_days(self) -> tuple[int, int, int]:
        """Extra working days given at each level: department head, entity head, national oversight."""
        return (self.department_head_days, self.entity_head_days, self.national_days)
