"""Criminal justice milestones and the people doing it: crime references with the officer in
the case, bail conditions, orders, court dates, and any number of people per case."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import casework.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0006_review_dates_and_tasks"),
    ]

    operations = [
        migrations.CreateModel(
            name="BailCondition",
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
                ("conditions", casework.encryption.EncryptedTextField()),
                ("starts_on", models.DateField(blank=True, null=True)),
                ("ends_on", models.DateField(blank=True, null=True)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
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
        migrations.CreateModel(
            name="CourtDate",
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
                ("on", models.DateField()),
                ("court", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("purpose", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
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
                "ordering": ["on"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="CrimeReference",
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
                ("reference", casework.encryption.EncryptedTextField()),
                ("force", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("officer", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("officer_contact", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
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
        migrations.CreateModel(
            name="Perpetrator",
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
                ("name", casework.encryption.EncryptedTextField()),
                ("description", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("vehicles", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("phone_numbers", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("online_accounts", casework.encryption.EncryptedTextField(blank=True, default="")),
                ("addresses", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
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
        migrations.CreateModel(
            name="ProtectiveOrder",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("spo", "Stalking Protection Order"),
                            ("restraining", "Restraining order"),
                            ("non_molestation", "Non-molestation order"),
                        ],
                        max_length=20,
                    ),
                ),
                ("made_on", models.DateField()),
                ("expires_on", models.DateField(blank=True, db_index=True, null=True)),
                ("details", casework.encryption.EncryptedTextField(blank=True, default="")),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="casework.case",
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
