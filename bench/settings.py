"""The service's own settings, with the benchmark URLconf (a bare view beside the service)."""

from screening.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
