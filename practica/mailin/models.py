from django.db import models

# How long a message is remembered: far longer than any mail server keeps retrying (days).
KEEP_DAYS = 30


class Received(models.Model):
    """A message taken in, by its Message-ID: a mail server that delivers the same message
    again (it did not hear our answer in time, say) does not post it twice."""

    key = models.CharField(max_length=64, unique=True)  # sha256 of the Message-ID
    outcome = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.key[:12]}: {self.outcome}"
