"""Completed screenings keep a snapshot; professional judgement becomes a history of entries.

Screenings completed before this migration get the snapshot their stored answers give under the
rules they were scored with (v1, the only rule set there was), and a judgement they carried
becomes the first entry of their history, made by whoever conducted the screening.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


def keep_snapshots(apps, schema_editor):
    from screening import scoring

    Screening = apps.get_model("casework", "Screening")
    JudgementEntry = apps.get_model("casework", "JudgementEntry")
    for screening in Screening.objects.filter(completed_at__isnull=False).select_related(
        "conducted_by"
    ):
        completer = screening.conducted_by
        if screening.result is None:
            result = scoring.score(screening.answers, rules_version=screening.rules_version or None)
            screening.result = scoring.to_primitives(result)
            screening.completed_by = completer
            screening.completed_by_name = completer.full_name if completer else ""
            screening.save(update_fields=["result", "completed_by", "completed_by_name"])
        if screening.judgement_level:
            JudgementEntry.objects.create(
                screening=screening,
                level=screening.judgement_level,
                reason=screening.judgement_reason,
                made_by=completer,
                made_by_name=completer.full_name if completer else "",
                made_at=screening.completed_at,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="screening",
            name="completed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="screening",
            name="completed_by_name",
            field=casework.encryption.EncryptedTextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="screening",
            name="result",
            field=casework.encryption.EncryptedJSONField(default=None, null=True),
        ),
        migrations.CreateModel(
            name="JudgementEntry",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("level", casework.encryption.EncryptedTextField()),
                ("reason", casework.encryption.EncryptedTextField()),
                ("made_by_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("made_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                (
                    "withdrawn_by_name",
                    casework.encryption.EncryptedTextField(blank=True, default=""),
                ),
                (
                    "made_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "screening",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="judgements",
                        to="casework.screening",
                    ),
                ),
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["made_at"],
            },
        ),
        migrations.RunPython(keep_snapshots, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="screening",
            name="judgement_level",
        ),
        migrations.RemoveField(
            model_name="screening",
            name="judgement_reason",
        ),
    ]
