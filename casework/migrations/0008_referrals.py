"""Referrals on (police, Paladin, the National Stalking Helpline, a local stalking service,
MARAC), each with consent, dates, recipient, status and outcome."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0007_criminal_justice_and_people"),
    ]

    operations = [
        migrations.CreateModel(
            name="Referral",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "recorded_by_name",
                    casework.encryption.EncryptedTextField(blank=True, default=""),
                ),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "route",
                    models.CharField(
                        choices=[
                            ("police", "Police"),
                            ("paladin", "Paladin National Stalking Advocacy Service"),
                            ("helpline", "National Stalking Helpline"),
                            ("local", "Local stalking service"),
                            ("marac", "MARAC"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "consent",
                    models.CharField(
                        choices=[
                            ("yes", "Yes, the client agreed"),
                            ("no", "No, the client did not agree"),
                            ("not_asked", "Not asked yet"),
                        ],
                        default="not_asked",
                        max_length=20,
                    ),
                ),
                ("consent_on", models.DateField(blank=True, null=True)),
                (
                    "consent_recorded_by_name",
                    casework.encryption.EncryptedTextField(blank=True, default=""),
                ),
                ("sent_on", models.DateField(blank=True, null=True)),
                ("recipient", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_sent", "Not sent yet"),
                            ("sent", "Sent, waiting for an answer"),
                            ("accepted", "Accepted"),
                            ("declined", "Declined"),
                            ("closed", "Closed"),
                        ],
                        default="not_sent",
                        max_length=20,
                    ),
                ),
                ("outcome", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
                    ),
                ),
                (
                    "consent_recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["recorded_at"],
                "abstract": False,
            },
        ),
    ]
