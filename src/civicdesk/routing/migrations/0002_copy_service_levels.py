"""Service levels move from core to routing (as policies with escalation); existing rows are kept."""

from django.db import migrations


def copy_levels(apps, schema_editor):  # type: ignore[no-untyped-def]
    old = apps.get_model("core", "ServiceLevel")
    new = apps.get_model("routing", "ServicePolicy")
    for level in old.objects.all():
        new.objects.get_or_create(
            entity_id=level.entity_id,
            case_type_id=level.case_type_id,
            category_id=None,
            defaults={"resolution": level.working_days},
        )


class Migration(migrations.Migration):
    dependencies = [("routing", "0001_initial"), ("core", "0001_initial")]

    operations = [migrations.RunPython(copy_levels, migrations.RunPython.noop)]
