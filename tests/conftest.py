import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests serve assets straight from the build folder, as development does."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _quick_passphrase_hashing(monkeypatch, settings):
    """Kept records derive their keys with a light Argon2id cost in tests, so the suite stays
    quick; tests/saved_records/test_crypto.py checks the real cost on its own."""
    from screening.saved_records import crypto

    monkeypatch.setattr(crypto, "COST", crypto.Cost(memory_kib=1024, iterations=1, lanes=1))
