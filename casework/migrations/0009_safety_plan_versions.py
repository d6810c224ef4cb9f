"""Safety plans: dated versions, each linked to the screening it was reviewed with."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0008_referrals"),
    ]

    operations = [
        migrations.CreateModel(
            name="SafetyPlan",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("made_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("made_by_name", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("sections", casework.encryption.EncryptedJSONField(default=dict)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="safety_plans",
                        to="casework.case",
                    ),
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
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="casework.screening",
                    ),
                ),
            ],
            options={
                "ordering": ["-made_at"],
            },
        ),
    ]
