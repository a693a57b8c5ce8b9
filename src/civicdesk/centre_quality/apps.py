from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentreQualityConfig(AppConfig):
    name = "civicdesk.centre_quality"
    label = "centre_quality"
    verbose_name = _("Service centre feedback, KPIs and self-assessment")
    default_auto_field = "django.db.models.BigAutoField"
