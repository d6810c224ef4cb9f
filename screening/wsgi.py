"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "screening.settings")

application = get_wsgi_application()

# Load the URLs, views and PDF renderer (fonts, stylesheet, a warm-up render)
# now, at worker start, so the first person to download a summary does not
# wait for them.
import screening.urls  # noqa: E402, F401
