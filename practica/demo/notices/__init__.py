"""Demo notifications that came from real activities: everyone's notification centre holds
what the last days brought them (replies, mentions, new posts and comments in what they
watch, events, decisions, their duties), some read and some not.

The demo's discussions and events are written in bulk, without the services, so they record
no activity. For the recent slice of them (posts of the last two weeks, the latest 110
comments, upcoming events, requests and proposals waiting) this module records the
activity their service would have recorded, dated when the thing happened; then a few
fresh things are done through the services themselves (a mention, a reply, a join decision),
which record their own. Every activity goes through the notifications' real subscriber
(practica.notifications.deliver), so who hears of what follows the watches, the mutes and
the access rules: nobody is told of something they may not see.
"""

import random

from django.db import transaction
from django.utils import timezone

from .fresh import _fresh
from .recent import _recent_slice
from .settle import _settle


def seed_notices(rng: random.Random) -> None:
    """Record the recent slice's activities and do the fresh things, then date and read
    the notifications they made (they are made after commit, so after the block)."""
    started = timezone.now()
    with transaction.atomic():
        _recent_slice()
    with transaction.atomic():
        _fresh(rng)
    _settle(rng, since=started)
