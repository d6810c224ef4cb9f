"""Reviews and tasks. A case screened before review dates existed is due a review
CASE_REVIEW_DAYS after its latest completed screening."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


def review_after_latest_screening(apps, schema_editor):
    import datetime

    from django.conf import settings
    from django.utils import timezone

    Case = apps.get_model("casework", "Case")
    Screening = apps.get_model("casework", "Screening")
    interval = datetime.timedelta(days=settings.CASE_REVIEW_DAYS)
    for case in Case.objects.only("pk").iterator():
        latest = (
            Screening.objects.filter(case_id=case.pk, completed_at__isnull=False)
            .order_by("-completed_at")
            .values_list("completed_at", flat=True)
            .first()
        )
        if latest is not None:
            Case.objects.filter(pk=case.pk).update(
                review_due_on=timezone.localdate(latest) + interval
            )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_case_notes_and_contact_log"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="review_due_on",
            field=models.DateField(blank=True, db_index=True, null=True),
        ),
        migrations.CreateModel(
            name="Task",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("title", casework.encryption.EncryptedTextField()),
                ("due_on", models.DateField(blank=True, null=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("completed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "assignee",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="tasks",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tasks",
                        to="casework.case",
                    ),
                ),
                (
                    "completed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["completed_at", "due_on", "created_at"],
            },
        ),
        migrations.RunPython(review_after_latest_screening, migrations.RunPython.noop),
    ]
