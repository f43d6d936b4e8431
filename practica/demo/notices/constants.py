"""How much of the demo's past is told, and how much of it was read."""

from datetime import timedelta

# The slice: posts of the last two weeks, and the latest comments (a number, not a span:
# the demo's comments fall in working hours, so a span's count would change with the hour).
POSTS_DAYS, COMMENTS = 14, 110
# Notifications older than this were mostly read; the newer ones mostly wait.
READ_AFTER = timedelta(hours=20)
