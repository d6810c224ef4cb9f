"""Every case has an owner: cases opened before owners existed belong to whoever opened them.
Cases can be restricted, and handovers are kept with their notes."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


def creators_own_their_cases(apps, schema_editor):
    Case = apps.get_model("casework", "Case")
    Case.objects.filter(owner__isnull=True).update(owner=models.F("created_by"))


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0003_invitations_and_account_audit"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="is_restricted",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="case",
            name="owner",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="owned_cases",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(creators_own_their_cases, migrations.RunPython.noop),
        migrations.CreateModel(
            name="Handover",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("by_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("from_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("to_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("note", casework.encryption.EncryptedTextField()),
                (
                    "by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="handovers",
                        to="casework.case",
                    ),
                ),
                (
                    "from_owner",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "to_owner",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["at"],
            },
        ),
    ]
