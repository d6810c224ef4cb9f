from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Advocate workspace")
    default_auto_field = "django.db.models.BigAutoField"
