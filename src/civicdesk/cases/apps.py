from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CasesConfig(AppConfig):
    name = "civicdesk.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from civicdesk.cases.search_sqlite import ensure_search_triggers

        post_migrate.connect(ensure_search_triggers, sender=self, dispatch_uid="cases-search-triggers")
