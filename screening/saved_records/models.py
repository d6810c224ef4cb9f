"""The one row a kept record needs: how to find it, the ciphertext, and two dates.

No name, no address, no session key, no time of day: nothing ties a row to a person or a visit.
The dates are days, not times, so a row cannot be matched to a request in a server log.
"""

from django.db import models


class KeptRecord(models.Model):
    #: The first half of the Argon2id output (see ``crypto``): finds the row, cannot read it.
    finder = models.BinaryField(max_length=32, unique=True)
    ciphertext = models.BinaryField()
    created_on = models.DateField()
    #: Deleted by ``delete_unopened_records`` after this day; moved on at every opening and save.
    expires_on = models.DateField(db_index=True)

    def __str__(self):
        return f"Kept record {self.pk}"
