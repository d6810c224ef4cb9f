"""Run as a script by tests/test_pdf_workers.py: start the PDF workers, set one rendering
for ever, print its process id, then wait to be killed."""

import os
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "screening.settings")
    import django

    django.setup()
    from django.conf import settings

    from screening import downloads
    from tests import pdf_jobs

    settings.PDF_TIMEOUT_SECONDS = 600
    pid_file = sys.argv[1]
    downloads.start_workers().schedule(pdf_jobs.spin, args=(pid_file,))
    while not os.path.exists(pid_file) or not Path(pid_file).read_text():
        time.sleep(0.05)
    print("ready", flush=True)
    time.sleep(600)
