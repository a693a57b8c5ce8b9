from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueuesConfig(AppConfig):
    name = "civicdesk.queues"
    label = "queues"
    verbose_name = _("Queues at service centres")
    default_auto_field = "django.db.models.BigAutoField"
