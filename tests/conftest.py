import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests serve assets straight from the build folder, as development does."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
