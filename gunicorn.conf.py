"""gunicorn settings for production: `gunicorn --config gunicorn.conf.py screening.wsgi`.

Every value can be changed from the environment (see docs/deployment.md):

- ``BIND_ADDRESS``: where to listen, ``127.0.0.1:8000`` by default. Behind a load
  balancer on another machine, a private address such as ``10.0.0.5:8000``.
- ``WEB_CONCURRENCY``: worker processes. By default two per CPU core plus one,
  at most 9: each worker holds WeasyPrint and its fonts (about 110 MiB).
- ``GUNICORN_THREADS``: threads per worker, 2 by default.

Each worker loads ``screening.wsgi`` before it accepts a connection, and that
module imports the URLs, the views and the PDF renderer (fonts, stylesheet, a
warm-up render), so nobody's first page or first PDF waits for them. The app is
deliberately not preloaded in the master process: each worker builds its own
renderer state after the fork rather than sharing one made before it.
"""

import multiprocessing
import os
from pathlib import Path

MAX_DEFAULT_WORKERS = 9

wsgi_app = "screening.wsgi:application"
bind = [os.environ.get("BIND_ADDRESS", "127.0.0.1:8000")]
workers = int(
    os.environ.get("WEB_CONCURRENCY")
    or min(2 * multiprocessing.cpu_count() + 1, MAX_DEFAULT_WORKERS)
)
# Threads let a worker answer page requests while another thread waits on the
# database; keep-alive needs a threaded worker.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 2)
keepalive = 5
preload_app = False
# A worker whose main loop stops answering for this long is restarted. With threaded
# workers this is not a limit on one request: the proxy in front times requests out,
# and the PDF has its own limit (PDF_TIMEOUT_SECONDS) with a neutral page.
timeout = 30
graceful_timeout = 30
# Recycle workers now and then so slow growth in memory cannot build up.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on local disk.
MEMORY_FOLDER = Path("/dev/shm")  # noqa: S108 - gunicorn's advice for heartbeat files
if MEMORY_FOLDER.is_dir():
    worker_tmp_dir = str(MEMORY_FOLDER)

# Access log: method, path without its query string, status, size and time.
# No client address, user agent, referrer or query string: nothing personal.
accesslog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms"
errorlog = "-"
loglevel = "info"
# Django keeps its own log format (screening/web/log_format.py); print() output is
# not captured into the log.
capture_output = False
proc_name = "screening"
# No control socket file in the home folder: nothing on local disk.
control_socket_disable = True


def post_worker_init(worker):
    """Start this worker's PDF workers (screening/downloads.py) before it takes a request, so
    nobody's first PDF waits for them."""
    from screening.downloads import start_workers

    start_workers()


def worker_exit(server, worker):
    """Stop this worker's PDF workers with it (they also end by themselves if it dies)."""
    from screening.downloads import stop_workers

    stop_workers()
