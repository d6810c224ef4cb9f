"""Log output that cannot carry what people typed (docs/safety.md D24).

Django's own log lines name the method, path and status, which is safe here:
paths hold neutral slugs and nothing personal ever travels in a query string.
Two things could still quote an answer, and both are cut here rather than
trusted to every caller:

- an exception's message (``KeyError('…what someone wrote…')``): tracebacks
  keep their frames and the exception's type, never its message;
- SQL logged by ``django.db.backends`` (only when debugging), whose text has the
  values filled in: it is cut before the first ``VALUES``, ``SET`` or ``WHERE``.
"""

import logging
import re
import traceback

_VALUES_START = re.compile(r"\s(?:VALUES|SET|WHERE)\b.*", re.S)
WITHHELD = "[values withheld]"


class WithoutValuesFormatter(logging.Formatter):
    """A plain formatter whose tracebacks name exceptions but never quote them."""

    def formatException(self, ei):
        exc_type, _exc, tb = ei
        lines = ["Traceback (most recent call last):"]
        lines += [
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
            for frame in traceback.extract_tb(tb)
        ]
        lines.append(f"{exc_type.__module__}.{exc_type.__qualname__}: {WITHHELD}")
        return "\n".join(lines)

    def formatStack(self, stack_info):
        return "Stack: " + WITHHELD


class WithoutQueryValues(logging.Filter):
    """Keep a logged query's shape (verb, table, columns) and drop its values."""

    def filter(self, record):
        if hasattr(record, "sql"):
            shape = _VALUES_START.sub(f" {WITHHELD}", str(record.sql))
            duration = getattr(record, "duration", 0.0) or 0.0
            record.msg = "(%.3f) %s; alias=%s"
            record.args = (duration, shape, getattr(record, "alias", ""))
            record.sql = shape
            record.params = None
        return True
