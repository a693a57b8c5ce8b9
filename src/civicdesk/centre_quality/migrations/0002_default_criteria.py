"""The default self-assessment checklist (12 criteria in Arabic and English)."""

from django.db import migrations

from civicdesk.centre_quality.defaults import create_default_criteria


def add_criteria(apps, schema_editor):
    create_default_criteria(apps.get_model("centre_quality", "AssessmentCriterion"))


class Migration(migrations.Migration):
    dependencies = [("centre_quality", "0001_initial")]

    operations = [migrations.RunPython(add_criteria, migrations.RunPython.noop)]
