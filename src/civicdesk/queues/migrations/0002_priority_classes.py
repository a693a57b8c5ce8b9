"""The priority classes every centre starts with (editable in the admin)."""

from django.db import migrations

CLASSES = [
    ("elderly", "كبار السن", "Elderly people", 60, 1),
    ("disability", "ذوو الإعاقة", "People with disabilities", 60, 2),
    ("pregnancy", "الحوامل", "Pregnant women", 30, 3),
]


def add_classes(apps, schema_editor):  # type: ignore[no-untyped-def]
    PriorityClass = apps.get_model("queues", "PriorityClass")
    for code, name_ar, name_en, advance, order in CLASSES:
        PriorityClass.objects.get_or_create(
            code=code,
            defaults={"name_ar": name_ar, "name_en": name_en, "advance_minutes": advance, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("queues", "0001_initial")]
    operations = [migrations.RunPython(add_classes, migrations.RunPython.noop)]
