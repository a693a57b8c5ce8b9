from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "civicdesk.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from civicdesk.core.calendar import forget_overrides
        from civicdesk.core.models import HolidayOverride

        def _forget(**_kwargs: object) -> None:
            forget_overrides()

        post_save.connect(_forget, sender=HolidayOverride, weak=False)
        post_delete.connect(_forget, sender=HolidayOverride, weak=False)
