"""Closed cases keep the date they were closed: the retention period runs from there. Cases
closed before this migration count from their last change, the nearest date there is."""

from django.db import migrations, models


def closed_at_last_change(apps, schema_editor):
    Case = apps.get_model("casework", "Case")
    Case.objects.filter(is_open=False, closed_at__isnull=True).update(
        closed_at=models.F("touched_at")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0009_safety_plan_versions"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="closed_at",
            field=models.DateTimeField(blank=True, db_index=True, null=True),
        ),
        migrations.RunPython(closed_at_last_change, migrations.RunPython.noop),
    ]
