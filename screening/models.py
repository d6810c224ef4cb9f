"""The one table the public side has: rate-limit counts (``screening.web.rate_limits``).

A row holds a keyed hash of what is counted (never a network address or an email address),
a count and when its window ends. Rows are shared by every app server through the database.
"""

from django.db import models


class RateLimitCounter(models.Model):
    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"Rate-limit count until {self.window_ends:%Y-%m-%d %H:%M}"
