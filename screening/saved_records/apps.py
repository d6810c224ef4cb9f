from django.apps import AppConfig


class SavedRecordsConfig(AppConfig):
    name = "screening.saved_records"
    label = "saved_records"
    verbose_name = "Kept records"
    default_auto_field = "django.db.models.BigAutoField"
